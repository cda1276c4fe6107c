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
 * How the person's computer writes a time of day: its locale ("en-US" writes "8:05 AM",
 * "en-GB" and "sv-SE" "08:05") and, where the OS has its own 12/24-hour switch, that switch.
 */
export interface ClockStyle {
  /** A BCP 47 locale, e.g. "en-US". */
  locale: string;
  /** true: 12-hour, false: 24-hour, null: as the locale writes it. */
  hour12: boolean | null;
}

/** Where nothing better is known (tests, a locale the runtime cannot use). */
export const DEFAULT_CLOCK_STYLE: ClockStyle = { locale: 'en-GB', hour12: null };

/**
 * The clock style from what the OS reported (outside input): an unknown or malformed locale
 * falls back to the default's, an hour switch that is not a boolean to the locale's own.
 */
export function clockStyleOf(locale: unknown, hour12: unknown): ClockStyle {
  let canonical = DEFAULT_CLOCK_STYLE.locale;
  if (typeof locale === 'string' && locale.length <= 100) {
    try {
      canonical = Intl.getCanonicalLocales(locale)[0] ?? canonical;
    } catch {
      // Not a locale (e.g. "C" or "en_US.UTF-8" from a Linux shell): keep the default.
    }
  }
  return { locale: canonical, hour12: typeof hour12 === 'boolean' ? hour12 : null };
}

const formatters = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

/** One pair of formatters per style: building them is slow and the popover ticks. */
function formattersFor(style: ClockStyle) {
  const key = `${style.locale}|${style.hour12}`;
  let found = formatters.get(key);
  if (found === undefined) {
    const hours: Intl.DateTimeFormatOptions =
      style.hour12 === null ? {} : { hourCycle: style.hour12 ? 'h12' : 'h23' };
    found = {
      time: new Intl.DateTimeFormat(style.locale, { hour: '2-digit', minute: '2-digit', ...hours }),
      date: new Intl.DateTimeFormat(style.locale, { day: 'numeric', month: 'short' }),
    };
    formatters.set(key, found);
  }
  return found;
}

/** "08:05" or "8:05 AM": the time of day as the person's computer writes it. */
export function formatTimeOfDay(at: Date, style: ClockStyle = DEFAULT_CLOCK_STYLE): string {
  const { time } = formattersFor(style);
  const text = time.format(at);
  // 12-hour clocks are written "8:05 AM", not "08:05 AM"; 24-hour ones keep "08:05".
  const twelve = ['h11', 'h12'].includes(time.resolvedOptions().hourCycle ?? '');
  return twelve ? text.replace(/^0(\d:)/, '$1') : text;
}

/**
 * "08:05" today, "yesterday 21:10" and "08:00 tomorrow" next to it, "24 Nov 21:10" further away
 * (local time, in the person's clock style). Times to come matter as much as past ones: a token
 * that works until a date two months ahead must not read as a time today.
 */
export function formatClockTime(
  iso: string,
  now: number,
  style: ClockStyle = DEFAULT_CLOCK_STYLE,
): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return 'an unknown time';
  const time = formatTimeOfDay(at, style);
  const day = localDayNumber(at) - localDayNumber(new Date(now));
  if (day === 0) return time;
  if (day === -1) return `yesterday ${time}`;
  if (day === 1) return `${time} tomorrow`;
  return `${formattersFor(style).date.format(at)} ${time}`;
}

/** Whole local days since the epoch: calendar days, whatever the daylight-saving changes. */
function localDayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY);
}

/** "since 08:05", "since yesterday 21:10". */
export function formatSince(
  iso: string,
  now: number,
  style: ClockStyle = DEFAULT_CLOCK_STYLE,
): string {
  return `since ${formatClockTime(iso, now, style)}`;
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
