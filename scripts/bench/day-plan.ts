import type { DoorName } from '../../shared/vehicle';
import { between } from './random';

/**
 * The days the bench replays. Every plan is a list of episodes, each the same story: the car
 * stands locked and closed, someone unlocks it, a door opens and closes again, and later the car
 * is locked again. The kinds differ in how long the car stood before and when the door opens:
 * - "unlocked" (busy day): the car has stood unlocked a while (longer than the slow interval),
 *   then a door opens: "a door opened on an unlocked car";
 * - "at-unlock" (busy day): the door opens seconds after the unlock (the owner walks up to it);
 * - "long-parked": the car stood locked for 3-24 hours; at the car the owner unlocks it, opens
 *   a door, gets in and drives off (the car stays unlocked while driven, is locked on arrival);
 * - "commute": a working week; the car stands overnight at home and the day at work, and is
 *   driven in the morning and the evening;
 * - "engine-left": the car stood locked for 3-24 hours; someone gets in, starts the engine,
 *   gets out and locks it with the engine running (a keyless car left running in a garage),
 *   until the car stops it 20-60 minutes later.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type EpisodeKind = 'unlocked' | 'at-unlock' | 'long-parked' | 'commute' | 'engine-left';

export interface Episode {
  vin: string;
  kind: EpisodeKind;
  door: DoorName;
  unlockAt: number;
  openAt: number;
  closeAt: number;
  lockAt: number;
  /** When the engine starts and stops (engine-left episodes only). */
  engine?: { startAt: number; stopAt: number };
}

const DOORS: readonly DoorName[] = ['frontLeft', 'frontRight', 'rearLeft', 'rearRight', 'tailgate'];

function pickDoor(random: () => number): DoorName {
  return DOORS[Math.floor(random() * DOORS.length)] ?? 'frontLeft';
}

/** The busy day: each car used every 15-90 minutes, times in ms from the start of the day. */
export function planDay(vins: readonly string[], random: () => number): Episode[] {
  const episodes: Episode[] = [];
  for (const vin of vins) {
    let t = between(random, 5 * MINUTE, 40 * MINUTE);
    for (;;) {
      const kind = random() < 0.5 ? 'unlocked' : 'at-unlock';
      const unlockAt = t;
      const openAt =
        kind === 'unlocked'
          ? unlockAt + between(random, 11 * MINUTE, 40 * MINUTE)
          : unlockAt + between(random, 5 * SECOND, 60 * SECOND);
      const closeAt = openAt + between(random, 1 * MINUTE, 8 * MINUTE);
      const lockAt = closeAt + between(random, 30 * SECOND, 5 * MINUTE);
      if (lockAt >= DAY) break;
      episodes.push({ vin, kind, door: pickDoor(random), unlockAt, openAt, closeAt, lockAt });
      t = lockAt + between(random, 15 * MINUTE, 90 * MINUTE);
    }
  }
  return sorted(episodes);
}

/**
 * A drive at the car after it stood `parkedMs`: unlocked, a door opened 5-60 s later and open
 * for 10 s to 10 minutes (getting in, loading), then driven off 10 s to 2 minutes after it
 * closes, and locked on arrival 10-60 minutes later.
 */
function drive(vin: string, kind: EpisodeKind, unlockAt: number, random: () => number): Episode {
  const openAt = unlockAt + between(random, 5 * SECOND, 60 * SECOND);
  const closeAt = openAt + between(random, 10 * SECOND, 10 * MINUTE);
  const lockAt =
    closeAt + between(random, 10 * SECOND, 2 * MINUTE) + between(random, 10 * MINUTE, 60 * MINUTE);
  return { vin, kind, door: pickDoor(random), unlockAt, openAt, closeAt, lockAt };
}

/** `days` days of drives after the car stood locked for 3 to 24 hours each time. */
export function planLongParked(
  vins: readonly string[],
  days: number,
  random: () => number,
): Episode[] {
  const episodes: Episode[] = [];
  for (const vin of vins) {
    let t = 0;
    for (;;) {
      const episode = drive(vin, 'long-parked', t + between(random, 3 * HOUR, 24 * HOUR), random);
      if (episode.lockAt >= days * DAY) break;
      episodes.push(episode);
      t = episode.lockAt;
    }
  }
  return sorted(episodes);
}

/** `days` working days: leave home at 6:30-8:30, leave work at 16:00-18:30. */
export function planCommutes(
  vins: readonly string[],
  days: number,
  random: () => number,
): Episode[] {
  const episodes: Episode[] = [];
  for (const vin of vins) {
    for (let day = 0; day < days; day++) {
      const start = day * DAY;
      for (const [from, to] of [
        [6.5 * HOUR, 8.5 * HOUR],
        [16 * HOUR, 18.5 * HOUR],
      ] as const) {
        episodes.push(drive(vin, 'commute', start + between(random, from, to), random));
      }
    }
  }
  return sorted(episodes);
}

/** `days` days in which, after 3 to 24 hours parked each time, the car is left running. */
export function planEngineLeftRunning(
  vins: readonly string[],
  days: number,
  random: () => number,
): Episode[] {
  const episodes: Episode[] = [];
  for (const vin of vins) {
    let t = 0;
    for (;;) {
      const unlockAt = t + between(random, 3 * HOUR, 24 * HOUR);
      const openAt = unlockAt + between(random, 5 * SECOND, 15 * SECOND);
      const closeAt = openAt + between(random, 5 * SECOND, 20 * SECOND);
      const startAt = closeAt + between(random, 10 * SECOND, 60 * SECOND);
      const lockAt = startAt + between(random, 30 * SECOND, 2 * MINUTE);
      const stopAt = lockAt + between(random, 20 * MINUTE, 60 * MINUTE);
      if (stopAt >= days * DAY) break;
      const door = pickDoor(random);
      const engine = { startAt, stopAt };
      episodes.push({ vin, kind: 'engine-left', door, unlockAt, openAt, closeAt, lockAt, engine });
      t = stopAt;
    }
  }
  return sorted(episodes);
}

function sorted(episodes: Episode[]): Episode[] {
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
