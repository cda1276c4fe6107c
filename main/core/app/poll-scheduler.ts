import type { Clock, TimerHandle } from '../ports';
import { VolvoApiError } from '../volvo/errors';
import { backoffDelayMs } from './backoff';
import { nextUtcMidnight } from './time-words';

/**
 * When to poll each vehicle. One timer per vehicle at `intervalMs(vin)` after its last poll;
 * on failure an exponential backoff with jitter instead; on 429 or the quota 403 every vehicle
 * waits until the API allows calls again; while the computer sleeps or is offline nothing
 * runs, and on wake-up each vehicle is polled once (the catch-up) before the normal rhythm.
 */

export type PollOutcome = { ok: true } | { ok: false; error: unknown };

/** Why every vehicle is waiting, and until when (epoch ms). */
export type PollPause =
  | { kind: 'rate-limited'; until: number }
  | { kind: 'quota'; until: number }
  | { kind: 'budget'; until: number };

/**
 * During a quota pause Volvo is asked this often (one request) whether the quota came back
 * early (Volvo's reset time is not always right, and a key's quota can be raised): the first
 * answer that works ends the pause.
 */
export const QUOTA_PROBE_MS = 60 * 60_000;

/** Without a Retry-After, a 429 is waited out for a minute. */
const DEFAULT_RETRY_AFTER_MS = 60_000;
/**
 * The longest wait any answer can impose: Volvo's quota is daily, so a longer Retry-After or
 * "replenished in 999:00:00" is a broken answer, not a reason to stop watching the car.
 */
export const MAX_PAUSE_MS = 24 * 60 * 60_000;

/**
 * The wait Volvo asks for with this error: a 429 until Retry-After, the quota 403 until the
 * quota is replenished (midnight UTC when the answer does not say), never more than
 * {@link MAX_PAUSE_MS}. Null for any other error.
 */
export function pauseFor(
  error: unknown,
  now: number,
): Extract<PollPause, { kind: 'rate-limited' | 'quota' }> | null {
  if (!(error instanceof VolvoApiError)) return null;
  const capped = (until: number) => Math.min(until, now + MAX_PAUSE_MS);
  if (error.kind === 'rate-limited') {
    return {
      kind: 'rate-limited',
      until: capped(now + (error.details.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS)),
    };
  }
  if (error.kind === 'quota') {
    return { kind: 'quota', until: capped(error.details.quotaResetsAt ?? nextUtcMidnight(now)) };
  }
  return null;
}

export interface PollSchedulerOptions {
  clock: Clock;
  random: () => number;
  /** Polls one vehicle; `signal` aborts it after `pollTimeoutMs`. */
  poll(vin: string, signal: AbortSignal): Promise<PollOutcome>;
  /** The interval for this vehicle right now (fast, slow, stretched for the budget). */
  intervalMs(vin: string): number;
  /** When the app's own daily budget forbids polling: until when; otherwise null. */
  budgetBlockedUntil(): number | null;
  /** Called when a pause starts, is extended, or ends (null). */
  onPauseChange(pause: PollPause | null): void;
  /** A poll that has not finished after this long is abandoned. */
  pollTimeoutMs: number;
  /** The longest wait between retries of a failing vehicle. */
  maxBackoffMs: number;
}

export interface PollScheduler {
  /** The vehicles to poll; new ones are polled right away. */
  setVehicles(vins: readonly string[]): void;
  /** Starts polling: each vehicle once now, then on its interval. */
  start(): void;
  /** Stops every timer and cancels the polls in flight; their late answers schedule nothing. */
  stop(): void;
  /**
   * Polls now (all vehicles, or these), joining a poll already in flight; nothing while paused.
   * `afterInFlight`: the car just changed, so a poll that started before cannot show it: wait
   * for that one to end, then poll again.
   */
  refresh(vins?: readonly string[], options?: { afterInFlight?: boolean }): Promise<void>;
  /** Recomputes every timer after something changed the intervals. */
  reschedule(): void;
  suspend(): void;
  /** After sleep: one catch-up poll per vehicle, then the normal rhythm. */
  resume(): void;
  setOnline(online: boolean): void;
  /** The pause in force, if any. */
  pause(): PollPause | null;
  /** When the vehicle's next poll is due (epoch ms), or null when none is scheduled. */
  nextPollAt(vin: string): number | null;
}

