import type { Clock } from '../ports';

/**
 * Volvo allows 10 commands a minute; the app keeps under that itself, so a burst of clicks
 * gets a sentence instead of a 429.
 */
export interface CommandRateLimit {
  /** Takes a slot now, or says how long until one is free (ms). */
  take(): { ok: true } | { ok: false; waitMs: number };
}

export function createCommandRateLimit(
  clock: Clock,
  limit = 10,
  windowMs = 60_000,
): CommandRateLimit {
  let sent: number[] = [];
  return {
    take() {
      const now = clock.now();
      // A send "in the future" means the wall clock stepped back: count it as sent now, so
      // the wait never exceeds the window.
      sent = sent.map((at) => Math.min(at, now)).filter((at) => at > now - windowMs);
      const oldest = sent[0];
      if (sent.length >= limit && oldest !== undefined)
        return { ok: false, waitMs: oldest + windowMs - now };
      sent.push(now);
      return { ok: true };
    },
  };
}
