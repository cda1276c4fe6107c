import { describe, expect, it } from 'vitest';
import { simulatedApis } from '../../../test-support/simulated-api';
import { apiAnswering, json } from './testing/fake-fetch';

const VIN = 'YV1XZK9V2PA000001';

/** Home Assistant's recorded `xc90_petrol_2019/vehicle.json`, inside Volvo's `data` envelope. */
const XC90_2019 = {
  vin: VIN,
  modelYear: 2019,
  gearbox: 'AUTOMATIC',
  fuelType: 'PETROL',
  externalColour: 'Passion Red Solid',
  images: { exteriorImageUrl: 'https://cas.volvocars.com/image/x.png' },
  descriptions: { model: 'XC90', upholstery: 'CHARCOAL/LEABR/CHARC/S', steering: 'LEFT' },
};

describe('vehicle details', () => {
  it('reads the model, year and colour from v2 /vehicles/{vin}', async () => {
    const { api, fetch } = apiAnswering(() => json({ data: XC90_2019 }));
    expect(await api.vehicleDetails(VIN)).toEqual({
      model: 'XC90',
      modelYear: 2019,
      colour: 'Passion Red Solid',
    });
    expect(fetch.seen[0]?.url.pathname).toBe(`/connected-vehicle/v2/vehicles/${VIN}`);
  });

  it('loses only the field that is missing or odd, as real answers omit the colour', async () => {
    const { externalColour: _, ...noColour } = XC90_2019;
    expect(await apiAnswering(() => json({ data: noColour })).api.vehicleDetails(VIN)).toEqual({
      model: 'XC90',
      modelYear: 2019,
      colour: null,
    });
    const odd = { ...XC90_2019, modelYear: '2019', descriptions: { model: 'X'.repeat(500) } };
    expect(await apiAnswering(() => json({ data: odd })).api.vehicleDetails(VIN)).toEqual({
      model: null,
      modelYear: null,
      colour: 'Passion Red Solid',
    });
  });

  it('has no details for a car Volvo does not describe, or an answer that names nothing', async () => {
    const missing = apiAnswering(() => json({ errors: [{ code: 'NOT_FOUND' }] }, 404));
    expect(await missing.api.vehicleDetails(VIN)).toBeNull();
    expect(
      await apiAnswering(() => json({ data: { vin: VIN } })).api.vehicleDetails(VIN),
    ).toBeNull();
  });

  it('refuses an answer without the data envelope with an error, not a guess', async () => {
    const { api } = apiAnswering(() => json(XC90_2019));
    await expect(api.vehicleDetails(VIN)).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('v1 has no details and asks Volvo nothing', async () => {
    const { api, fetch } = apiAnswering(() => json({ data: XC90_2019 }), 'v1');
    expect(await api.vehicleDetails(VIN)).toBeNull();
    expect(fetch.seen).toHaveLength(0);
  });

  it('reads what the simulator says of each demo car', async () => {
    const { sim, api } = await simulatedApis()('v2');
    const [modern, classic] = sim.vins;
    expect(await api.vehicleDetails(modern ?? '')).toEqual({
      model: 'XC40',
      modelYear: 2023,
      colour: 'Crystal White',
    });
    expect(await api.vehicleDetails(classic ?? '')).toEqual({
      model: 'V60',
      modelYear: 2022,
      colour: null,
    });
  });
});
