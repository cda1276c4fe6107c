/**
 * Times in words, in one style for the popover, notifications, the tray and the CLI: how long
 * something lasts, how old a reading is, since when something is open, how long is left of a
 * window. Pure functions of (time, now) so they can tick and be tested.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A span of time for a sentence: "45 s", "12 min", "3 h 31 min", "2 d 4 h". Time still to come
 * rounds up to the unit shown (`'up'`, the default), so "in 3 h 31 min" never comes before the
 * quota returns; time that has passed rounds down (`'down'`), so "open for 12 min" never
 * claims more than it has been.
 */
export function durationInWords(ms: number, rounding: 'up' | 'down' = 'up'): string {
  const round = rounding === 'up' ? Math.ceil : Math.floor;
  const seconds = Math.max(0, round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours === 0 ? `${days} d` : `${days} d ${restHours} h`;
}

/** "just now", "1 min ago", "3 min ago", "2 h ago", "yesterday", "4 days ago". */
export function formatAge(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 'at an unknown time';
  // A reading a little ahead of our clock (the car's clock differs) is simply fresh.
  const age = Math.max(0, now - at);
  if (age < 45_000) return 'just now';
  if (age < HOUR) return `${Math.max(1, Math.round(age / MINUTE))} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  if (age < 2 * DAY) return 'yesterday';
  return `${Math.floor(age / DAY)} days ago`;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * "08:05" today, "yesterday 21:10" and "08:00 tomorrow" next to it, "24 Nov 21:10" further away
 * (local time). Times to come matter as much as past ones: a token that works until a date two
 * months ahead must not read as a time today.
 */
export function formatClockTime(iso: string, now: number): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return 'an unknown time';
  const time = `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}`;
  const day = localDayNumber(at) - localDayNumber(new Date(now));
  if (day === 0) return time;
  if (day === -1) return `yesterday ${time}`;
  if (day === 1) return `${time} tomorrow`;
  const month = at.toLocaleString('en-GB', { month: 'short' });
  return `${at.getDate()} ${month} ${time}`;
}

/** Whole local days since the epoch: calendar days, whatever the daylight-saving changes. */
function localDayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY);
}

/** "since 08:05", "since yesterday 21:10". */
export function formatSince(iso: string, now: number): string {
  return `since ${formatClockTime(iso, now)}`;
}

/** A countdown: "1:54", "0:09"; never negative. */
export function formatCountdown(untilIso: string, now: number): string {
  const left = Math.max(0, Math.ceil((Date.parse(untilIso) - now) / 1000));
  if (Number.isNaN(left)) return '0:00';
  return `${Math.floor(left / 60)}:${twoDigits(left % 60)}`;
}

/** Milliseconds until `iso`, 0 when past or unreadable. */
export function msUntil(iso: string, now: number): number {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : Math.max(0, at - now);
}

/** The newest of the car's own timestamps, or null when it gave none. */
export function newestTimestamp(timestamps: readonly (string | null | undefined)[]): string | null {
  let newest: string | null = null;
  let newestAt = Number.NEGATIVE_INFINITY;
  for (const iso of timestamps) {
    if (!iso) continue;
    const at = Date.parse(iso);
    if (!Number.isNaN(at) && at > newestAt) {
      newest = iso;
      newestAt = at;
    }
  }
  return newest;
}
