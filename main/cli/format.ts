import {
  DOOR_NAMES,
  type OpenState,
  openAmong,
  type Reading,
  type VehicleStatus,
  WINDOW_NAMES,
} from '../../shared/vehicle';
import {
  capitalize,
  doorLabel,
  doorName,
  lockInWords,
  windowLabel,
  windowName,
} from '../../shared/words/parts';
import { formatAge } from '../../shared/words/time';

/** How long ago the car reported a reading, seen from `now` (epoch ms), as the popover says it. */
export function readingAge(timestamp: string | null, now: number): string {
  return timestamp === null ? 'time unknown' : formatAge(timestamp, now);
}

/**
 * A vehicle's status as a person reads it: a one-line summary, then a table of every part
 * with its state and the age of the car's reading. Unknown values show what the car said.
 */
export function formatStatus(status: VehicleStatus): string[] {
  const now = Date.parse(status.fetchedAt);
  const rows: [string, Reading<string>][] = [['Lock', status.lock]];
  for (const door of DOOR_NAMES) {
    const reading = status.doors[door];
    if (reading) rows.push([doorLabel(door), reading]);
  }
  for (const window of WINDOW_NAMES) {
    const reading = status.windows[window];
    if (reading) rows.push([windowLabel(window), reading]);
  }
  const cells = rows.map(([label, reading]) => [
    label,
    stateOf(reading),
    readingAge(reading.timestamp, now),
  ]);
  const header = ['Part', 'State', 'Reported'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((row) => row[column]?.length ?? 0)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    `${status.vin}: ${summary(status)}`,
    '',
    line(header),
    ...cells.map(line),
    '',
    `Fetched ${status.fetchedAt}.`,
  ];
}

function stateOf(reading: Reading<string>): string {
  return reading.reported === undefined
    ? reading.value
    : `${reading.value} (car said "${reading.reported}")`;
}

/** "Locked, everything closed." or "Unlocked; open: rear left door, sunroof." */
function summary(status: VehicleStatus): string {
  const lock = capitalize(lockInWords(status.lock));
  const open = [
    ...openAmong(DOOR_NAMES, status.doors).map(doorName),
    ...openAmong(WINDOW_NAMES, status.windows).map(windowName),
  ];
  const unknown = [
    ...partsIn(status.doors, DOOR_NAMES, doorName, ['UNKNOWN']),
    ...partsIn(status.windows, WINDOW_NAMES, windowName, ['UNKNOWN']),
  ];
  const said: string[] = [];
  if (open.length > 0) said.push(`open: ${open.join(', ')}`);
  if (unknown.length > 0) said.push(`unknown: ${unknown.join(', ')}`);
  return said.length === 0 ? `${lock}, everything closed.` : `${lock}; ${said.join('; ')}.`;
}

/** The names of the parts whose reading is one of `values`, in the order of `keys`. */
function partsIn<K extends string>(
  readings: Partial<Record<K, Reading<OpenState>>>,
  keys: readonly K[],
  nameOf: (key: K) => string,
  values: readonly OpenState[],
): string[] {
  return keys
    .filter((key) => {
      const value = readings[key]?.value;
      return value !== undefined && values.includes(value);
    })
    .map(nameOf);
}
