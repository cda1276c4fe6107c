import { z } from 'zod';
import type { ActivityEntry } from '../../../shared/snapshot';
import type { Clock, JsonStore } from '../ports';
import { tolerantList } from '../stored-values';
import { iso } from './time-words';

/**
 * The last N events of each vehicle (door opened, locked via shortcut, command rejected,
 * sign-in expired), kept across restarts. What is loaded is cut to size at once: an edited
 * file cannot make the log (or the file it is saved to) bigger than the settings allow.
 */

/** More cars than any one Volvo ID has: the logs of the cars last active are kept. */
const MAX_LOGGED_VINS = 100;
/** Longer than any sentence the app writes. */
const MAX_TEXT = 2000;

const entrySchema = z.object({
  at: z.iso.datetime(),
  vin: z.string().max(17),
  text: z.string().max(MAX_TEXT),
  kind: z.enum(['info', 'warning', 'command', 'error']),
});

export const activityStateSchema = z.object({
  // As many as the largest log size the settings allow.
  byVin: z.record(z.string().max(17), tolerantList(entrySchema, 1000)),
});
export type ActivityState = z.infer<typeof activityStateSchema>;

export interface ActivityLog {
  add(vin: string, text: string, kind: ActivityEntry['kind']): void;
  /** Newest first. */
  entries(vin: string): ActivityEntry[];
  /** Applies a new size at once (trims longer logs). */
  resize(): void;
}

export function createActivityLog(options: {
  clock: Clock;
  store: JsonStore<ActivityState>;
  /** How many entries each vehicle keeps (settings.activityLogSize). */
  size: () => number;
  /** Removes anything secret from a text before it is kept. */
  scrub: (text: string) => string;
}): ActivityLog {
  let byVin = trimmed(options.store.load()?.byVin ?? {}, options.size());
  const save = () => options.store.save({ byVin });

  return {
    add(vin, text, kind) {
      const entry: ActivityEntry = {
        at: iso(options.clock.now()),
        vin,
        text: options.scrub(text),
        kind,
      };
      byVin = { ...byVin, [vin]: [...(byVin[vin] ?? []), entry].slice(-options.size()) };
      save();
    },
    entries: (vin) => [...(byVin[vin] ?? [])].reverse(),
    resize() {
      byVin = trimmed(byVin, options.size());
      save();
    },
  };
}

/** The last `size` entries of each car, for the cars last active. */
function trimmed(
  byVin: Record<string, ActivityEntry[]>,
  size: number,
): Record<string, ActivityEntry[]> {
  const lastAt = (entries: ActivityEntry[]) => entries.at(-1)?.at ?? '';
  return Object.fromEntries(
    Object.entries(byVin)
      .filter(([, entries]) => entries.length > 0)
      .sort(([, a], [, b]) => lastAt(b).localeCompare(lastAt(a)))
      .slice(0, MAX_LOGGED_VINS)
      .map(([vin, entries]) => [vin, entries.slice(-size)]),
  );
}
