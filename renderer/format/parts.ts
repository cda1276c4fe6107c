import type { VehicleView } from '../../main/core/app/snapshot';
import type { DoorName, OpenState, Reading, WindowName } from '../../main/core/volvo/model';

/**
 * The openable parts of a car as the popover names them: doors, hood, tailgate, tank lid,
 * windows and sunroof, each with its reading from the Snapshot.
 */

export type PartId =
  | 'door.frontLeft'
  | 'door.frontRight'
  | 'door.rearLeft'
  | 'door.rearRight'
  | 'door.hood'
  | 'door.tailgate'
  | 'door.tankLid'
  | 'window.frontLeft'
  | 'window.frontRight'
  | 'window.rearLeft'
  | 'window.rearRight'
  | 'window.sunroof';

/** One part with what the car last said about it. */
export interface PartReading {
  id: PartId;
  /** "Rear left door", "Sunroof" */
  label: string;
  kind: 'door' | 'window';
  state: OpenState;
  /** The raw value when the car reported one we do not know. */
  reported: string | undefined;
  timestamp: string | null;
}

/** Each door's name as the popover (and the browser host's test panel) writes it. */
export const DOOR_LABELS = {
  frontLeft: 'Front left door',
  frontRight: 'Front right door',
  rearLeft: 'Rear left door',
  rearRight: 'Rear right door',
  hood: 'Hood',
  tailgate: 'Tailgate',
  tankLid: 'Tank lid',
} as const satisfies Record<DoorName, string>;

/** Each window's name, likewise. */
export const WINDOW_LABELS = {
  frontLeft: 'Front left window',
  frontRight: 'Front right window',
  rearLeft: 'Rear left window',
  rearRight: 'Rear right window',
  sunroof: 'Sunroof',
} as const satisfies Record<WindowName, string>;

function part(
  id: PartId,
  label: string,
  kind: PartReading['kind'],
  reading: Reading<OpenState>,
): PartReading {
  return {
    id,
    label,
    kind,
    state: reading.value,
    reported: reading.reported,
    timestamp: reading.timestamp,
  };
}

/** Every part the car reports, doors first; the tank lid and sunroof only where present. */
export function partReadings(vehicle: Pick<VehicleView, 'doors' | 'windows'>): PartReading[] {
  const parts: PartReading[] = [];
  const { doors, windows } = vehicle;
  if (doors) {
    for (const name of Object.keys(DOOR_LABELS) as (keyof typeof DOOR_LABELS)[]) {
      const reading = doors[name];
      if (reading) parts.push(part(`door.${name}`, DOOR_LABELS[name], 'door', reading));
    }
  }
  if (windows) {
    for (const name of Object.keys(WINDOW_LABELS) as (keyof typeof WINDOW_LABELS)[]) {
      const reading = windows[name];
      if (reading) parts.push(part(`window.${name}`, WINDOW_LABELS[name], 'window', reading));
    }
  }
  return parts;
}

/** Whether a part needs attention: open or ajar. */
export function isOpen(state: OpenState): boolean {
  return state === 'OPEN' || state === 'AJAR';
}

/** The state of one part in a word, never pretending an unknown value is "Closed". */
export function stateWord(state: OpenState): 'Open' | 'Ajar' | 'Closed' | 'Unknown' {
  switch (state) {
    case 'OPEN':
      return 'Open';
    case 'AJAR':
      return 'Ajar';
    case 'CLOSED':
      return 'Closed';
    case 'UNKNOWN':
      return 'Unknown';
  }
}

/** What the car said when it gave a value we do not know: `car said “HALF_OPEN”`. */
export function reportedNote(reported: string | undefined): string | null {
  return reported ? `car said “${reported}”` : null;
}

/** The open or ajar parts' labels, e.g. ["Rear left door", "Sunroof"]. */
export function openPartLabels(vehicle: Pick<VehicleView, 'doors' | 'windows'>): string[] {
  return partReadings(vehicle)
    .filter((p) => isOpen(p.state))
    .map((p) => p.label);
}

/** "Rear left door", "Rear left door and hood", "Hood, tailgate and sunroof". */
export function joinLabels(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? '';
  const rest = labels.slice(1).map((l) => l.charAt(0).toLowerCase() + l.slice(1));
  const last = rest.pop();
  return `${[labels[0], ...rest].join(', ')} and ${last}`;
}
