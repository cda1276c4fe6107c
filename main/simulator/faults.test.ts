import { describe, expect, it } from 'vitest';
import { call, control, simulatorPerTest, v2Get } from './test-helpers';

const t = simulatorPerTest();

describe('injected faults (API calls only, not Volvo ID)', () => {
  it('latency: answers, but only after the delay', async () => {
    t.sim.setFault({ kind: 'latency', ms: 150 });
    const started = performance.now();
    expect((await v2Get(t.sim, '/vehicles')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('status: answers 503 for the next N calls, then recovers', async () => {
    t.sim.setFault({ kind: 'status', status: 503, count: 2 });
    const first = await v2Get(t.sim, '/vehicles');
    expect(first.status).toBe(503);
    expect(first.body).toMatchObject({
      error: { message: 'SERVICE_UNAVAILABLE', description: expect.any(String) },
    });
    expect((await v2Get(t.sim, '/vehicles')).status).toBe(503);
    expect((await v2Get(t.sim, '/vehicles')).status).toBe(200);
  });

  it('status without count: every call until cleared', async () => {
    t.sim.setFault({ kind: 'status', status: 500 });
    for (let i = 0; i < 3; i++) expect((await v2Get(t.sim, '/vehicles')).status).toBe(500);
    t.sim.setFault(null);
    expect((await v2Get(t.sim, '/vehicles')).status).toBe(200);
  });

  it('malformed: 200 with a body that is not JSON', async () => {
    t.sim.setFault({ kind: 'malformed' });
    const answer = await v2Get(t.sim, `/vehicles/${t.vin}/doors`);
    expect(answer.status).toBe(200);
    expect(typeof answer.body).toBe('string');
    expect(() => JSON.parse(answer.body as string)).toThrow();
  });

  it('timeout: never answers, and close() still ends promptly', async () => {
    t.sim.setFault({ kind: 'timeout' });
    const outcome = await Promise.race([
      v2Get(t.sim, '/vehicles').then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((resolve) => setTimeout(() => resolve('no answer'), 200)),
    ]);
    expect(outcome).toBe('no answer');
    const closing = performance.now();
    await t.sim.close();
    expect(performance.now() - closing).toBeLessThan(1000);
  });

  it('unknown-values: readings carry values no client knows', async () => {
    t.sim.setFault({ kind: 'unknown-values' });
    expect((await v2Get(t.sim, `/vehicles/${t.vin}/doors`)).body).toMatchObject({
      data: { centralLock: { value: 'SECURED' }, frontLeftDoor: { value: 'HALF_OPEN' } },
    });
    expect((await v2Get(t.sim, `/vehicles/${t.vin}/windows`)).body).toMatchObject({
      data: { frontLeftWindow: { value: 'HALF_OPEN' }, frontRightWindow: { value: 'CLOSED' } },
    });
  });

  it('quota-exhausted: the real quota 403 body', async () => {
    t.sim.setFault({ kind: 'quota-exhausted' });
    const answer = await v2Get(t.sim, '/vehicles');
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      statusCode: 403,
      message: expect.stringMatching(
        /^Out of call volume quota\. Quota will be replenished in \d\d:\d\d:\d\d\.$/,
      ),
    });
  });

  it('rate-limit: 429 with the given Retry-After', async () => {
    t.sim.setFault({ kind: 'rate-limit', retryAfterSeconds: 42 });
    const answer = await v2Get(t.sim, '/vehicles');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('42');
  });

  it('leaves Volvo ID alone', async () => {
    t.sim.setFault({ kind: 'status', status: 502 });
    expect((await call(t.sim, '/.well-known/openid-configuration')).status).toBe(200);
  });

  it('refuses a fault that makes no sense', () => {
    expect(() => t.sim.setFault({ kind: 'latency', ms: -5 })).toThrow(/^Not a simulator fault/);
  });

  it('can be set and cleared over the control API', async () => {
    expect((await control(t.sim, '/fault', { kind: 'status', status: 504 })).status).toBe(200);
    expect((await v2Get(t.sim, '/vehicles')).status).toBe(504);
    const cleared = await call(t.sim, '/_simulator/fault', { method: 'DELETE' });
    expect(cleared.body).toEqual({ fault: null });
    expect((await v2Get(t.sim, '/vehicles')).status).toBe(200);
  });
});
