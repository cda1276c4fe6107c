import { z } from 'zod';
import type { VehicleDetails } from '../../../shared/vehicle';
import type { JsonStore } from '../ports';
import { vehicleName } from './vehicle-name';
import type { VehicleRecord } from './vehicle-record';

/** More cars than any one Volvo ID has; older entries go first. */
const MAX_CARS = 100;

const detailsSchema = z.object({
  model: z.string().max(60).nullable(),
  modelYear: z.number().int().nullable(),
  colour: z.string().max(60).nullable(),
});

/** The state section: what Volvo said each car is, by VIN, so names survive a restart offline. */
export const vehicleDetailsStateSchema = z
  .record(z.string().max(17), detailsSchema)
  .refine((cars) => Object.keys(cars).length <= MAX_CARS);

export type StoredVehicleDetails = z.infer<typeof vehicleDetailsStateSchema>;

/**
 * Names the cars: keeps what Volvo said each car is (remembered across restarts) and gives each
 * record its name and details, the person's own name first.
 */
export interface VehicleNaming {
  /** Volvo's answer for one car; returns whether it told anything new. */
  described(vin: string, details: VehicleDetails | null): boolean;
  /** Sets each record's details and name, with the person's own names by VIN. */
  name(records: readonly VehicleRecord[], ownNames: Readonly<Record<string, string>>): void;
}

export function createVehicleNaming(store: JsonStore<StoredVehicleDetails>): VehicleNaming {
  let known: StoredVehicleDetails = store.load() ?? {};
  return {
    described(vin, details) {
      const { [vin]: before, ...others } = known;
      if (JSON.stringify(before ?? null) === JSON.stringify(details)) return false;
      const entries = Object.entries(others);
      if (details !== null) entries.push([vin, details]);
      known = Object.fromEntries(entries.slice(-MAX_CARS));
      store.save(known);
      return true;
    },
    name(records, ownNames) {
      for (const record of records) {
        record.details = known[record.vin] ?? null;
        record.name = vehicleName(record.vin, record.details, ownNames[record.vin]);
      }
    },
  };
}
