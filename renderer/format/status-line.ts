import type { ShortcutView, VehicleView } from '../../shared/snapshot';
import { isOpen } from '../../shared/vehicle';
import {
  type ClockStyle,
  formatAge,
  formatClockTime,
  formatCountdown,
  msUntil,
} from '../../shared/words/time';
import { describeAccelerator } from './accelerator';
import { partReadings } from './parts';

/**
 * The sentence above Lock and Unlock: a command under way, the confirmation Unlock waits for,
 * what the last command came to, the unlock window's countdown, or a tip. One line whose words
 * change with events; a countdown ticks beside it.
 */

/** What the popover is sending right now, before the core reports it in progress. */
export type Sending = 'lock' | 'prepare' | 'unlock' | 'find-my-car' | null;

export interface StatusLine {
  tone: 'neutral' | 'ok' | 'fail' | 'warn';
  text: string;
  busy?: boolean;
  /** A countdown shown beside the sentence. */
  ticking?: string;
}

export interface StatusLineInput {
  vehicle: Pick<VehicleView, 'command' | 'doors' | 'windows'>;
  sending: Sending;
  /** Unlock pressed once: the confirmation lapses at `expiresAt`. */
  armed: { expiresAt: string } | null;
  /** What the bridge answered when an intent failed. */
  error: string | null;
  shortcut: ShortcutView;
  /** The car's lock or doors changed since the last outcome appeared: it no longer applies. */
  stateChangedSinceOutcome: boolean;
  /** Why this sign-in cannot lock or unlock at all (status only), or null. */
  commandsRefused: string | null;
  isMac: boolean;
  now: number;
  /** How the person's computer writes a time of day. */
  clock: ClockStyle;
}

/**
 * How long is left to open a door before the car locks itself again, in ms; 0 when that is not
 * the case. The window belongs to the unlock that opened it: once a later command has an outcome
 * (a lock, even a refused one) or a door is open (the car stays unlocked), it is over for the
 * person, whatever time is left on it.
 */
export function unlockWindowLeft(
  vehicle: Pick<VehicleView, 'command' | 'doors' | 'windows'>,
  now: number,
): number {
  const { last, unlockWindowUntil } = vehicle.command;
  if (!unlockWindowUntil || last?.command !== 'unlock' || !last.ok) return 0;
  const doorOpen = partReadings(vehicle).some((p) => p.kind === 'door' && isOpen(p.state));
  return doorOpen ? 0 : msUntil(unlockWindowUntil, now);
}

/** A command's outcome is said this long at most; a change of the car's state ends it sooner. */
export const OUTCOME_SHOWN_MS = 60_000;

/** Whether `last` is recent enough to be said. */
export function outcomeShown(last: { at: string }, now: number): boolean {
  const age = now - Date.parse(last.at);
  return age >= -OUTCOME_SHOWN_MS && age < OUTCOME_SHOWN_MS;
}

/** The status line, or null when there is nothing to say. */
export function statusLine(input: StatusLineInput): StatusLine | null {
  const { vehicle, sending, armed, error, shortcut, now } = input;
  const { inProgress, last, unlockWindowUntil } = vehicle.command;
  if (inProgress) return { tone: 'neutral', text: inProgress.message, busy: true };
  if (sending === 'lock' || sending === 'unlock' || sending === 'find-my-car') {
    return { tone: 'neutral', text: 'Sending the command to the car…', busy: true };
  }
  if (armed) {
    return {
      tone: 'warn',
      text: 'Press Confirm unlock to unlock the car.',
      ticking: `${Math.ceil(msUntil(armed.expiresAt, now) / 1000)} s`,
    };
  }
  if (error) return { tone: 'fail', text: error };
  if (input.commandsRefused) return { tone: 'warn', text: input.commandsRefused };
  if (unlockWindowUntil && unlockWindowLeft(vehicle, now) > 0) {
    return {
      tone: 'warn',
      text: `Unlocked. Open a door before ${formatClockTime(unlockWindowUntil, now, input.clock)} or the car locks itself again.`,
      ticking: formatCountdown(unlockWindowUntil, now),
    };
  }
  if (last && outcomeShown(last, now) && !input.stateChangedSinceOutcome) {
    return { tone: last.ok ? 'ok' : 'fail', text: `${last.message} (${formatAge(last.at, now)})` };
  }
  if (shortcut.registered && shortcut.accelerator) {
    return {
      tone: 'neutral',
      text: `Tip: ${describeAccelerator(shortcut.accelerator, input.isMac)} locks the car from anywhere.`,
    };
  }
  return null;
}