interface VehicleSlot {
  timer: TimerHandle | null;
  dueAt: number | null;
  lastAttemptAt: number | null;
  failures: number;
  retryAt: number | null;
  inFlight: { done: Promise<void>; cancel(): void } | null;
}

export function createPollScheduler(options: PollSchedulerOptions): PollScheduler {
  const { clock } = options;
  const slots = new Map<string, VehicleSlot>();
  let running = false;
  let suspended = false;
  let online = true;
  let pause: PollPause | null = null;
  let pauseTimer: TimerHandle | null = null;
  let probeTimer: TimerHandle | null = null;

  const blocked = () => !running || suspended || !online || pause !== null;

  const clearSlot = (slot: VehicleSlot) => {
    if (slot.timer !== null) clock.clearTimeout(slot.timer);
    slot.timer = null;
    slot.dueAt = null;
  };
  const clearAll = () => {
    for (const slot of slots.values()) clearSlot(slot);
  };

  const schedule = (vin: string) => {
    const slot = slots.get(vin);
    if (!slot) return;
    clearSlot(slot);
    if (blocked() || slot.inFlight) return;
    const now = clock.now();
    if (slot.lastAttemptAt !== null && slot.lastAttemptAt > now) {
      // The wall clock stepped back since the last poll: count the interval from now, or the
      // car would go unchecked for as long as the step.
      const step = slot.lastAttemptAt - now;
      slot.lastAttemptAt = now;
      if (slot.retryAt !== null) slot.retryAt -= step;
    }
    const dueAt =
      slot.lastAttemptAt === null
        ? now
        : (slot.retryAt ?? slot.lastAttemptAt + options.intervalMs(vin));
    slot.dueAt = Math.max(now, dueAt);
    slot.timer = clock.setTimeout(() => {
      slot.timer = null;
      void run(vin);
    }, slot.dueAt - now);
  };

  const clearPause = () => {
    if (pauseTimer !== null) clock.clearTimeout(pauseTimer);
    pauseTimer = null;
    if (probeTimer !== null) clock.clearTimeout(probeTimer);
    probeTimer = null;
    if (pause !== null) {
      pause = null;
      options.onPauseChange(null);
    }
  };

  /**
   * Ends a pause whose time has come by the wall clock. Its timer counts elapsed time, which
   * stands still while the computer sleeps: after a night asleep the quota is long back.
   */
  const endPauseIfOver = () => {
    if (pause !== null && pause.until <= clock.now()) clearPause();
  };

  const enterPause = (next: PollPause) => {
    if (pause !== null && pause.until >= next.until) return;
    pause = next;
    clearAll();
    if (pauseTimer !== null) clock.clearTimeout(pauseTimer);
    pauseTimer = clock.setTimeout(
      () => {
        pauseTimer = null;
        clearPause();
        catchUp();
      },
      Math.max(0, next.until - clock.now()),
    );
    scheduleProbe();
    options.onPauseChange(next);
  };

  /** An hour on in a quota pause that lasts longer than that, one probe. */
  const scheduleProbe = () => {
    if (probeTimer !== null) clock.clearTimeout(probeTimer);
    probeTimer = null;
    if (pause?.kind !== 'quota' || pause.until - clock.now() <= QUOTA_PROBE_MS) return;
    probeTimer = clock.setTimeout(() => {
      probeTimer = null;
      void probe();
    }, QUOTA_PROBE_MS);
  };

  /** Polls one car through the quota pause; if Volvo answers, the pause is over. */
  const probe = async () => {
    const vin = [...slots.keys()][0];
    const slot = vin === undefined ? undefined : slots.get(vin);
    if (vin === undefined || !slot || slot.inFlight || !running || suspended || !online) {
      scheduleProbe();
      return;
    }
    const startedAt = clock.now();
    slot.lastAttemptAt = startedAt;
    const controller = new AbortController();
    const timeout = clock.setTimeout(() => controller.abort(), options.pollTimeoutMs);
    const done = options
      .poll(vin, controller.signal)
      .catch((error: unknown): PollOutcome => ({ ok: false, error }))
      .then((outcome) => {
        clock.clearTimeout(timeout);
        if (pause?.kind !== 'quota') return;
        if (outcome.ok) clearPause();
        // Still out (or another failure): the pause stands; Volvo is asked again in an hour.
        else scheduleProbe();
      })
      .finally(() => {
        slot.inFlight = null;
        if (pause !== null) return;
        // The quota is back: this car was just read, the others are read now.
        schedule(vin);
        for (const other of slots.keys()) if (other !== vin) void run(other);
      });
    slot.inFlight = { done, cancel: () => controller.abort() };
    await done;
  };

  const handleOutcome = (
    vin: string,
    slot: VehicleSlot,
    startedAt: number,
    outcome: PollOutcome,
  ) => {
    if (outcome.ok) {
      slot.failures = 0;
      slot.retryAt = null;
      return;
    }
    const { error } = outcome;
    const apiPause = pauseFor(error, clock.now());
    if (apiPause !== null) {
      enterPause(apiPause);
      return;
    }
    slot.failures += 1;
    const delay = backoffDelayMs(
      slot.failures,
      { baseMs: options.intervalMs(vin), maxMs: options.maxBackoffMs },
      options.random,
    );
    slot.retryAt = startedAt + delay;
  };

  const run = (vin: string): Promise<void> => {
    const slot = slots.get(vin);
    if (!slot) return Promise.resolve();
    if (slot.inFlight) return slot.inFlight.done;
    endPauseIfOver();
    if (blocked()) return Promise.resolve();
    const budgetUntil = options.budgetBlockedUntil();
    if (budgetUntil !== null) {
      enterPause({ kind: 'budget', until: budgetUntil });
      return Promise.resolve();
    }
    clearSlot(slot);
    const startedAt = clock.now();
    slot.lastAttemptAt = startedAt;
    const controller = new AbortController();
    const timeout = clock.setTimeout(() => controller.abort(), options.pollTimeoutMs);
    const cancel = () => {
      clock.clearTimeout(timeout);
      controller.abort();
    };
    const done = options
      .poll(vin, controller.signal)
      .catch((error: unknown): PollOutcome => ({ ok: false, error }))
      .then((outcome) => {
        clock.clearTimeout(timeout);
        handleOutcome(vin, slot, startedAt, outcome);
      })
      .finally(() => {
        slot.inFlight = null;
        if (slots.get(vin) === slot) schedule(vin);
      });
    slot.inFlight = { done, cancel };
    return done;
  };

  const catchUp = () => {
    if (blocked()) return;
    for (const vin of slots.keys()) void run(vin);
  };

  return {
    setVehicles(vins) {
      for (const [vin, slot] of slots) {
        if (!vins.includes(vin)) {
          clearSlot(slot);
          slot.inFlight?.cancel();
          slots.delete(vin);
        }
      }
      for (const vin of vins) {
        if (slots.has(vin)) continue;
        slots.set(vin, {
          timer: null,
          dueAt: null,
          lastAttemptAt: null,
          failures: 0,
          retryAt: null,
          inFlight: null,
        });
        schedule(vin);
      }
    },
    start() {
      running = true;
      catchUp();
    },
    stop() {
      running = false;
      clearAll();
      for (const slot of slots.values()) slot.inFlight?.cancel();
      clearPause();
    },
    async refresh(vins, { afterInFlight = false } = {}) {
      const fresh = async (vin: string) => {
        const before = slots.get(vin)?.inFlight;
        if (before) await before.done;
        await run(vin);
      };
      await Promise.all((vins ?? [...slots.keys()]).map(afterInFlight ? fresh : run));
    },
    reschedule() {
      for (const vin of slots.keys()) schedule(vin);
    },
    suspend() {
      suspended = true;
      clearAll();
    },
    resume() {
      if (!suspended) return;
      suspended = false;
      endPauseIfOver();
      catchUp();
    },
    setOnline(next) {
      if (next === online) return;
      online = next;
      if (online) {
        endPauseIfOver();
        catchUp();
      } else clearAll();
    },
    pause: () => pause,
    nextPollAt: (vin) => slots.get(vin)?.dueAt ?? null,
  };
}
