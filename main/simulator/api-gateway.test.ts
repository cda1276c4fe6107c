import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  apiHeaders,
  call,
  simulatorPerTest,
  V1_LOCK,
  V1_READ,
  V1_UNLOCK,
  v2Command,
  v2Get,
} from './test-helpers';

const t = simulatorPerTest({ quotaPerDay: 1000 });

/** Volvo's error body: the status and an operationId beside the error. */
const error = (message: string) => ({
  status: expect.any(Number),
  operationId: expect.any(String),
  error: { message, description: expect.any(String) },
});
const doorsPath = () => `/connected-vehicle/v2/vehicles/${t.vin}/doors`;

describe('headers', () => {
  it('refuses a call without a bearer token, with a wrong one, or with a Basic header (401)', async () => {
    const noToken = await call(t.sim, doorsPath(), {
      headers: { 'vcc-api-key': t.sim.apiKey, accept: 'application/json' },
    });
    expect(noToken.status).toBe(401);
    expect(noToken.body).toEqual(error('UNAUTHORIZED'));
    expect(noToken.headers.get('www-authenticate')).toMatch(/^Bearer/);

    const wrongToken = await v2Get(t.sim, `/vehicles/${t.vin}/doors`, 'not-a-token');
    expect(wrongToken.status).toBe(401);
    expect(wrongToken.body).toMatchObject({
      error: { message: 'UNAUTHORIZED', description: 'The access token is not valid.' },
    });

    const basic = await call(t.sim, doorsPath(), {
      headers: {
        ...apiHeaders(t.sim, { accept: 'application/json' }),
        authorization: 'Basic eDp5',
      },
    });
    expect(basic.status).toBe(401);
  });

  it('refuses a call without vcc-api-key or with a wrong one (401)', async () => {
    const { 'vcc-api-key': _key, ...noKey } = apiHeaders(t.sim, { accept: 'application/json' });
    const missing = await call(t.sim, doorsPath(), { headers: noKey });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({
      error: { message: 'UNAUTHORIZED', description: 'The vcc-api-key header is missing.' },
    });
    const wrong = await call(t.sim, doorsPath(), {
      headers: { ...noKey, 'vcc-api-key': 'someone-elses-key' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      error: {
        message: 'UNAUTHORIZED',
        description: expect.stringContaining('Access denied due to invalid VCC-API-KEY'),
      },
    });
  });

  it('refuses a read with the wrong accept (406) and a command with the wrong content-type (415)', async () => {
    const v2WithV1Accept = await call(t.sim, doorsPath(), {
      headers: apiHeaders(t.sim, { accept: V1_READ }),
    });
    expect(v2WithV1Accept.status).toBe(406);
    expect(v2WithV1Accept.body).toEqual(error('NOT_ACCEPTABLE'));

    const v1WithJson = await call(t.sim, `/connected-vehicle/v1/vehicles/${t.vin}/windows`, {
      headers: apiHeaders(t.sim, { accept: 'application/json' }),
    });
    expect(v1WithJson.status).toBe(406);

    const lockWithUnlockType = await call(
      t.sim,
      `/connected-vehicle/v1/vehicles/${t.vin}/commands/lock`,
      {
        method: 'POST',
        headers: apiHeaders(t.sim, { 'content-type': V1_UNLOCK }),
      },
    );
    expect(lockWithUnlockType.status).toBe(415);
    expect(lockWithUnlockType.body).toEqual(error('UNSUPPORTED_MEDIA_TYPE'));

    const v2Form = await call(t.sim, `/connected-vehicle/v2/vehicles/${t.vin}/commands/lock`, {
      method: 'POST',
      headers: apiHeaders(t.sim, { 'content-type': 'application/x-www-form-urlencoded' }),
      body: '',
    });
    expect(v2Form.status).toBe(415);
  });

  it('answers the accept headers open-source clients send: */*, application/*, none; 406 only when JSON is excluded', async () => {
    const withAccept = async (accept: string) =>
      (await call(t.sim, doorsPath(), { headers: apiHeaders(t.sim, { accept }) })).status;
    expect(await withAccept('*/*')).toBe(200);
    expect(await withAccept('application/*')).toBe(200);
    expect(await withAccept('text/html, */*;q=0.8')).toBe(200);
    expect(await withAccept('text/html')).toBe(406);
    expect(await withAccept('application/json;q=0')).toBe(406);
    // fetch always sends an accept header; a bare HTTP request sends none.
    const url = new URL(doorsPath(), t.sim.baseUrl);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request(url, { headers: apiHeaders(t.sim, {}) }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
  });

  it('takes a v2 command with no body and no content-type, as the peers send it', async () => {
    const locked = await call(t.sim, `/connected-vehicle/v2/vehicles/${t.vin}/commands/lock`, {
      method: 'POST',
      headers: apiHeaders(t.sim, {}),
    });
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ data: { invokeStatus: 'COMPLETED' } });
  });

  it('accepts a media type with parameters, and echoes vcc-api-operationId', async () => {
    const answer = await call(t.sim, doorsPath(), {
      headers: {
        ...apiHeaders(t.sim, { accept: 'text/html, application/json; charset=utf-8' }),
        'vcc-api-operationId': 'trace-42',
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('vcc-api-operationid')).toBe('trace-42');
  });
});

describe('scopes', () => {
  it('refuses a token without the endpoint scope (403) and names the scope', async () => {
    const readOnly = t.sim.issueAccessToken(['openid', 'conve:doors_status', 'conve:lock_status']);
    expect((await v2Get(t.sim, `/vehicles/${t.vin}/doors`, readOnly)).status).toBe(200);
    const lock = await v2Command(t.sim, t.vin, 'lock', readOnly);
    expect(lock.status).toBe(403);
    expect(lock.body).toMatchObject({
      error: { message: 'FORBIDDEN', description: 'The access token lacks the scope conve:lock.' },
    });
    const noLockStatus = t.sim.issueAccessToken(['openid', 'conve:doors_status']);
    const doors = await v2Get(t.sim, `/vehicles/${t.vin}/doors`, noLockStatus);
    expect(doors.status).toBe(403);
    expect(JSON.stringify(doors.body)).toContain('conve:lock_status');
  });

  it('needs openid on every call', async () => {
    const withoutOpenid = t.sim.issueAccessToken(['conve:vehicle_relation']);
    const answer = await v2Get(t.sim, '/vehicles', withoutOpenid);
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.body)).toContain('openid');
  });
});

