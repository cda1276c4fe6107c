import { describe, expect, it } from 'vitest';
import { errorFromAnswer } from './http-errors';

const now = Date.UTC(2026, 10, 27, 8, 0, 0);
const context = { version: 'v2' as const, notFound: 'Volvo does not know this vehicle', now };

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return {
    status,
    headers: new Headers(headers),
    text: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

const volvoError = (message: string, description: string) => ({ error: { message, description } });

describe('errorFromAnswer', () => {
  it('a 401 about the VCC API key says to check the key, not to sign in again', () => {
    const error = errorFromAnswer(
      answer(401, {
        statusCode: 401,
        error: {
          message: 'Access denied due to invalid VCC-API-KEY. Make sure to provide a valid key.',
        },
      }),
      context,
    );
    expect(error.kind).toBe('api-key');
    expect(error.message).toMatch(
      /^Volvo refused the VCC API key .*signing in again does not help\.$/,
    );
  });

  it('a 404 saying "car model is not supported" is about the endpoint, not an unknown car', () => {
    const error = errorFromAnswer(
      answer(404, {
        status: 404,
        operationId: 'op-1',
        error: volvoError('NOT_FOUND', 'Car model is not supported').error,
      }),
      context,
    );
    expect(error.message).toBe(
      'Volvo says this car model does not support this (Car model is not supported).',
    );
  });

  it.each([422, 500])(
    'a command failing with %i "Error returned from car" says the car refused or was out of reach, and the last state stands',
    (status) => {
      const error = errorFromAnswer(
        answer(status, volvoError('Error returned from car', '')),
        context,
      );
      expect(error.kind).toBe('unprocessable');
      expect(error.message).toContain('The car refused the request or could not be reached');
      expect(error.message).toContain('The last state volvo-tray read still stands');
    },
  );

  it.each([
    [400, 'bad-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [406, 'media-type'],
    [409, 'conflict'],
    [410, 'gone'],
    [415, 'media-type'],
    [418, 'bad-request'],
    [422, 'unprocessable'],
    [429, 'rate-limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [504, 'server'],
    [302, 'malformed'],
  ])('HTTP %i is a %s error', (status, kind) => {
    const error = errorFromAnswer(answer(status, volvoError('X', 'Something.')), context);
    expect(error.kind).toBe(kind);
    expect(error.details.status).toBe(status);
    expect(error.message).toMatch(/^[A-Z].*\.$/);
  });

  it('parses the quota body into the moment the quota returns', () => {
    const error = errorFromAnswer(
      answer(403, {
        statusCode: 403,
        message: 'Out of call volume quota. Quota will be replenished in 03:30:56.',
      }),
      context,
    );
    expect(error.kind).toBe('quota');
    expect(error.details.quotaResetsAt).toBe(now + (3 * 3600 + 30 * 60 + 56) * 1000);
    expect(error.message).toBe(
      "Volvo's daily request quota for your VCC API key is used up. It is replenished in 3 h 31 min.",
    );
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const inSeconds = errorFromAnswer(answer(429, '', { 'retry-after': '42' }), context);
    expect(inSeconds.details.retryAfterMs).toBe(42_000);
    expect(inSeconds.message).toBe('Too many requests to the Volvo API. Try again in 42 s.');
    const atDate = errorFromAnswer(
      answer(429, '', { 'retry-after': new Date(now + 90_000).toUTCString() }),
      context,
    );
    expect(atDate.details.retryAfterMs).toBe(90_000);
    expect(atDate.message).toContain('in 2 min');
    expect(errorFromAnswer(answer(429, ''), context).details.retryAfterMs).toBeUndefined();
  });

  it('ignores a Retry-After that is neither whole seconds nor a date, instead of retrying at once', () => {
    for (const value of ['1.5', '-5', 'soon']) {
      const error = errorFromAnswer(answer(429, '', { 'retry-after': value }), context);
      expect(error.details.retryAfterMs).toBeUndefined();
      expect(error.message).toBe('Too many requests to the Volvo API. Try again in a minute.');
    }
  });

  it('words an absurd or past Retry-After plainly, not as millions of days', () => {
    const huge = errorFromAnswer(answer(429, '', { 'retry-after': '1000000000000' }), context);
    expect(huge.message).toBe(
      'Too many requests to the Volvo API. Try again later (Volvo asked for an impossible wait).',
    );
    const past = errorFromAnswer(
      answer(429, '', { 'retry-after': new Date(now - 60_000).toUTCString() }),
      context,
    );
    expect(past.message).toBe('Too many requests to the Volvo API. Try again now.');
  });

  it('tells a v1 user to switch to v2 in one sentence when v1 is gone', () => {
    const error = errorFromAnswer(answer(410, volvoError('GONE', 'Version 1 is removed.')), {
      ...context,
      version: 'v1',
    });
    expect(error.kind).toBe('gone');
    expect(error.message).toBe('Volvo has removed API v1: switch to API v2 in Settings.');
  });

  it('names the missing scope and the unknown vehicle in words', () => {
    const scope = errorFromAnswer(
      answer(403, volvoError('FORBIDDEN', 'Missing scope conve:lock.')),
      context,
    );
    expect(scope.message).toContain('conve:lock');
    expect(scope.details.apiMessage).toBe('Missing scope conve:lock.');
    const vin = errorFromAnswer(answer(404, 'not json'), context);
    expect(vin.message).toBe('Volvo does not know this vehicle.');
  });
});
