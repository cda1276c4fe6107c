import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { call, control, simulatorPerTest, v2Get } from './test-helpers';

const t = simulatorPerTest();

type Readings = Record<string, { value: string }>;

describe('the control API', () => {
  it('opens a door, a window and the sunroof, unlocks, and the API reports it', async () => {
    expect(
      (await control(t.sim, `/vehicles/${t.vin}/doors/rearLeft`, { value: 'OPEN' })).status,
    ).toBe(200);
    await control(t.sim, `/vehicles/${t.vin}/windows/frontRight`, { value: 'AJAR' });
    await control(t.sim, `/vehicles/${t.vin}/windows/sunroof`, { value: 'OPEN' });
    const locked = await control(t.sim, `/vehicles/${t.vin}/lock`, { value: 'UNLOCKED' });
    expect(locked.body).toMatchObject({ vin: t.vin, lock: { value: 'UNLOCKED' } });

    const doors = (await v2Get(t.sim, `/vehicles/${t.vin}/doors`)).body as { data: Readings };
    expect(doors.data.rearLeftDoor?.value).toBe('OPEN');
    expect(doors.data.centralLock?.value).toBe('UNLOCKED');
    const windows = (await v2Get(t.sim, `/vehicles/${t.vin}/windows`)).body as { data: Readings };
    expect(windows.data.frontRightWindow?.value).toBe('AJAR');
    expect(windows.data.sunroof?.value).toBe('OPEN');
  });

  it('puts a car to sleep', async () => {
    await control(t.sim, `/vehicles/${t.vin}/sleep`, { asleep: true });
    const state = (await call(t.sim, '/_simulator/state')).body as {
      vehicles: { vin: string; asleep: { value: boolean } }[];
    };
    expect(state.vehicles.find((v) => v.vin === t.vin)?.asleep.value).toBe(true);
  });

  it('shows the state of every car, the fault, quota use and counters', async () => {
    await v2Get(t.sim, '/vehicles');
    const { status, body } = await call(t.sim, '/_simulator/state');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      vehicles: [{ vin: t.vin }, { vin: t.sim.vins[1] }],
      fault: null,
      quota: { perDay: 10_000, usedToday: 1 },
      stats: { apiRequests: 1, grants: { authorization_code: 0, refresh_token: 0 } },
    });
  });

  it('mints an access token with the asked scopes', async () => {
    const minted = await control(t.sim, '/tokens', {
      scopes: ['openid', 'conve:vehicle_relation'],
    });
    const token = (minted.body as { access_token: string }).access_token;
    expect((await v2Get(t.sim, '/vehicles', token)).status).toBe(200);
    expect((await v2Get(t.sim, `/vehicles/${t.vin}/doors`, token)).status).toBe(403);
  });

  it('refuses bad input with a reason in words', async () => {
    const badValue = await control(t.sim, `/vehicles/${t.vin}/doors/frontLeft`, { value: 'WIDE' });
    expect(badValue.status).toBe(400);
    expect(badValue.body).toMatchObject({
      error: { message: 'BAD_REQUEST', description: 'Value: value must be OPEN, CLOSED or AJAR.' },
    });
    const badDoor = await control(t.sim, `/vehicles/${t.vin}/doors/trunk`, { value: 'OPEN' });
    expect(badDoor.status).toBe(400);
    expect(JSON.stringify(badDoor.body)).toContain('frontLeft');
    expect((await control(t.sim, '/vehicles/NOPE/sleep', { asleep: true })).status).toBe(404);
    const noSunroof = await control(t.sim, `/vehicles/${t.sim.vins[1]}/windows/sunroof`, {
      value: 'OPEN',
    });
    expect(noSunroof.status).toBe(404);
    const notJson = await call(t.sim, `/_simulator/vehicles/${t.vin}/lock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"value":',
    });
    expect(notJson.status).toBe(400);
    const textPlain = await call(t.sim, `/_simulator/vehicles/${t.vin}/lock`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"value":"UNLOCKED"}',
    });
    expect(textPlain.status).toBe(415);
    expect((await control(t.sim, '/fault', { kind: 'earthquake' })).status).toBe(400);
    expect((await call(t.sim, '/_simulator/nothing-here')).status).toBe(404);
    // Nothing changed.
    expect(JSON.stringify((await call(t.sim, '/_simulator/state')).body)).not.toContain('UNLOCKED');
  });

  it('refuses web pages: a foreign Origin or Host', async () => {
    const fromPage = await call(t.sim, `/_simulator/vehicles/${t.vin}/lock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{"value":"UNLOCKED"}',
    });
    expect(fromPage.status).toBe(403);
    // fetch will not send a foreign Host (what DNS rebinding produces), so node:http does.
    expect(await withHost('/_simulator/state', 'evil.example')).toBe(403);
    expect(await withHost('/_simulator/state', '127.0.0.1.evil.example')).toBe(403);
  });

  it('refuses pages served on this computer too: a simple POST from another local port', async () => {
    for (const origin of ['http://127.0.0.1:3000', 'http://localhost:5173', 'null']) {
      // No body, no preflight: what a page could send with fetch(..., { mode: 'no-cors' }).
      const revoke = await call(t.sim, '/_simulator/refresh-tokens/revoke', {
        method: 'POST',
        headers: { origin },
      });
      expect(revoke.status).toBe(403);
    }
    expect(
      (await call(t.sim, '/_simulator/refresh-tokens/revoke', { method: 'POST' })).status,
    ).toBe(200);
  });
});

describe('the whole simulator against DNS rebinding', () => {
  it('answers Volvo ID and the API only when addressed as 127.0.0.1 or localhost', async () => {
    for (const path of ['/.well-known/openid-configuration', '/connected-vehicle/v2/vehicles']) {
      expect(await withHost(path, 'evil.example')).toBe(403);
    }
    const { port } = new URL(t.sim.baseUrl);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect(await withHost('/.well-known/openid-configuration', host)).toBe(200);
    }
  });
});

/** The status of a GET sent with this Host header (fetch will not send a foreign one). */
function withHost(path: string, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    request(new URL(path, t.sim.baseUrl), { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode);
    })
      .on('error', reject)
      .end();
  });
}
