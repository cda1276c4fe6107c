import type { EngineState, LockState, Reading } from '../../../shared/vehicle';
import { VolvoApiError } from '../volvo/errors';

/** What the app knows about a car's engine. */
export interface EngineWatch {
  /** The latest reading; null before the first, or when the car does not report it. */
  reading: Reading<EngineState> | null;
  /** False once the car answered "not reported" or the sign-in lacks the scope: stop asking. */
  reported: boolean;
  /** The lock state the app knew right after the last engine read. */
  lockAtRead: LockState | null;
  /** Our clock, epoch ms, of the last engine answer; null before the first. */
  readAt: number | null;
}

export function newEngineWatch(): EngineWatch {
  return { reading: null, reported: true, lockAtRead: null, readAt: null };
}

/**
 * While the car is unlocked with the engine off, the engine is asked at most this often: a
 * start is then seen within 3 minutes, well inside the rule's 10 (the car's own timestamps say
 * since when it runs), at a third of the cost of asking at every 60 s check.
 */
export const ENGINE_UNLOCKED_EVERY_MS = 3 * 60_000;

/**
 * Whether this check should also ask for the engine: only when it can matter. While it runs
 * (or is not known yet), at every check until it stops; while the car is unlocked someone may
 * start it, so every {@link ENGINE_UNLOCKED_EVERY_MS}, and at the first check after an unlock;
 * once more when it locks (seen by a check or by a Lock command) unless the engine was read
 * with it locked already. A locked car with the engine off costs nothing extra, unless the
 * person asked to watch a parked car's engine too (`whileParked`): then at every check.
 */
export function wantsEngine(
  watch: EngineWatch,
  lock: Reading<LockState> | null,
  now: number,
  whileParked: boolean,
): boolean {
  if (!watch.reported) return false;
  if (watch.reading?.value !== 'STOPPED' || watch.readAt === null) return true;
  const locked = lock?.value === 'LOCKED';
  if (locked) return whileParked || watch.lockAtRead !== 'LOCKED';
  return watch.lockAtRead === 'LOCKED' || now - watch.readAt >= ENGINE_UNLOCKED_EVERY_MS;
}

/**
 * Applies an engine answer; returns a log line when the engine started or stopped. A car that
 * does not report its engine, or a sign-in without `conve:engine_status`, is not asked again;
 * any other failure keeps the last reading (the next check asks again).
 */
export function applyEngine(
  watch: EngineWatch,
  answer: PromiseSettledResult<Reading<EngineState> | null>,
  lock: Reading<LockState> | null,
  now: number,
): string | null {
  if (answer.status === 'rejected') {
    if (answer.reason instanceof VolvoApiError && answer.reason.kind === 'forbidden') {
      watch.reported = false;
      watch.reading = null;
    }
    return null;
  }
  const before = watch.reading?.value;
  watch.reading = answer.value;
  watch.lockAtRead = lock?.value ?? null;
  watch.readAt = now;
  if (answer.value === null) {
    watch.reported = false;
    return null;
  }
  const state = answer.value.value;
  if (before === undefined || before === state || state === 'UNKNOWN') return null;
  return state === 'RUNNING' ? 'Engine started' : 'Engine stopped';
}
