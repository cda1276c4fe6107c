import { describe, expect, it } from 'vitest';
import { warningInWords } from '../../../shared/words/warnings';
import { apiAnswering, json } from './testing/fake-fetch';

const VIN = 'YV1XZK9V2PA000001';
const AT = '2024-12-30T14:18:56.849Z';

/** Shaped as Home Assistant's recorded `warnings.json`, one lamp failed. */
const answer =
  (extra: Record<string, unknown> = {}) =>
  () =>
    json({
      data: {
        brakeLightCenterWarning: { value: 'FAILURE', timestamp: AT },
        brakeLightLeftWarning: { value: 'NO_WARNING', timestamp: AT },
        hazardLightsWarning: { value: 'UNSPECIFIED', timestamp: AT },
        ...extra,
      },
    });

describe('the warnings a car reports', () => {
  it('keeps the failures only, with the car’s time', async () => {
    const { api, fetch } = apiAnswering(answer());
    expect(await api.warnings(VIN)).toEqual([
      { field: 'brakeLightCenterWarning', reading: { value: 'FAILURE', timestamp: AT } },
    ]);
    expect(fetch.seen[0]?.url.pathname).toBe(`/connected-vehicle/v2/vehicles/${VIN}/warnings`);
  });

  it('keeps a value it does not know as UNKNOWN, never as "no warning", and skips garbled fields', async () => {
    const { api } = apiAnswering(
      answer({ fogLightRearWarning: { value: 'DIMMED' }, lowBeamLeftWarning: { value: 5 } }),
    );
    const warnings = await api.warnings(VIN);
    expect(warnings).toContainEqual({
      field: 'fogLightRearWarning',
      reading: { value: 'UNKNOWN', timestamp: null, reported: 'DIMMED' },
    });
    expect(warnings?.map((w) => w.field)).not.toContain('lowBeamLeftWarning');
  });

  it('has none for a car without the endpoint, and asks nothing on v1', async () => {
    const missing = apiAnswering(() => json({ errors: [{ code: 'NOT_FOUND' }] }, 404));
    expect(await missing.api.warnings(VIN)).toBeNull();
    const v1 = apiAnswering(answer(), 'v1');
    expect(await v1.api.warnings(VIN)).toBeNull();
    expect(v1.fetch.seen).toHaveLength(0);
  });

  it('says each in words, a field Volvo added since by its own name', () => {
    const failed = (field: string) => ({
      field,
      reading: { value: 'FAILURE' as const, timestamp: AT },
    });
    expect(warningInWords(failed('brakeLightCenterWarning'))).toBe('Centre brake light: failure');
    expect(warningInWords(failed('wiperBladeWarning'))).toBe('Wiper blade: failure');
    expect(
      warningInWords({
        field: 'fogLightRearWarning',
        reading: { value: 'UNKNOWN', timestamp: null, reported: 'DIMMED' },
      }),
    ).toBe('Rear fog light: the car reported "DIMMED"');
  });
});
