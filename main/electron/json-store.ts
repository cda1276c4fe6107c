import { readFileSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type JsonStore, type Logger, SetAsideError } from '../core/ports';
import { removeLeftoverTemps, writeFileAtomicSync } from './atomic-file';

/**
 * The largest file read: what volvo-tray writes stays far below 1 MB (the activity log is
 * trimmed), so a larger one is not its own, and reading several GB would take all memory.
 */
export const MAX_JSON_FILE_BYTES = 16 * 1024 * 1024;

/**
 * A {@link JsonStore} on one JSON file, written atomically. The core validates what it loads
 * (it is `unknown` here). A file that is not JSON, or larger than {@link MAX_JSON_FILE_BYTES},
 * is moved aside (`state.damaged-<time>.json` beside it), so it can be looked at later, and
 * `load` throws a {@link SetAsideError} saying where; the store then starts empty.
 */
export function createJsonFileStore<T>(
  path: string,
  logger: Logger,
  now: () => Date = () => new Date(),
): JsonStore<T> {
  const setAside = (why: SetAsideError['why']): never => {
    const name = basename(path).replace(/\.json$/, '');
    const aside = join(dirname(path), `${name}.damaged-${fileStamp(now())}.json`);
    try {
      renameSync(path, aside);
    } catch (error) {
      // Starting without it still works; the next save replaces the broken file.
      logger.warn('A state file could not be used, nor moved aside.', {
        file: path,
        why,
        error: messageOf(error),
      });
      throw new SetAsideError(why, null);
    }
    logger.warn('A state file could not be used; it was moved aside.', { file: path, aside, why });
    throw new SetAsideError(why, aside);
  };
  return {
    load(): T | undefined {
      removeLeftoverTemps(path);
      if (tooLargeToRead(path)) return setAside('too-large');
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if (isNotFound(error)) return undefined;
        logger.warn('Could not read a state file; starting without it.', {
          file: path,
          error: messageOf(error),
        });
        return undefined;
      }
      try {
        return JSON.parse(text) as T;
      } catch {
        return setAside('damaged');
      }
    },
    save(value: T): void {
      writeFileAtomicSync(path, `${JSON.stringify(value, null, 2)}\n`);
    },
  };
}

/** True for a file larger than {@link MAX_JSON_FILE_BYTES}; false for one that is not there. */
export function tooLargeToRead(path: string): boolean {
  try {
    return statSync(path).size > MAX_JSON_FILE_BYTES;
  } catch {
    return false;
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** A time for a file name: `2026-11-27T08-00-00-000Z` (no colons, which Windows refuses). */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
