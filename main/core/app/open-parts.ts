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

/** Which parts of the car are open, and what a person calls them. */

/** AJAR counts as open: a door on the first latch is not shut. UNKNOWN is neither. */
function isOpen(value: OpenState): boolean {
  return value === 'OPEN' || value === 'AJAR';
}

const DOOR_WORDS: Record<DoorName, string> = {
  frontLeft: 'front left door',
  frontRight: 'front right door',
  rearLeft: 'rear left door',
  rearRight: 'rear right door',
  hood: 'hood',
  tailgate: 'tailgate',
  tankLid: 'tank lid',
};

const WINDOW_WORDS: Record<WindowName, string> = {
  frontLeft: 'front left window',
  frontRight: 'front right window',
  rearLeft: 'rear left window',
  rearRight: 'rear right window',
  sunroof: 'sunroof',
};

export function doorWord(door: DoorName): string {
  return DOOR_WORDS[door];
}

export function windowWord(window: WindowName): string {
  return WINDOW_WORDS[window];
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

/** "the front left door", "the front left door and the tailgate", "the a, the b and the c". */
export function listInWords(words: readonly string[]): string {
  const withArticle = words.map((word) => `the ${word}`);
  if (withArticle.length <= 1) return withArticle.join('');
  return `${withArticle.slice(0, -1).join(', ')} and ${withArticle[withArticle.length - 1]}`;
}
