import type { ActivityEntry } from '../../../shared/snapshot';
import {
  DOOR_NAMES,
  type Doors,
  type LockState,
  type OpenState,
  type Reading,
  WINDOW_NAMES,
  type Windows,
} from '../../../shared/vehicle';
import { capitalize, doorName, windowName } from '../../../shared/words/parts';

/** What changed between two readings of a car, as lines for its activity log. */

export interface ObservedParts {
  lock: Reading<LockState> | null;
  doors: Doors | null;
  windows: Windows | null;
}

export interface Change {
  text: string;
  kind: ActivityEntry['kind'];
}

function partChange(
  part: string,
  before: Reading<OpenState> | undefined,
  after: Reading<OpenState> | undefined,
): Change | null {
  if (!before || !after || before.value === after.value) return null;
  switch (after.value) {
    case 'OPEN':
      return { text: `${capitalize(part)} opened`, kind: 'info' };
    case 'AJAR':
      return { text: `${capitalize(part)} ajar`, kind: 'info' };
    case 'CLOSED':
      return { text: `${capitalize(part)} closed`, kind: 'info' };
    case 'UNKNOWN':
      return {
        text: `${capitalize(part)}: the car reported "${after.reported ?? 'nothing'}", which volvo-tray does not know`,
        kind: 'warning',
      };
  }
}

export function describeChanges(before: ObservedParts, after: ObservedParts): Change[] {
  const changes: Change[] = [];
  if (before.lock && after.lock && before.lock.value !== after.lock.value) {
    // "Car locked" is what the car reported; "Locked from volvo-tray" (the command runner's
    // entry) is what was asked, so the log tells the two apart.
    if (after.lock.value === 'LOCKED') changes.push({ text: 'Car locked', kind: 'info' });
    else if (after.lock.value === 'UNLOCKED') changes.push({ text: 'Car unlocked', kind: 'info' });
    else
      changes.push({
        text: `Lock state: the car reported "${after.lock.reported ?? 'nothing'}", which volvo-tray does not know`,
        kind: 'warning',
      });
  }
  const doorsBefore = before.doors;
  const doorsAfter = after.doors;
  if (doorsBefore && doorsAfter) {
    for (const door of DOOR_NAMES) {
      const change = partChange(doorName(door), doorsBefore[door], doorsAfter[door]);
      if (change) changes.push(change);
    }
  }
  const windowsBefore = before.windows;
  const windowsAfter = after.windows;
  if (windowsBefore && windowsAfter) {
    for (const window of WINDOW_NAMES) {
      const change = partChange(windowName(window), windowsBefore[window], windowsAfter[window]);
      if (change) changes.push(change);
    }
  }
  return changes;
}
