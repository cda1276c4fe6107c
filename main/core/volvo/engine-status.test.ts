import { describe, expect, it } from 'vitest';
import { apiAnswering, json, reading } from './testing/fake-fetch';

const VIN = 'YV1XZK9V2PA000001';

const engine = (value: string) => () => json({ data: { engineStatus: reading(value) } });

describe('engine status', () => {
  it('reads RUNNING with the car’s time from v2 engine-status', async () => {
    const { api, fetch } = apiAnswering(engine('RUNNING'));
    expect(await api.engineStatus(VIN)).toEqual({
      value: 'RUNNING',
      timestamp: '2026-11-27T07:55:00.000Z',
    });
    expect(fetch.seen[0]?.url.pathname).toBe(`/connected-vehicle/v2/vehicles/${VIN}/engine-status`);
  });

  it('takes UNSPECIFIED and a 404 as "not reported", never as stopped', async () => {
    expect(await apiAnswering(engine('UNSPECIFIED')).api.engineStatus(VIN)).toBeNull();
    const missing = apiAnswering(() =>
      json({ errors: [{ code: 'NOT_FOUND', message: 'nope' }] }, 404),
    );
    expect(await missing.api.engineStatus(VIN)).toBeNull();
  });

  it('shows a value it does not know as UNKNOWN and keeps what the car said', async () => {
    expect(await apiAnswering(engine('IDLING')).api.engineStatus(VIN)).toMatchObject({
      value: 'UNKNOWN',
      reported: 'IDLING',
    });
  });

  it('refuses a 403 (scope not granted) with an error, not a guess', async () => {
    const { api } = apiAnswering(() => json({ error: { message: 'missing scope' } }, 403));
    await expect(api.engineStatus(VIN)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('v1 does not report the engine and asks Volvo nothing', async () => {
    const { api, fetch } = apiAnswering(engine('RUNNING'), 'v1');
    expect(await api.engineStatus(VIN)).toBeNull();
    expect(fetch.seen).toHaveLength(0);
  });
});
