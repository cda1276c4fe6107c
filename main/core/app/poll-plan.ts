import type { Settings } from '../settings';
import type { Doors, LockState, Reading, Windows } from '../volvo/model';
import { openDoors, openWindows, tankLidOpen } from './open-parts';

/**
 * How often to ask about each car: fast while something needs attention, slow while it is
 * locked and closed, and stretched so the day's requests stay within the budget whatever the
 * number of cars.
 */

/** One poll reads doors (with the lock) and windows: two requests. */
export const REQUESTS_PER_POLL = 2;

/** After a command, the car stays on fast polling this long. */
export const COMMAND_ATTENTION_MS = 5 * 60_000;

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
}

/** Why this car needs fast polling right now, or null when it is locked and closed. */
export function attentionReason(vehicle: AttentionInput, now: number): string | null {
  if (vehicle.lock === null || vehicle.doors === null) return 'no reading yet';
  if (vehicle.attentionUntil !== null && vehicle.attentionUntil > now) return 'command sent';
  if (vehicle.lock.value !== 'LOCKED') return 'not locked';
  if (openDoors(vehicle.doors).length > 0 || tankLidOpen(vehicle.doors)) return 'door open';
  if (vehicle.windows !== null && openWindows(vehicle.windows).length > 0) return 'window open';
  return null;
}

/** The interval before any budget stretching. */
export function baseIntervalMs(
  vehicle: AttentionInput,
  popoverOpen: boolean,
  polling: Settings['polling'],
  now: number,
): number {
  const fast = popoverOpen || attentionReason(vehicle, now) !== null;
  return (fast ? polling.fastSeconds : polling.slowSeconds) * 1000;
}

/**
 * By how much (>= 1) to lengthen every interval so that polling at the planned rate until the
 * quota resets spends no more than `remainingRequests`.
 */
export function budgetStretchFactor(input: {
  plannedRequestsPerMs: number;
  remainingRequests: number;
  msUntilReset: number;
}): number {
  if (input.plannedRequestsPerMs <= 0) return 1;
  if (input.remainingRequests <= 0) return Number.POSITIVE_INFINITY;
  const affordablePerMs = input.remainingRequests / Math.max(1, input.msUntilReset);
  return Math.max(1, input.plannedRequestsPerMs / affordablePerMs);
}
