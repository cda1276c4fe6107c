import type { Settings } from '../../../shared/settings';
import {
  type AttentionInput,
  baseIntervalMs,
  parkedIntervalMs,
  requestsPerCheck,
} from './poll-plan';

/**
 * How many requests polling will spend on one car until `until`, as the poll plan will really
 * schedule them. What the car itself needs (unlocked, something open, a command's attention
 * window) lasts as the plan says: an unlocked car is assumed to stay unlocked. What is passing
 * (an open popover, a car not read yet) is assumed to last {@link ATTENTION_HORIZON_MS}; then
 * the car settles on the parked ramp. The projection is redone at every decision.
 *
 * The worst case (everything fast all day) would be the wrong guess: it made a demo car that had
 * used 7 requests "stretch" its checks every evening.
 */
export const ATTENTION_HORIZON_MS = 60 * 60_000;

/** The projection must fit what is left with this much to spare before anything is stretched. */
export const PROJECTION_MARGIN = 1.1;

export function projectedRequests(input: {
  vehicle: AttentionInput;
  popoverOpen: boolean;
  polling: Settings['polling'];
  now: number;
  until: number;
}): number {
  const { vehicle, popoverOpen, polling, now, until } = input;
  const horizon = now + ATTENTION_HORIZON_MS;
  const unread = vehicle.lock === null || vehicle.doors === null;
  let requests = 0;
  for (let t = now; t < until; ) {
    const interval =
      t < horizon
        ? baseIntervalMs(vehicle, popoverOpen, polling, t)
        : unread
          ? parkedIntervalMs(horizon, polling, t)
          : baseIntervalMs(vehicle, false, polling, t);
    requests += requestsPerCheck(vehicle, interval, t);
    t += interval;
  }
  return requests;
}

/**
 * By how much (>= 1) to lengthen every interval: 1 while the projected use, with its margin,
 * fits in what is left; else the ratio that makes it fit; infinite when nothing is left.
 */
export function stretchFor(projected: number, remainingRequests: number): number {
  if (remainingRequests <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(1, (projected * PROJECTION_MARGIN) / remainingRequests);
}
