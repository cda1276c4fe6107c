import type { Settings } from '../../../shared/settings';
import {
  type Doors,
  type LockState,
  notReported,
  type Reading,
  type Windows,
} from '../../../shared/vehicle';
import { openDoors, openWindows, tankLidOpen } from './open-parts';

/**
 * How often to ask about each car, and what: fast while something needs attention; once it is
 * locked and closed, less and less often the longer it stands still, down to the slow interval;
 * and stretched so the day's requests stay within the budget whatever the number of cars.
 * A locked, closed car is checked with the doors request alone (it carries the lock and every
 * door, hood and tailgate): its windows cannot change without the lock changing first (v2 has
 * no window command), so they are read when the lock or a door changes, when the popover opens
 * on old data, and otherwise every {@link WINDOWS_MAX_AGE_MS}.
 */

/** A full check reads doors (with the lock) and windows: two requests. */
export const REQUESTS_PER_POLL = 2;

/** The windows of a locked, closed car are read at least this often. */
export const WINDOWS_MAX_AGE_MS = 4 * 60 * 60_000;

/** After a command, the car stays on fast polling this long. */
export const COMMAND_ATTENTION_MS = 5 * 60_000;

/**
 * How long after its last change a parked car settles into the slow interval (with the default
 * 5 minutes, the spacing of the 10-minute interval over 3 hours that came before it).
 */
export const SETTLE_MS = 45 * 60_000;

/** Requests kept back from polling each day so a lock command still goes through. */
export function commandReserve(budget: number): number {
  return Math.max(10, Math.ceil(budget * 0.02));
}

export interface AttentionInput {
  lock: Reading<LockState> | null;
  doors: Doors | null;
  windows: Windows | null;
  /** Until when (epoch ms) a recent command or unlock window keeps the car on fast polling. */
  attentionUntil: number | null;
  /** When the app last saw a reading change (epoch ms), or null when it has seen none. */
  changedAt: number | null;
  /** When the app last read the windows (epoch ms), or null. */
  windowsAt: number | null;
}

/** Why this car needs fast polling right now, or null when it is locked and closed. */
export function attentionReason(vehicle: AttentionInput, now: number): string | null {
  if (vehicle.lock === null || vehicle.doors === null) return 'no reading yet';
  if (vehicle.attentionUntil !== null && vehicle.attentionUntil > now) return 'command sent';
  // A lock the car does not report keeps no car on fast polling for ever: the doors decide.
  if (vehicle.lock.value !== 'LOCKED' && !notReported(vehicle.lock)) return 'not locked';
  if (openDoors(vehicle.doors).length > 0 || tankLidOpen(vehicle.doors)) return 'door open';
  if (vehicle.windows !== null && openWindows(vehicle.windows).length > 0) return 'window open';
  return null;
}

/**
 * Whether this check reads the windows too: always while the car needs attention (unlocked,
 * open, command sent, no reading yet), else when the last windows reading is old.
 */
export function windowsDue(vehicle: AttentionInput, now: number): boolean {
  if (attentionReason(vehicle, now) !== null || vehicle.windowsAt === null) return true;
  // A reading "from the future" means the wall clock stepped back: its age is unknown.
  return now - vehicle.windowsAt >= WINDOWS_MAX_AGE_MS || vehicle.windowsAt > now;
}

/** The requests one check of this car costs on average, at this interval. */
export function requestsPerCheck(vehicle: AttentionInput, intervalMs: number, now: number): number {
  if (attentionReason(vehicle, now) !== null) return REQUESTS_PER_POLL;
  return 1 + Math.min(1, intervalMs / WINDOWS_MAX_AGE_MS);
}

/**
 * The interval of a parked car (locked and closed). A car parked a minute ago is far more
 * likely to be opened again soon (something forgotten, the next errand) than one parked for
 * hours, so checks start at the fast interval after the last change the app saw and spread out
 * as the square root of the time since (the spacing that notices a change soonest for a given
 * number of requests when the chance of use falls off with time), reaching the slow interval
 * after {@link SETTLE_MS}. A car the app has not seen change is checked at the slow interval:
 * a day parked costs no more than that. Only the app's own observations count, because Volvo's
 * timestamps may move without a change.
 */
export function parkedIntervalMs(
  changedAt: number | null,
  polling: Settings['polling'],
  now: number,
): number {
  const fast = polling.fastSeconds * 1000;
  const slow = polling.slowSeconds * 1000;
  if (changedAt === null) return slow;
  const settled = Math.sqrt(Math.max(0, now - changedAt) / SETTLE_MS);
  return Math.round(Math.min(slow, Math.max(fast, slow * settled)));
}

/** The interval before any budget stretching. */
export function baseIntervalMs(
  vehicle: AttentionInput,
  popoverOpen: boolean,
  polling: Settings['polling'],
  now: number,
): number {
  if (popoverOpen || attentionReason(vehicle, now) !== null) return polling.fastSeconds * 1000;
  return parkedIntervalMs(vehicle.changedAt, polling, now);
}
