import type { VehicleView } from '../../shared/snapshot';
import {
  DOOR_NAMES,
  type DoorName,
  isOpen,
  type OpenState,
  type Reading,
  WINDOW_NAMES,
  type WindowName,
} from '../../shared/vehicle';
import { capitalize, doorName, joinWithAnd, windowName } from '../../shared/words/parts';

/**
 * The openable parts of a car as the popover names them: doors, hood, tailgate, tank lid,
 * windows and sunroof, each with its reading from the Snapshot.
 */

export type PartId = `door.${DoorName}` | `window.${WindowName}`;

/** One part with what the car last said about it. */
export interface PartReading {
  id: PartId;
  /** "rear left door", "sunroof": the name in running text. */
  name: string;
  /** "Rear left door", "Sunroof" */
  label: string;
  kind: 'door' | 'window';
  state: OpenState;
  /** The raw value when the car reported one we do not know. */
  reported: string | undefined;
  timestamp: string | null;
}

function part(
  id: PartId,
  name: string,
  kind: PartReading['kind'],
  reading: Reading<OpenState>,
): PartReading {
  return {
    id,
    name,
    label: capitalize(name),
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
    for (const door of DOOR_NAMES) {
      const reading = doors[door];
      if (reading) parts.push(part(`door.${door}`, doorName(door), 'door', reading));
    }
  }
  if (windows) {
    for (const window of WINDOW_NAMES) {
      const reading = windows[window];
      if (reading) parts.push(part(`window.${window}`, windowName(window), 'window', reading));
    }
  }
  return parts;
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

/**
 * What the car said when it gave a value we do not know: `car said “HALF_OPEN”`, or that it
 * does not report the part at all (UNSPECIFIED).
 */
export function reportedNote(reported: string | undefined): string | null {
  if (reported === 'UNSPECIFIED') return 'not reported by the car';
  return reported ? `car said “${reported}”` : null;
}

/** The open or ajar parts' names, e.g. ["rear left door", "sunroof"]. */
export function openPartNames(vehicle: Pick<VehicleView, 'doors' | 'windows'>): string[] {
  return partReadings(vehicle)
    .filter((p) => isOpen(p.state))
    .map((p) => p.name);
}

/**
 * What is not known: parts whose value the car gave as something we do not know, and a whole
 * group (doors or windows) that could not be read while the other was.
 */
export function unknownPartNames(vehicle: Pick<VehicleView, 'doors' | 'windows'>): string[] {
  const names = partReadings(vehicle)
    .filter((p) => p.state === 'UNKNOWN')
    .map((p) => p.name);
  if (vehicle.doors && !vehicle.windows) names.push('windows');
  if (vehicle.windows && !vehicle.doors) names.push('doors');
  return names;
}

/**
 * The parts that are not closed, in words: "rear left door open", "front left window unknown",
 * "hood open; sunroof unknown"; null when every part is known to be closed. Nothing unknown is
 * ever summed up as closed.
 */
export function notClosedInWords(vehicle: Pick<VehicleView, 'doors' | 'windows'>): string | null {
  const open = openPartNames(vehicle);
  const unknown = unknownPartNames(vehicle);
  const said = [
    open.length ? `${joinWithAnd(open)} open` : '',
    unknown.length ? `${joinWithAnd(unknown)} unknown` : '',
  ].filter(Boolean);
  return said.length ? said.join('; ') : null;
}
