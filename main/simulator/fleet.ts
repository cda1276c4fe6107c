import type { SimClock } from './clock';
import { VehicleState } from './vehicle';

/**
 * The demo account's cars: a modern one (sunroof, lock-reduced-guard, honk and flash) and a
 * classic one.
 */
export const DEMO_VINS: readonly string[] = ['YV1XZK9V2PA000001', 'YV4A22PL3N1000002'];

/**
 * How `/vehicles/{vin}` describes the demo cars. The classic car's answer has no
 * `externalColour`, as Home Assistant's recorded `ex30_2024_no_colour/vehicle.json`.
 */
const MODERN_CAR = { model: 'XC40', modelYear: 2023, colour: 'Crystal White' };
const CLASSIC_CAR = { model: 'V60', modelYear: 2022, colour: null };

/** 17 characters, no I, O or Q. */
const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

export function isVin(value: string): boolean {
  return VIN_PATTERN.test(value);
}

/** The cars linked to the simulator's one Volvo ID. */
export class Fleet {
  private readonly vehicles = new Map<string, VehicleState>();

  constructor(vins: readonly string[], clock: SimClock, commandStepMs: number) {
    if (vins.length === 0) throw new Error('The simulator needs at least one VIN.');
    vins.forEach((vin, index) => {
      if (!isVin(vin)) throw new Error(`"${vin}" is not a VIN (17 characters, no I, O or Q).`);
      if (this.vehicles.has(vin)) throw new Error(`The VIN ${vin} is listed twice.`);
      // The first car is the modern one; the others are classic cars.
      const modern = index === 0;
      const catalogue = modern ? MODERN_CAR : CLASSIC_CAR;
      this.vehicles.set(
        vin,
        new VehicleState(
          vin,
          { sunroof: modern, lockReducedGuard: modern, hornAndLights: modern, catalogue },
          clock,
          commandStepMs,
        ),
      );
    });
  }

  get vins(): string[] {
    return [...this.vehicles.keys()];
  }

  get(vin: string): VehicleState | undefined {
    return this.vehicles.get(vin);
  }

  all(): VehicleState[] {
    return [...this.vehicles.values()];
  }
}
