import { jsonReply, type Reply } from './http';

const DAY_MS = 24 * 3600_000;

/** Calls per API key per UTC day, like Volvo's call volume quota. */
export class DailyQuota {
  private readonly used = new Map<string, { day: number; count: number }>();

  constructor(readonly perDay: number) {}

  /** Counts one call for `apiKey`; false (and not counted) when today's quota is used up. */
  consume(apiKey: string, now: number): boolean {
    const day = Math.floor(now / DAY_MS);
    const entry = this.used.get(apiKey);
    const count = entry && entry.day === day ? entry.count : 0;
    if (count >= this.perDay) return false;
    this.used.set(apiKey, { day, count: count + 1 });
    return true;
  }

  /** Calls counted today for `apiKey`. */
  usedToday(apiKey: string, now: number): number {
    const entry = this.used.get(apiKey);
    return entry && entry.day === Math.floor(now / DAY_MS) ? entry.count : 0;
  }
}

/** Milliseconds until the next 00:00 UTC, when the quota is replenished. */
export function untilQuotaReset(now: number): number {
  return (Math.floor(now / DAY_MS) + 1) * DAY_MS - now;
}

/** 'HH:MM:SS', rounded up to the second. */
export function formatHms(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** Volvo's own answer when the quota is used up (a different body from every other error). */
export function quotaExhaustedReply(now: number): Reply {
  return jsonReply(403, {
    statusCode: 403,
    message: `Out of call volume quota. Quota will be replenished in ${formatHms(untilQuotaReset(now))}.`,
  });
}
