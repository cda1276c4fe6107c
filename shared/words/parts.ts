import {
  type DoorName,
  type LockState,
  notReported,
  type Reading,
  type WindowName,
} from '../vehicle';

/**
 * What a person calls each openable part of the car, in one place: the core's sentences and
 * notifications, the activity log, the tray, the CLI and the popover all take their words from
 * here. Pure and free of zod and Node, so the renderer imports it at no cost to its bundle.
 */

const DOOR_WORDS: Readonly<Record<DoorName, string>> = {
  frontLeft: 'front left door',
  frontRight: 'front right door',
  rearLeft: 'rear left door',
  rearRight: 'rear right door',
  hood: 'hood',
  tailgate: 'tailgate',
  tankLid: 'tank lid',
};

const WINDOW_WORDS: Readonly<Record<WindowName, string>> = {
  frontLeft: 'front left window',
  frontRight: 'front right window',
  rearLeft: 'rear left window',
  rearRight: 'rear right window',
  sunroof: 'sunroof',
};

/** A door's name in running text: "rear left door", "hood", "tank lid". */
export function doorName(door: DoorName): string {
  return DOOR_WORDS[door];
}

/** A window's name in running text: "rear left window", "sunroof". */
export function windowName(window: WindowName): string {
  return WINDOW_WORDS[window];
}

/** A door's name standing alone, as a label: "Rear left door", "Hood". */
export function doorLabel(door: DoorName): string {
  return capitalize(DOOR_WORDS[door]);
}

/** A window's name standing alone, as a label: "Rear left window", "Sunroof". */
export function windowLabel(window: WindowName): string {
  return capitalize(WINDOW_WORDS[window]);
}

/** Text with its first letter upper case, for the start of a sentence or a label. */
export function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** "" , "a", "a and b", "a, b and c". */
export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Part names as a sentence speaks of them: "the rear left door", "the rear left door and the
 * hood", "the hood, the tailgate and the sunroof".
 */
export function partsInWords(names: readonly string[]): string {
  return joinWithAnd(names.map((name) => `the ${name}`));
}

/** The lock in running text: "locked", "unlocked", "lock state not reported", "lock state unknown". */
export function lockInWords(lock: Reading<LockState> | null | undefined): string {
  if (lock?.value === 'LOCKED') return 'locked';
  if (lock?.value === 'UNLOCKED') return 'unlocked';
  return notReported(lock) ? 'lock state not reported' : 'lock state unknown';
}
