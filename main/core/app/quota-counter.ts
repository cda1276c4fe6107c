import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Clock, JsonStore } from '../ports';
import { nextUtcMidnight, utcDay } from './time-words';

/**
 * Counts HTTP requests per VCC API key per UTC day, as Volvo counts its 10,000-a-day quota.
 * The count survives restarts (several runs of the app on one day share one quota). The key
 * itself is never stored: only a short fingerprint of it.
 */

export const quotaStateSchema = z.object({
  day: z.string(),
  /** Requests today per API key fingerprint. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
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
}

/** A fingerprint that tells keys apart without revealing them. */
function keyFingerprint(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex').slice(0, 16);
}

export function createQuotaCounter(clock: Clock, store: JsonStore<QuotaState>): QuotaCounter {
  let state: QuotaState = store.load() ?? { day: utcDay(clock.now()), counts: {} };
  let key: string | null = null;

  const today = (): QuotaState => {
    const day = utcDay(clock.now());
    if (state.day !== day) state = { day, counts: {} };
    return state;
  };

  return {
    countFor(apiKey) {
      key = apiKey === null ? null : keyFingerprint(apiKey);
    },
    record() {
      if (key === null) return;
      const current = today();
      state = {
        day: current.day,
        counts: { ...current.counts, [key]: (current.counts[key] ?? 0) + 1 },
      };
      store.save(state);
    },
    usedToday() {
      return key === null ? 0 : (today().counts[key] ?? 0);
    },
    resetsAt: () => nextUtcMidnight(clock.now()),
  };
}
