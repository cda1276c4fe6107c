import type { Doors, OpenState, Reading, VehicleStatus, Windows } from '../core/volvo/model';

/** How long ago the car reported a reading, seen from `now` (epoch ms). */
export function readingAge(timestamp: string | null, now: number): string {
  if (timestamp === null) return 'time unknown';
  const seconds = Math.floor((now - Date.parse(timestamp)) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

const DOOR_LABELS: [keyof Doors, string][] = [
  ['frontLeft', 'Front left door'],
  ['frontRight', 'Front right door'],
  ['rearLeft', 'Rear left door'],
  ['rearRight', 'Rear right door'],
  ['hood', 'Hood'],
  ['tailgate', 'Tailgate'],
  ['tankLid', 'Tank lid'],
];

const WINDOW_LABELS: [keyof Windows, string][] = [
  ['frontLeft', 'Front left window'],
  ['frontRight', 'Front right window'],
  ['rearLeft', 'Rear left window'],
  ['rearRight', 'Rear right window'],
  ['sunroof', 'Sunroof'],
];

/**
 * A vehicle's status as a person reads it: a one-line summary, then a table of every part
 * with its state and the age of the car's reading. Unknown values show what the car said.
 */
export function formatStatus(status: VehicleStatus): string[] {
  const now = Date.parse(status.fetchedAt);
  const rows: [string, Reading<string>][] = [['Lock', status.lock]];
  for (const [key, label] of DOOR_LABELS) {
    const reading = status.doors[key];
    if (reading) rows.push([label, reading]);
  }
  for (const [key, label] of WINDOW_LABELS) {
    const reading = status.windows[key];
    if (reading) rows.push([label, reading]);
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
  const lock =
    status.lock.value === 'LOCKED'
      ? 'Locked'
      : status.lock.value === 'UNLOCKED'
        ? 'Unlocked'
        : 'Lock state unknown';
  const open = [
    ...partsIn(status.doors, DOOR_LABELS, ['OPEN', 'AJAR']),
    ...partsIn(status.windows, WINDOW_LABELS, ['OPEN', 'AJAR']),
  ];
  const unknown = [
    ...partsIn(status.doors, DOOR_LABELS, ['UNKNOWN']),
    ...partsIn(status.windows, WINDOW_LABELS, ['UNKNOWN']),
  ];
  const said: string[] = [];
  if (open.length > 0) said.push(`open: ${open.join(', ')}`);
  if (unknown.length > 0) said.push(`unknown: ${unknown.join(', ')}`);
  return said.length === 0 ? `${lock}, everything closed.` : `${lock}; ${said.join('; ')}.`;
}

function partsIn<K extends string>(
  readings: Partial<Record<K, Reading<OpenState>>>,
  labels: [K, string][],
  values: OpenState[],
): string[] {
  return labels
    .filter(([key]) => {
      const value = readings[key]?.value;
      return value !== undefined && values.includes(value);
    })
    .map(([, label]) => label.toLowerCase());
}
