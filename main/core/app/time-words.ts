import { type ClockStyle, durationInWords, formatTimeOfDay } from '../../../shared/words/time';

/** Times and durations as a person reads them in the popover and in notifications. */

/**
 * "at 01:00 (in 3 h 30 min)", or "at 1:00 AM (…)" on a 12-hour computer: the local wall-clock
 * time plus how long until then.
 */
export function whenInWords(at: number, now: number, style: ClockStyle): string {
  return `at ${formatTimeOfDay(new Date(at), style)} (in ${durationInWords(at - now)})`;
}

/** Midnight UTC after `now`: when Volvo's daily quota (and our count of it) starts over. */
export function nextUtcMidnight(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
}

/** "2026-11-27": the UTC day `now` falls on. */
export function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

export function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
