import {
  type DoorName,
  type Doors,
  isOpen,
  LOCK_BLOCKING_DOORS,
  openAmong,
  WINDOW_NAMES,
  type WindowName,
  type Windows,
} from '../../../shared/vehicle';

/** Which parts of the car are open (the open rule and part names live in `shared/`). */

/** Doors, hood and tailgate that are open: what stops the car from locking. Not the tank lid. */
export function openDoors(doors: Doors): DoorName[] {
  return openAmong(LOCK_BLOCKING_DOORS, doors);
}

/** Whether the tank lid is reported open (v2 only). */
export function tankLidOpen(doors: Doors): boolean {
  return doors.tankLid !== undefined && isOpen(doors.tankLid.value);
}

/** Windows and sunroof that are open. */
export function openWindows(windows: Windows): WindowName[] {
  return openAmong(WINDOW_NAMES, windows);
}
