import type { Clock, TimerHandle } from '../ports';
import { timerDelay } from '../ports';

/**
 * The session's one pending timer: the keep-alive refresh, the retry after a failed refresh, or
 * a test token's expiry. After `dispose()` none may be set until the session is used again.
 */
export interface SessionTimer {
  /** Replaces the pending timer with `callback` in `ms`. */
  schedule(ms: number, callback: () => void): void;
  clear(): void;
  /** The app is closing: clear, and set nothing until `revive()`. */
  dispose(): void;
  /** A sign-in or restore after dispose(): timers are allowed again. */
  revive(): void;
}

export function createSessionTimer(clock: Clock): SessionTimer {
  let timer: TimerHandle | null = null;
  let disposed = false;
  const clear = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  return {
    schedule(ms, callback) {
      clear();
      if (disposed) return;
      timer = clock.setTimeout(
        () => {
          timer = null;
          callback();
        },
        // Longer waits are capped here (whatever the clock does) and re-armed when due.
        timerDelay(ms),
      );
    },
    clear,
    dispose() {
      disposed = true;
      clear();
    },
    revive() {
      disposed = false;
    },
  };
}