describe('paths and bodies', () => {
  it('answers 404 for an unknown VIN, a malformed VIN and an unknown path, in both versions', async () => {
    const unknown = await v2Get(t.sim, '/vehicles/YV1XZK9V2PA999999/windows');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      error: {
        message: 'NOT_FOUND',
        description: 'No vehicle with VIN YV1XZK9V2PA999999 is linked to this account.',
      },
    });
    const v1Unknown = await call(t.sim, '/connected-vehicle/v1/vehicles/YV1XZK9V2PA999999/doors', {
      headers: apiHeaders(t.sim, { accept: V1_READ }),
    });
    expect(v1Unknown.status).toBe(404);
    expect(v1Unknown.body).toEqual(error('NOT_FOUND'));
    expect((await v2Get(t.sim, '/vehicles/<script>/windows')).status).toBe(404);
    expect((await v2Get(t.sim, `/vehicles/${t.vin}/engine-status-of-the-future`)).status).toBe(404);
    expect((await call(t.sim, '/connected-vehicle/v3/vehicles')).status).toBe(404);
    expect((await call(t.sim, '/favicon.ico')).body).toEqual(error('NOT_FOUND'));
  });

  it('answers 405 for a known path with the wrong method', async () => {
    const answer = await call(t.sim, `/connected-vehicle/v2/vehicles/${t.vin}/commands/lock`, {
      headers: apiHeaders(t.sim, { accept: 'application/json' }),
    });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST');
  });

  it('refuses v1 unlock bodies outside {"unlockDuration": 1..120} (400)', async () => {
    for (const body of [
      '',
      '{"unlockDuration":0}',
      '{"unlockDuration":121}',
      '{"unlockDuration":"60"}',
      '{"unlockDuration":1.5}',
      '{"unlockDuration":60,"extra":1}',
      '[60]',
      '{oops',
    ]) {
      const answer = await call(t.sim, `/connected-vehicle/v1/vehicles/${t.vin}/commands/unlock`, {
        method: 'POST',
        headers: apiHeaders(t.sim, { 'content-type': V1_UNLOCK }),
        body,
      });
      expect(answer.status, body).toBe(400);
      expect(answer.body).toEqual(error('BAD_REQUEST'));
    }
    // No command reached the car.
    expect((await call(t.sim, '/_simulator/state')).body).toMatchObject({
      vehicles: [{ pendingCommands: [] }, { pendingCommands: [] }],
    });
  });

  it('refuses a body on v2 commands and v1 lock other than nothing or {}', async () => {
    const v2 = await call(t.sim, `/connected-vehicle/v2/vehicles/${t.vin}/commands/lock`, {
      method: 'POST',
      headers: apiHeaders(t.sim, { 'content-type': 'application/json' }),
      body: '{"force":true}',
    });
    expect(v2.status).toBe(400);
    const v1 = await call(t.sim, `/connected-vehicle/v1/vehicles/${t.vin}/commands/lock`, {
      method: 'POST',
      headers: apiHeaders(t.sim, { 'content-type': V1_LOCK }),
      body: 'not json',
    });
    expect(v1.status).toBe(400);
    const v2Empty = await call(t.sim, `/connected-vehicle/v2/vehicles/${t.vin}/commands/lock`, {
      method: 'POST',
      headers: apiHeaders(t.sim, { 'content-type': 'application/json' }),
    });
    expect(v2Empty.status).toBe(200);
  });

  it('refuses an oversized body with 413 and keeps serving', async () => {
    const answer = await call(t.sim, `/connected-vehicle/v2/vehicles/${t.vin}/commands/lock`, {
      method: 'POST',
      headers: apiHeaders(t.sim, { 'content-type': 'application/json' }),
      body: `{"x":"${'a'.repeat(200_000)}"}`,
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual(error('PAYLOAD_TOO_LARGE'));
    expect((await v2Get(t.sim, '/vehicles')).status).toBe(200);
  });
});

