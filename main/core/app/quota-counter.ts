import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Clock, JsonStore } from '../ports';
import { nextUtcMidnight, utcDay } from './time-words';

/**
 * Counts HTTP requests per VCC API key per UTC day, as Volvo counts its 10,000-a-day quota.
 * The count survives restarts (several runs of the app on one day share one quota). The key
 * itself is never stored: only a short fingerprint of it. The count is written at most once a
 * minute (each write is a durable file write on the app's main thread) and in full on
 * `flush()`, so a crash forgets at most a minute of requests.
 */

/** How often the count is written while requests go out. */
export const QUOTA_SAVE_INTERVAL_MS = 60_000;

/** More API keys than anyone uses in a day. */
const MAX_KEYS = 100;

export const quotaStateSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Requests today per API key fingerprint. */
  counts: z
    .record(z.string().max(64), z.number().int().nonnegative())
    .refine((counts) => Object.keys(counts).length <= MAX_KEYS),
});
export type QuotaState = z.infer<typeof quotaStateSchema>;

export interface QuotaCounter {
  /** Which API key the following requests use (null: none, nothing is counted). */
  countFor(apiKey: string | null): void;
  /** One request went out with the current key. */
  record(): void;
  /** Requests sent today with the current key. */
  usedToday(): number;
  /** When today's count resets: midnight UTC, epoch ms. */
  resetsAt(): number;
  /** Writes the count now if it changed since the last write (the app is stopping). */
  flush(): void;
}

/** A fingerprint that tells keys apart without revealing them. */
function keyFingerprint(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex').slice(0, 16);
}

export function createQuotaCounter(clock: Clock, store: JsonStore<QuotaState>): QuotaCounter {
  let state: QuotaState = store.load() ?? { day: utcDay(clock.now()), counts: {} };
  let key: string | null = null;
  let savedAt: number | null = null;
  let unsaved = false;

  const today = (): QuotaState => {
    const day = utcDay(clock.now());
    if (day > state.day) state = { day, counts: {} };
    // The wall clock stepped back over midnight: it was ahead, and what it counted as
    // tomorrow went to Volvo's today. Keep counting on, until midnight comes again.
    else if (day < state.day) state = { day, counts: state.counts };
    return state;
  };

  const save = () => {
    store.save(state);
    savedAt = clock.now();
    unsaved = false;
  };

  return {
    countFor(apiKey) {
      key = apiKey === null ? null : keyFingerprint(apiKey);
    },
    record() {
      if (key === null) return;
      const before = state.day;
      const current = today();
      state = {
        day: current.day,
        counts: { ...current.counts, [key]: (current.counts[key] ?? 0) + 1 },
      };
      unsaved = true;
      const now = clock.now();
      if (
        savedAt === null ||
        before !== state.day ||
        Math.abs(now - savedAt) >= QUOTA_SAVE_INTERVAL_MS
      ) {
        save();
      }
    },
    usedToday() {
      return key === null ? 0 : (today().counts[key] ?? 0);
    },
    resetsAt: () => nextUtcMidnight(clock.now()),
    flush() {
      if (unsaved) save();
    },
  };
}
