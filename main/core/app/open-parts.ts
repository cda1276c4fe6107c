import {
  type DoorName,
  type Doors,
  LOCK_BLOCKING_DOORS,
  type OpenState,
  type Reading,
  WINDOW_NAMES,
  type WindowName,
  type Windows,
} from '../volvo/model';

/** Which parts of the car are open (their names are in `../volvo/part-names`). */

/** AJAR counts as open: a door on the first latch is not shut. UNKNOWN is neither. */
function isOpen(value: OpenState): boolean {
  return value === 'OPEN' || value === 'AJAR';
}

function openOf<Name extends string>(
  names: readonly Name[],
  readings: Partial<Record<Name, Reading<OpenState>>>,
): Name[] {
  return names.filter((name) => {
    const reading = readings[name];
    return reading !== undefined && isOpen(reading.value);
  });
}

/** Doors, hood and tailgate that are open: what stops the car from locking. Not the tank lid. */
export function openDoors(doors: Doors): DoorName[] {
  return openOf(LOCK_BLOCKING_DOORS, doors);
}

/** Whether the tank lid is reported open (v2 only). */
export function tankLidOpen(doors: Doors): boolean {
  return doors.tankLid !== undefined && isOpen(doors.tankLid.value);
}

/** Windows and sunroof that are open. */
export function openWindows(windows: Windows): WindowName[] {
  return openOf(WINDOW_NAMES, windows);
}
