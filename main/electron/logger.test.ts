import { describe, expect, it } from 'vitest';
import { createRedactingLogger, formatLogLine, redact, redactValue } from './logger';

const JWT =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJ1c2VyIiwic2NvcGUiOiJvcGVuaWQifQ.c2lnbmF0dXJlLWJ5dGVz';
const REFRESH = 'rt_9f8e7d6c5b4a39281706f5e4d3c2b1a0ZZyyXX';

describe('redact', () => {
  it('removes JWTs, bearer headers and long opaque strings from free text', () => {
    const text = `token ${JWT} then Authorization: Bearer ${REFRESH} and key ${REFRESH}`;
    const out = redact(text);
    expect(out).not.toContain(JWT);
    expect(out).not.toContain(REFRESH);
    expect(out).toBe(
      'token [redacted] then Authorization: [redacted] [redacted] and key [redacted]',
    );
    expect(redact('sent Bearer abcdefghijklmnop1234')).toBe('sent Bearer [redacted]');
  });

  it('removes secrets from query strings and JSON bodies', () => {
    expect(redact('http://127.0.0.1:8765/callback?code=abc123&state=xyz')).toBe(
      'http://127.0.0.1:8765/callback?code=[redacted]&state=xyz',
    );
    expect(redact('grant_type=refresh_token&refresh_token=short1')).toContain(
      'refresh_token=[redacted]',
    );
    expect(redact('{"access_token":"tiny","expires_in":299}')).toBe(
      '{"access_token":"[redacted]","expires_in":299}',
    );
  });

  it('keeps what people need to read: VINs, operation ids, ordinary words', () => {
    const text =
      'Lock of YV1XZK9V2PA000001 completed, operation 3f2b8c1e-9d4a-4e6f-8b2a-1c3d5e7f9a0b. Basic text storage in use.';
    expect(redact(text)).toBe(text);
  });
});

describe('redactValue', () => {
  it('drops secret-named fields whatever they hold and scrubs the rest', () => {
    expect(
      redactValue({
        apiKey: 'abc',
        clientSecret: 'x',
        nested: { refreshToken: 'y', note: `see ${JWT}` },
        error: new Error(`failed with Bearer ${REFRESH}`),
        count: 3,
      }),
    ).toEqual({
      apiKey: '[redacted]',
      clientSecret: '[redacted]',
      nested: { refreshToken: '[redacted]', note: 'see [redacted]' },
      error: 'failed with Bearer [redacted]',
      count: 3,
    });
  });

  it('never writes a deeply nested or circular value unredacted', () => {
    const deep = { a: { b: { c: { d: { e: { f: { token: 'secret-at-depth-six' } } } } } } };
    const circular: Record<string, unknown> = { note: 'loop' };
    circular.self = circular;
    const line = formatLogLine('info', 'event', { deep, circular }, new Date(0));
    expect(line).not.toContain('secret-at-depth-six');
    expect(line).toContain('[nested too deep]');
    expect(line).toContain('"note":"loop"');
  });
});

describe('createRedactingLogger', () => {
  it('writes redacted lines at or above the minimum level', () => {
    const lines: string[] = [];
    const logger = createRedactingLogger({
      minLevel: 'info',
      write: (_level, line) => lines.push(line),
      now: () => new Date('2026-11-27T08:00:00.000Z'),
    });
    logger.debug('not shown');
    logger.warn(`refresh failed for ${REFRESH}`, { accessToken: JWT, status: 400 });
    expect(lines).toEqual([
      '2026-11-27T08:00:00.000Z WARN refresh failed for [redacted] {"accessToken":"[redacted]","status":400}',
    ]);
  });
});
