import { describe, expect, it } from 'vitest';
import { control, simulatorPerTest, v2Get } from './test-helpers';

const t = simulatorPerTest();

describe('v2 engine-status', () => {
  it('answers STOPPED, then RUNNING with the time the control API started the engine', async () => {
    expect((await v2Get(t.sim, `/vehicles/${t.vin}/engine-status`)).body).toMatchObject({
      data: { engineStatus: { value: 'STOPPED', timestamp: expect.any(String) } },
    });
    expect((await control(t.sim, `/vehicles/${t.vin}/engine`, { running: true })).status).toBe(200);
    expect((await v2Get(t.sim, `/vehicles/${t.vin}/engine-status`)).body).toMatchObject({
      data: { engineStatus: { value: 'RUNNING' } },
    });
  });

  it('refuses a control body that is not a yes or no', async () => {
    const reply = await control(t.sim, `/vehicles/${t.vin}/engine`, { running: 'maybe' });
    expect(reply.status).toBe(400);
  });
});
