import { newVehicleRecord, type VehicleRecord } from './vehicle-record';

/**
 * The cars of the account: which are watched (those the settings' list names; all of them when
 * it names none, as a list left from the demo or another account does not) and
 * which one is selected (shown first, locked by the shortcut). Records survive a new listing,
 * so a car keeps its readings when the account is listed again.
 */
export interface VehicleRoster {
  all(): readonly VehicleRecord[];
  watched(): VehicleRecord[];
  find(vin: string): VehicleRecord | undefined;
  selected(): string | null;
  /** Selects a car of the roster; returns false for a VIN it does not have. */
  select(vin: string): boolean;
  /** The account's cars as listed now; `preferredVin` is selected when it is one of them. */
  update(
    vins: readonly string[],
    watchedVins: readonly string[],
    preferredVin: string | null,
  ): void;
  clear(): void;
}

export function createVehicleRoster(): VehicleRoster {
  let vehicles: VehicleRecord[] = [];
  let selectedVin: string | null = null;

  const find = (vin: string) => vehicles.find((record) => record.vin === vin.toUpperCase());
  const watched = () => vehicles.filter((record) => record.watched);

  return {
    all: () => vehicles,
    watched,
    find,
    selected: () => selectedVin,
    select(vin) {
      const record = find(vin);
      if (record) selectedVin = record.vin;
      return record !== undefined;
    },
    update(vins, watchedVins, preferredVin) {
      const listed = vins.map((vin) => vin.toUpperCase());
      const wanted = watchedVins
        .map((vin) => vin.toUpperCase())
        .filter((vin) => listed.includes(vin));
      const isWatched = (vin: string) => wanted.length === 0 || wanted.includes(vin);
      vehicles = vins.map((raw) => {
        const vin = raw.toUpperCase();
        const record = find(vin) ?? newVehicleRecord(vin, isWatched(vin));
        record.watched = isWatched(vin);
        return record;
      });
      const preferred = preferredVin?.toUpperCase() ?? selectedVin;
      const candidates = watched().length > 0 ? watched() : vehicles;
      selectedVin =
        candidates.find((record) => record.vin === preferred)?.vin ?? candidates[0]?.vin ?? null;
    },
    clear() {
      vehicles = [];
      selectedVin = null;
    },
  };
}
