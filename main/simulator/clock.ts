/**
 * The simulator's own time and logs. It owns these shapes (it shares no code with the client
 * it checks); any object with `now()` fits, so the app's clocks can drive it.
 */

/** Epoch milliseconds; the simulator derives every time-dependent state from it per request. */
export interface SimClock {
  now(): number;
}

/** Where the simulator says what it does; the app's loggers fit. */
export interface SimLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const wallClock: SimClock = { now: () => Date.now() };

export const quietLogger: SimLogger = { debug() {}, info() {}, error() {} };

/** A clock for the simulator's tests: time stands still until a test moves it. */
export class ManualClock implements SimClock {
  private at: number;

  constructor(start: number | string = Date.UTC(2026, 10, 27, 8, 0, 0)) {
    this.at = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.at;
  }

  /** Moves time on; async so a request in flight is answered first, as it would be. */
  async advance(ms: number): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.at += ms;
  }
}
