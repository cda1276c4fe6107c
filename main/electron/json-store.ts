import { readFileSync, renameSync } from 'node:fs';
import type { JsonStore, Logger } from '../core/ports';
import { removeLeftoverTemps, writeFileAtomicSync } from './atomic-file';

/**
 * A {@link JsonStore} on one JSON file, written atomically. The core validates what it loads
 * (it is `unknown` here); a file that is not JSON at all is moved aside, so it can be looked at
 * later, and the store starts empty.
 */
export function createJsonFileStore<T>(path: string, logger: Logger): JsonStore<T> {
  return {
    load(): T | undefined {
      removeLeftoverTemps(path);
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
        const aside = `${path}.corrupt-${Date.now()}`;
        try {
          renameSync(path, aside);
          logger.warn('A state file was not valid JSON; it was moved aside.', {
            file: path,
            aside,
          });
        } catch (error) {
          // Starting without it still works; the next save replaces the broken file.
          logger.warn('A state file was not valid JSON and could not be moved aside.', {
            file: path,
            error: messageOf(error),
          });
        }
        return undefined;
      }
    },
    save(value: T): void {
      writeFileAtomicSync(path, `${JSON.stringify(value, null, 2)}\n`);
    },
  };
}

export function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
