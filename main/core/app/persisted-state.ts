import type { z } from 'zod';
import type { JsonStore, Logger } from '../ports';

/**
 * The app keeps one small JSON document across restarts (`AppDeps.state`): the day's request
 * count, alert episodes, the activity log and the sign-in session's non-secret facts. Each
 * owner gets its own section as a {@link JsonStore}; a section that fails its schema (a
 * hand-edited or older file) loads as empty instead of crashing, and the others are kept.
 */
export interface StateSections {
  /** A store for one section, validated with `schema` on load. */
  section<T>(name: string, schema: z.ZodType<T>): JsonStore<T>;
  /** A section stored as is, for a module that validates its own data (the auth session). */
  rawSection(name: string): JsonStore<unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createStateSections(store: JsonStore<unknown>, logger: Logger): StateSections {
  let document: Record<string, unknown> | null = null;

  // Read once: this process is the only writer, so the copy in memory stays the truth.
  const current = (): Record<string, unknown> => {
    if (document === null) {
      const loaded = store.load();
      document = isRecord(loaded) ? loaded : {};
    }
    return document;
  };
  const write = (name: string, value: unknown) => {
    document = { ...current(), [name]: value };
    store.save(document);
  };

  return {
    section<T>(name: string, schema: z.ZodType<T>): JsonStore<T> {
      return {
        load() {
          const raw = current()[name];
          if (raw === undefined) return undefined;
          const parsed = schema.safeParse(raw);
          if (parsed.success) return parsed.data;
          logger.warn('Saved app state was not readable and starts afresh', { section: name });
          return undefined;
        },
        save: (value) => write(name, value),
      };
    },
    rawSection(name: string): JsonStore<unknown> {
      return {
        load: () => current()[name],
        save: (value) => write(name, value),
      };
    },
  };
}
