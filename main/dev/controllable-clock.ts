import { type Clock, type TimerHandle, timerDelay } from '../core/ports';

interface Timer {
  at: number;
  callback: () => void;
  real: ReturnType<typeof setTimeout> | null;
}

/** Node's longest timer delay; longer waits are re-armed when they come due. */
const MAX_DELAY = 2_147_483_647;

/**
 * A clock for the browser host: time runs like the system clock, but a test can jump it forward.
 * A jump fires every timer that comes due on the way, in order, each at its own time, and lets
 * the work it started settle before the next one, so "five minutes later" happens in a moment.
 */
export class ControllableClock implements Clock {
  private offset = 0;
  private readonly timers = new Set<Timer>();

  /**
   * `settle` runs after each timer fired by {@link advance} (default: 20 ms of real time);
   * `startAt` (epoch ms) is where this clock starts (default: the system time), so a test can run
   * at any hour of any day.
   */
  constructor(
    private settle: () => Promise<void> = () => realDelay(20),
    startAt?: number,
  ) {
    if (startAt !== undefined) this.offset = startAt - Date.now();
  }

  /**
   * What `advance` waits for after each timer. The browser host sets one that waits until the
   * app's requests have been answered, so a fast-forward on a busy machine does not leave a
   * check half done behind the clock.
   */
  settleWith(settle: () => Promise<void>): void {
    this.settle = settle;
  }

  now(): number {
    return Date.now() + this.offset;
  }

  /** How far ahead of the system clock this clock is, in milliseconds. */
  skew(): number {
    return this.offset;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer: Timer = { at: this.now() + timerDelay(ms), callback, real: null };
    this.timers.add(timer);
    this.arm(timer);
    return timer;
  }

  clearTimeout(handle: TimerHandle): void {
    for (const timer of this.timers) {
      if (timer === handle) this.drop(timer);
    }
  }

  /** Timers still waiting. */
  pending(): number {
    return this.timers.size;
  }

  /** Jumps `ms` forward, firing due timers on the way (timers they set that fall due fire too). */
  async advance(ms: number): Promise<void> {
    const end = this.now() + Math.max(0, ms);
    for (;;) {
      let due: Timer | null = null;
      for (const timer of this.timers) {
        if (timer.at <= end && (!due || timer.at < due.at)) due = timer;
      }
      if (!due) break;
      this.offset = Math.max(this.offset, due.at - Date.now());
      this.fire(due);
      await this.settle();
    }
    this.offset = Math.max(this.offset, end - Date.now());
    // Waiting timers are now closer: re-arm them for the time that is left.
    for (const timer of this.timers) this.arm(timer);
    await this.settle();
  }

  /** Drops every waiting timer (the host is closing); the time it reached stays, for a next host. */
  dispose(): void {
    for (const timer of this.timers) this.drop(timer);
  }

  private arm(timer: Timer): void {
    if (timer.real) clearTimeout(timer.real);
    const wait = Math.min(MAX_DELAY, Math.max(0, timer.at - this.now()));
    timer.real = setTimeout(() => {
      timer.real = null;
      if (timer.at <= this.now()) this.fire(timer);
      else this.arm(timer);
    }, wait);
  }

  private fire(timer: Timer): void {
    this.drop(timer);
    timer.callback();
  }

  private drop(timer: Timer): void {
    if (timer.real) clearTimeout(timer.real);
    timer.real = null;
    this.timers.delete(timer);
  }
}

function realDelay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
