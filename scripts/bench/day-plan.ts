import type { DoorName } from '../../main/core/volvo/model';
import { between } from './random';

/**
 * The busy day the bench replays: a car parked locked and closed, unlocked now and then, a
 * door opened and closed, locked again. Two kinds of door openings:
 * - "unlocked": the car has stood unlocked a while (longer than the slow interval), then a door
 *   opens: what "a door opened on an unlocked car" means;
 * - "at unlock": the door opens seconds after the car is unlocked (the owner walks up to it).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
export const DAY = 24 * 60 * MINUTE;

export type OpeningKind = 'unlocked' | 'at-unlock';

export interface Episode {
  vin: string;
  kind: OpeningKind;
  door: DoorName;
  unlockAt: number;
  openAt: number;
  closeAt: number;
  lockAt: number;
}

const DOORS: readonly DoorName[] = ['frontLeft', 'frontRight', 'rearLeft', 'rearRight', 'tailgate'];

/** Episodes for each car over one day, times in ms from the start of the day. */
export function planDay(vins: readonly string[], random: () => number): Episode[] {
  const episodes: Episode[] = [];
  for (const vin of vins) {
    let t = between(random, 5 * MINUTE, 40 * MINUTE);
    for (;;) {
      const kind: OpeningKind = random() < 0.5 ? 'unlocked' : 'at-unlock';
      const unlockAt = t;
      const openAt =
        kind === 'unlocked'
          ? unlockAt + between(random, 11 * MINUTE, 40 * MINUTE)
          : unlockAt + between(random, 5 * SECOND, 60 * SECOND);
      const closeAt = openAt + between(random, 1 * MINUTE, 8 * MINUTE);
      const lockAt = closeAt + between(random, 30 * SECOND, 5 * MINUTE);
      if (lockAt >= DAY) break;
      const door = DOORS[Math.floor(random() * DOORS.length)] ?? 'frontLeft';
      episodes.push({ vin, kind, door, unlockAt, openAt, closeAt, lockAt });
      t = lockAt + between(random, 15 * MINUTE, 90 * MINUTE);
    }
  }
  return episodes.sort((a, b) => a.unlockAt - b.unlockAt);
}

/** Median and worst of a list of delays (ms). */
export function medianAndWorst(delays: readonly number[]): { median: number; worst: number } {
  const sorted = [...delays].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2 === 1
        ? (sorted[middle] ?? Number.NaN)
        : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, worst: sorted.at(-1) ?? Number.NaN };
}
