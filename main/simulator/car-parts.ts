/**
 * The parts a simulated car reports, in the simulator's own words (the field names Volvo's
 * answers use, without the "Door"/"Window" suffixes). Defined here, not taken from the client,
 * so a mistake in the client's names cannot hide in the oracle that tests it.
 */

/** The parts that stop a car from locking while open. */
export const LOCK_BLOCKING_PARTS = [
  'frontLeft',
  'frontRight',
  'rearLeft',
  'rearRight',
  'hood',
  'tailgate',
] as const;

/** Every door-like part the doors endpoint reports. */
export const CAR_DOORS = [...LOCK_BLOCKING_PARTS, 'tankLid'] as const;
export type CarDoor = (typeof CAR_DOORS)[number];

export const SIDE_WINDOWS = ['frontLeft', 'frontRight', 'rearLeft', 'rearRight'] as const;

/** Side windows and the sunroof (not on every car). */
export const CAR_WINDOWS = [...SIDE_WINDOWS, 'sunroof'] as const;
export type CarWindow = (typeof CAR_WINDOWS)[number];
