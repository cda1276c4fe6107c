import type { CarWarning } from '../../../shared/vehicle';
import { VolvoApiError } from '../volvo/errors';

/** The faults the car last reported (v2 `/warnings`). */
export interface WarningWatch {
  /** null until the first answer. */
  warnings: CarWarning[] | null;
  /** Our clock (epoch ms) from when to ask again; null: at the next check someone sees. */
  nextAt: number | null;
  /** False once the car or the sign-in does not report warnings (404, no `conve:warnings`). */
  reported: boolean;
}

/**
 * A bulb does not need watching by the minute: asked while the popover is open (someone is
 * looking) and the last answer is this old, so a parked day with the popover closed costs
 * nothing and a day of looking costs at most four.
 */
export const WARNINGS_EVERY_MS = 6 * 60 * 60_000;
/** A read that failed (Volvo busy, a 429) is tried again this much later, not 6 hours later. */
const WARNINGS_RETRY_MS = 5 * 60_000;

export function newWarningWatch(): WarningWatch {
  return { warnings: null, nextAt: null, reported: true };
}

/** Something changed the car's warnings (a demo action): ask at the next check someone sees. */
export function askWarningsAgain(watch: WarningWatch): void {
  watch.nextAt = null;
}

export function wantsWarnings(watch: WarningWatch, popoverOpen: boolean, now: number): boolean {
  if (!watch.reported || !popoverOpen) return false;
  return watch.nextAt === null || now >= watch.nextAt;
}

/**
 * Applies an answer. A car without warnings (null) or a sign-in without the scope (403) is not
 * asked again; any other failure keeps what was known and is asked again a few minutes later.
 */
export function applyWarnings(
  watch: WarningWatch,
  answer: PromiseSettledResult<CarWarning[] | null>,
  now: number,
): void {
  if (answer.status === 'fulfilled') {
    watch.nextAt = now + WARNINGS_EVERY_MS;
    watch.warnings = answer.value;
    if (answer.value === null) watch.reported = false;
  } else if (answer.reason instanceof VolvoApiError && answer.reason.kind === 'forbidden') {
    watch.reported = false;
    watch.warnings = null;
  } else {
    watch.nextAt = now + WARNINGS_RETRY_MS;
  }
}
