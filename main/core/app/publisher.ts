import type { Logger } from '../ports';

/**
 * Publishes a value to subscribers whenever it changes: changes within one turn of the event
 * loop are batched into one publication, and reading it in between builds it at once.
 */
export interface Publisher<T> {
  /** Something changed: publish soon. */
  changed(): void;
  /** The latest value, built now if something changed since. */
  current(): T;
  subscribe(listener: (value: T) => void): () => void;
}

export function createPublisher<T>(build: () => T, logger: Logger): Publisher<T> {
  const listeners = new Set<(value: T) => void>();
  let latest: T | null = null;
  let dirty = true;
  let queued = false;

  const publish = (): T => {
    queued = false;
    if (!dirty && latest !== null) return latest;
    let next: T;
    try {
      next = build();
    } catch (error) {
      // A value that cannot be built must not take the app down: the last one stays up.
      logger.error('The Snapshot could not be built', {
        error: error instanceof Error ? error.message : 'unknown',
      });
      if (latest === null) throw error;
      return latest;
    }
    latest = next;
    dirty = false;
    for (const listener of listeners) {
      try {
        listener(next);
      } catch (error) {
        logger.error('A Snapshot listener failed', {
          error: error instanceof Error ? error.message : 'unknown',
        });
      }
    }
    return next;
  };

  return {
    changed() {
      dirty = true;
      if (!queued) {
        queued = true;
        queueMicrotask(() => {
          try {
            publish();
          } catch {
            // Logged by publish; readers of current() get the error.
          }
        });
      }
    },
    current: publish,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