describe('hostile requests', () => {
  it('answers garbage on the socket and a broken percent-encoding, and keeps serving', async () => {
    const port = Number(new URL(t.sim.baseUrl).port);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('\u0000\u0001 GARBAGE\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    const broken = await v2Get(t.sim, '/vehicles/%E0%A4%A/doors');
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual(error('BAD_REQUEST'));
    expect((await v2Get(t.sim, '/vehicles')).status).toBe(200);
  });
});

describe('v1Removed', () => {
  it("answers every v1 call 410 GONE like today's Volvo, and v2 still works", async () => {
    const removed = await t.start({ v1Removed: true });
    for (const path of [
      '/vehicles',
      `/vehicles/${t.vin}/doors`,
      `/vehicles/${t.vin}/commands/lock`,
    ]) {
      const answer = await call(removed, `/connected-vehicle/v1${path}`, {
        headers: apiHeaders(removed, { accept: V1_READ }),
      });
      expect(answer.status).toBe(410);
      expect(answer.body).toMatchObject({
        error: { message: 'GONE', description: 'Version 1 is removed.' },
      });
    }
    expect((await v2Get(removed, '/vehicles')).status).toBe(200);
  });
});

describe('quota and rate limits', () => {
  it('answers the real quota 403 body when the day is used up, with the time to 00:00 UTC', async () => {
    const small = await t.start({ quotaPerDay: 3 });
    for (let i = 0; i < 3; i++) expect((await v2Get(small, '/vehicles')).status).toBe(200);
    const out = await v2Get(small, '/vehicles');
    expect(out.status).toBe(403);
    // The fake clock stands at 08:00:00 UTC.
    expect(out.body).toEqual({
      statusCode: 403,
      message: 'Out of call volume quota. Quota will be replenished in 16:00:00.',
    });
    await t.clock.advance(3 * 3600_000 + 25 * 60_000 + 7_000);
    expect((await v2Get(small, '/vehicles')).body).toEqual({
      statusCode: 403,
      message: 'Out of call volume quota. Quota will be replenished in 12:34:53.',
    });
    await t.clock.advance(12 * 3600_000 + 34 * 60_000 + 53_000);
    expect((await v2Get(small, '/vehicles')).status).toBe(200);
  });

  it('allows 10 commands a minute per user and client, then 429 with Retry-After', async () => {
    const token = t.sim.issueAccessToken();
    for (let i = 0; i < 10; i++)
      expect((await v2Command(t.sim, t.vin, 'lock', token)).status).toBe(200);
    await t.clock.advance(20_000);
    const limited = await v2Command(t.sim, t.vin, 'lock', token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('40');
    expect(limited.body).toEqual(error('TOO_MANY_REQUESTS'));
    // Reads have their own budget.
    expect((await v2Get(t.sim, `/vehicles/${t.vin}/doors`, token)).status).toBe(200);
    // Another token of the same user and client shares the limit.
    expect((await v2Command(t.sim, t.vin, 'lock')).status).toBe(429);
    await t.clock.advance(40_000);
    expect((await v2Command(t.sim, t.vin, 'lock', token)).status).toBe(200);
  });

  it('allows 100 reads a minute, then 429', async () => {
    const token = t.sim.issueAccessToken();
    for (let i = 0; i < 100; i++) expect((await v2Get(t.sim, '/vehicles', token)).status).toBe(200);
    const limited = await v2Get(t.sim, '/vehicles', token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
  });
});
