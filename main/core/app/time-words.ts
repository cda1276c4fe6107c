/** Times and durations as a person reads them in the popover and in notifications. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "45 s", "12 min", "3 h 30 min", "2 days". */
export function durationInWords(ms: number): string {
  const value = Math.max(0, ms);
  if (value < MINUTE) return `${Math.ceil(value / 1000)} s`;
  if (value < HOUR) return `${Math.floor(value / MINUTE)} min`;
  if (value < 48 * HOUR) {
    const hours = Math.floor(value / HOUR);
    const minutes = Math.round((value - hours * HOUR) / MINUTE);
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  return `${Math.round(value / (24 * HOUR))} days`;
}

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
