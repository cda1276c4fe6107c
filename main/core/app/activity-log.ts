import { z } from 'zod';
import type { Clock, JsonStore } from '../ports';
import type { ActivityEntry } from './snapshot';
import { iso } from './time-words';

/**
 * The last N events of each vehicle (door opened, locked via shortcut, command rejected,
 * sign-in expired), kept across restarts.
 */

const entrySchema = z.object({
  at: z.string(),
  vin: z.string(),
  text: z.string(),
  kind: z.enum(['info', 'warning', 'command', 'error']),
});

export const activityStateSchema = z.object({
  byVin: z.record(z.string(), z.array(entrySchema)),
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
  let byVin: Record<string, ActivityEntry[]> = options.store.load()?.byVin ?? {};
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
      const size = options.size();
      byVin = Object.fromEntries(
        Object.entries(byVin).map(([vin, entries]) => [vin, entries.slice(-size)]),
      );
      save();
    },
  };
}
