import type { z } from 'zod';
import { type JsonStore, type Logger, SetAsideError } from '../ports';

/**
 * The app keeps one small JSON document across restarts (`AppDeps.state`): the day's request
 * count, alert episodes, the activity log, the sign-in session's non-secret facts, whether the
 * person signed out and what Volvo said each car is. Each
 * owner gets its own section as a {@link JsonStore}; a section that fails its schema (a
 * hand-edited or older file) loads as empty instead of crashing, and the others are kept.
 * Anything else in the document is dropped at the next write, so it cannot grow forever. A
 * store that fails to read or write is logged, never fatal: the app works on from memory.
 */

/** The sections of the state document. */
export const STATE_SECTIONS = ['quota', 'activity', 'alerts', 'auth', 'signOut', 'cars'] as const;
export type StateSectionName = (typeof STATE_SECTIONS)[number];

export interface StateSections {
  /** A store for one section, validated with `schema` on load. */
  section<T>(name: StateSectionName, schema: z.ZodType<T>): JsonStore<T>;
  /** A section stored as is, for a module that validates its own data (the auth session). */
  rawSection(name: StateSectionName): JsonStore<unknown>;
}

type StateDocument = Partial<Record<StateSectionName, unknown>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The known sections of what was loaded; nothing else. */
function sectionsOf(loaded: unknown): StateDocument {
  if (!isRecord(loaded)) return {};
  const document: StateDocument = {};
  for (const name of STATE_SECTIONS) {
    if (loaded[name] !== undefined) document[name] = loaded[name];
  }
  return document;
}

/** What {@link createStateSections} tells its owner. */
export interface StateEvents {
  /** Writes started failing (the error), or one succeeded again (null). */
  onWriteFailure?: (error: unknown) => void;
  /** The document was there at start but could not be used; the store set it aside. */
  onSetAside?: (error: SetAsideError) => void;
}

export function createStateSections(
  store: JsonStore<unknown>,
  logger: Logger,
  { onWriteFailure = () => {}, onSetAside = () => {} }: StateEvents = {},
): StateSections {
  let document: StateDocument | null = null;
  let saveFailing = false;

  // Read once: this process is the only writer, so the copy in memory stays the truth.
  const current = (): StateDocument => {
    if (document === null) {
      let loaded: unknown;
      try {
        loaded = store.load();
      } catch (error) {
        logger.warn('Saved app state could not be read and starts afresh', {
          error: messageOf(error),
        });
        if (error instanceof SetAsideError) onSetAside(error);
      }
      document = sectionsOf(loaded);
    }
    return document;
  };
  const write = (name: StateSectionName, value: unknown) => {
    document = { ...current(), [name]: value };
    try {
      store.save(document);
      if (saveFailing) {
        logger.info('App state is saved again');
        onWriteFailure(null);
      }
      saveFailing = false;
    } catch (error) {
      // Said once per streak of failures, not once per request.
      if (!saveFailing) {
        logger.warn('App state could not be saved; volvo-tray goes on and tries again', {
          error: messageOf(error),
        });
        onWriteFailure(error);
      }
      saveFailing = true;
    }
  };

  return {
    section<T>(name: StateSectionName, schema: z.ZodType<T>): JsonStore<T> {
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
    rawSection(name: StateSectionName): JsonStore<unknown> {
      return {
        load: () => current()[name],
        save: (value) => write(name, value),
      };
    },
  };
}
