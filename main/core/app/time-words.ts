import { durationInWords } from '../../../shared/words/time';

/** Times and durations as a person reads them in the popover and in notifications. */

const clockFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "at 01:00 (in 3 h 30 min)": the local wall-clock time plus how long until then. */
export function whenInWords(at: number, now: number): string {
  return `at ${clockFormat.format(new Date(at))} (in ${durationInWords(at - now)})`;
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
