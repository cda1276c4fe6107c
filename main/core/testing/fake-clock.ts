import { type Clock, type TimerHandle, timerDelay } from '../ports';

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

/**
 * A clock for scenarios: time stands still until a test advances it, and timers fire in order.
 * `advance` yields to the event loop between timers so async work started by one timer (a
 * fetch to the simulator, say) can finish before the next fires.
 */
export class FakeClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(start: number | string = Date.UTC(2026, 10, 27, 8, 0, 0)) {
    this.current = typeof start === 'string' ? Date.parse(start) : start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    // Node's timers clamp the same way, so a test sees what the app would do.
    const timer = { id: this.nextId++, at: this.current + timerDelay(ms), callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Timers still waiting. */
  pending(): number {
    return this.timers.length;
  }

  /**
   * Steps the wall clock by `ms` (backwards when negative) without firing anything, as NTP
   * does, or as a long suspend looks once the computer wakes: timers measure elapsed time, not
   * the wall clock, so each pending timer keeps the delay it had left.
   */
  jump(ms: number): void {
    this.current += ms;
    for (const timer of this.timers) timer.at += ms;
  }

  /**
   * Moves time forward by `ms`, firing each due timer at its own time. `settle` is awaited
   * after each timer (default: a few event-loop turns) so I/O it started can complete.
   */
  async advance(ms: number, settle: () => Promise<void> = flush): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.callback();
      await settle();
    }
    this.current = end;
    await settle();
  }
}

/** Lets pending promise callbacks and socket I/O run. */
export async function flush(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
