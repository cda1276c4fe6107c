import type { InvokeStatus } from '../../../shared/vehicle';
import type { CommandAccessibility } from '../volvo/model';

/** Whether the car takes remote commands, as v2 `command-accessibility` last said. */
export interface Reachability {
  /** null until the first answer. */
  available: boolean | null;
  /** Volvo's `unavailableReason` (e.g. POWER_SAVING_MODE), when it gave one. */
  reason: string | null;
  /** Our clock (epoch ms) of the last answer; null: never asked. */
  checkedAt: number | null;
  /** A command just failed as a sleeping or unreachable car fails: ask at the next check. */
  due: boolean;
}

/** Asked at most this often, unless a command fails for sleep or timeout. */
export const REACHABILITY_EVERY_MS = 60 * 60_000;

/** Command statuses that mean the car may be asleep or out of reach. */
const UNREACHED: ReadonlySet<InvokeStatus> = new Set([
  'VEHICLE_IN_SLEEP',
  'CAR_IN_SLEEP_MODE',
  'TIMEOUT',
  'DELIVERY_TIMEOUT',
  'CAR_TIMEOUT',
  'CONNECTION_FAILURE',
]);

export function newReachability(): Reachability {
  return { available: null, reason: null, checkedAt: null, due: false };
}

/**
 * Whether this check should ask too: after a command the car did not take, or, while the
 * popover is open (someone may press Lock), when the last answer is an hour old. A parked day
 * with the popover closed costs nothing.
 */
export function wantsReachability(
  reachability: Reachability,
  popoverOpen: boolean,
  now: number,
): boolean {
  const { checkedAt, due } = reachability;
  if (due) return true;
  return popoverOpen && (checkedAt === null || now - checkedAt >= REACHABILITY_EVERY_MS);
}

/** A command ended: when the car did not take it for sleep or timeout, ask again soon. */
export function commandEnded(reachability: Reachability, status: string): void {
  if (UNREACHED.has(status as InvokeStatus)) reachability.due = true;
}

/** Applies an answer; a failed read keeps what was known and is asked again next hour. */
export function applyReachability(
  reachability: Reachability,
  answer: PromiseSettledResult<CommandAccessibility>,
  now: number,
): void {
  reachability.checkedAt = now;
  reachability.due = false;
  if (answer.status === 'rejected') return;
  reachability.available = answer.value.available;
  reachability.reason = answer.value.reason ?? null;
}

const REASON_WORDS: Record<string, string> = {
  POWER_SAVING_MODE: 'The car is in power-saving mode',
  CAR_IN_SLEEP_MODE: 'The car is asleep',
  VEHICLE_IN_SLEEP: 'The car is asleep',
  NO_INTERNET: 'The car has no internet connection',
  CAR_IN_USE: 'The car is in use',
};

/** What to say before Lock is pressed; null when the car takes commands or nobody knows. */
export function reachabilityInWords(reachability: Reachability): string | null {
  if (reachability.available !== false) return null;
  const { reason } = reachability;
  const known = reason === null ? undefined : REASON_WORDS[reason];
  if (known) return `${known}: commands may not reach it.`;
  return reason === null
    ? 'Volvo says the car cannot take commands right now.'
    : `Volvo says the car cannot take commands right now (${reason}).`;
}
