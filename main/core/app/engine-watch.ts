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
}

export function newEngineWatch(): EngineWatch {
  return { reading: null, reported: true, lockAtRead: null };
}

/**
 * Whether this check should also ask for the engine: only when it can matter. While the car
 * is unlocked (or not yet read) someone may have started it; once more when it locks (seen by
 * a check or by a Lock command) unless the engine was read with it locked already; while it
 * runs, until it stops. A locked car with the engine off costs nothing extra.
 */
export function wantsEngine(watch: EngineWatch, lock: Reading<LockState> | null): boolean {
  if (!watch.reported) return false;
  if (lock?.value !== 'LOCKED' || watch.lockAtRead !== 'LOCKED') return true;
  return watch.reading?.value !== 'STOPPED';
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
  if (answer.value === null) {
    watch.reported = false;
    return null;
  }
  const now = answer.value.value;
  if (before === undefined || before === now || now === 'UNKNOWN') return null;
  return now === 'RUNNING' ? 'Engine started' : 'Engine stopped';
}
