import { describe, expect, it } from 'vitest';
import { simulatorPerTest, v2Command, v2Get } from './test-helpers';

const t = simulatorPerTest();

describe('v2 honk-flash, honk and flash', () => {
  it('sounds the horn and blinks the lights of a car that lists them, answering COMPLETED', async () => {
    for (const command of ['honk-flash', 'honk', 'flash']) {
      const answer = await v2Command(t.sim, t.vin, command);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ data: { vin: t.vin, invokeStatus: 'COMPLETED' } });
    }
    expect(
      t.sim
        .vehicle(t.vin)
        .beacons()
        .map((event) => event.kind),
    ).toEqual(['horn-and-lights', 'horn', 'lights']);
  });

  it('answers 404 on a car whose command list lacks them, which lists none of them', async () => {
    const listed = (await v2Get(t.sim, `/vehicles/${t.classicVin}/commands`)).body as {
      data: { command: string }[];
    };
    expect(listed.data.map((entry) => entry.command)).not.toContain('HONK_AND_FLASH');
    const refused = await v2Command(t.sim, t.classicVin, 'honk-flash');
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ error: { message: 'NOT_FOUND' } });
    expect(t.sim.vehicle(t.classicVin).beacons()).toEqual([]);
  });

  it('needs the restricted scope conve:honk_flash (403, naming it), and does nothing without it', async () => {
    const withoutIt = t.sim.issueAccessToken(['openid', 'conve:lock', 'conve:commands']);
    const refused = await v2Command(t.sim, t.vin, 'honk-flash', withoutIt);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('conve:honk_flash');
    expect(t.sim.vehicle(t.vin).beacons()).toEqual([]);
  });

  it('an asleep car does not honk: CAR_IN_SLEEP_MODE', async () => {
    t.sim.vehicle(t.vin).setAsleep(true);
    expect((await v2Command(t.sim, t.vin, 'honk-flash')).body).toMatchObject({
      data: { invokeStatus: 'CAR_IN_SLEEP_MODE' },
    });
    expect(t.sim.vehicle(t.vin).beacons()).toEqual([]);
  });
});
