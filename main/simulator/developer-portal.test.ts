import { describe, expect, it } from 'vitest';
import { call, control, simulatorPerTest, v2Get } from './test-helpers';

const t = simulatorPerTest();

const backendStatus = () => call(t.sim, '/api/v1/backend-status');

describe("the developer portal's backend-status", () => {
  it('answers {"message":"OK"} with no token or key while the API is healthy', async () => {
    const answer = await backendStatus();
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.body).toEqual({ message: 'OK' });
  });

  it("an outage puts Volvo's notice there and makes every API call answer 503 until it ends", async () => {
    t.sim.setOutage('Connected Vehicle API is experiencing disturbances.');
    expect((await backendStatus()).body).toEqual({
      message: 'Connected Vehicle API is experiencing disturbances.',
    });
    const doors = await v2Get(t.sim, `/vehicles/${t.vin}/doors`);
    expect(doors.status).toBe(503);
    expect(doors.body).toMatchObject({ error: { message: 'SERVICE_UNAVAILABLE' } });
    expect((await v2Get(t.sim, '/vehicles')).status).toBe(503);

    t.sim.setOutage(null);
    expect((await backendStatus()).body).toEqual({ message: 'OK' });
    expect((await v2Get(t.sim, `/vehicles/${t.vin}/doors`)).status).toBe(200);
  });

  it('the control API starts and ends an outage, and its state shows it', async () => {
    const started = await control(t.sim, '/outage', { message: 'Planned maintenance.' });
    expect(started).toMatchObject({
      status: 200,
      body: { outage: { message: 'Planned maintenance.' } },
    });
    expect((await call(t.sim, '/_simulator/state')).body).toMatchObject({
      outage: { message: 'Planned maintenance.' },
    });
    expect((await backendStatus()).body).toEqual({ message: 'Planned maintenance.' });

    const ended = await call(t.sim, '/_simulator/outage', { method: 'DELETE' });
    expect(ended).toMatchObject({ status: 200, body: { outage: null } });
    expect((await backendStatus()).body).toEqual({ message: 'OK' });
    await control(t.sim, '/outage', { message: 'Again.' });
    await control(t.sim, '/outage', null);
    expect((await backendStatus()).body).toEqual({ message: 'OK' });
  });

  it('refuses an empty or oversized notice in words, and keeps what it had', async () => {
    const empty = await control(t.sim, '/outage', { message: '' });
    expect(empty).toMatchObject({
      status: 400,
      body: { error: { description: 'Message: message must not be empty.' } },
    });
    expect((await control(t.sim, '/outage', { message: 'x'.repeat(4001) })).status).toBe(400);
    expect(() => t.sim.setOutage('')).toThrow(/must not be empty/);
    expect((await backendStatus()).body).toEqual({ message: 'OK' });
  });

  it('answers only GET at that one path', async () => {
    const post = await call(t.sim, '/api/v1/backend-status', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect((await call(t.sim, '/api/v2/backend-status')).status).toBe(404);
  });
});
