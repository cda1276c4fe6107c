import type { Freshness, VehicleView } from '../../shared/snapshot';
import { notReported } from '../../shared/vehicle';
import { type ClockStyle, formatAge, formatSince, newestTimestamp } from '../../shared/words/time';
import { notClosedInWords, partReadings } from './parts';

/** The colour family of a state: green safe, amber open/unlocked, red alert, grey unknown. */
export type Tone = 'safe' | 'warn' | 'alert' | 'unknown';

/** The headline at the top of the popover: the lock first, then what is open. */
export interface StateView {
  /** The lock: "Locked", "Unlocked", "Lock not reported", "Unknown". */
  word: string;
  /** What is not closed, after the lock ("rear left door open"); null when all is closed. */
  open: string | null;
  tone: Tone;
  /** A line under the headline ("Everything closed", why the lock is unknown); null when the headline says it all. */
  detail: string | null;
}

/**
 * What the car's state means in words and colour. The lock is always said, even with a door open
 * ("Locked · rear left window open"); amber for open or unlocked, green only for locked and
 * closed. Red belongs to the alert below, so one problem has one red element.
 */
export function stateView(vehicle: VehicleView): StateView {
  const open = notClosedInWords(vehicle);
  const lock = vehicle.lock;
  const word =
    lock?.value === 'LOCKED'
      ? 'Locked'
      : lock?.value === 'UNLOCKED'
        ? 'Unlocked'
        : notReported(lock)
          ? 'Lock not reported'
          : 'Unknown';
  const lockKnown = lock?.value === 'LOCKED' || lock?.value === 'UNLOCKED';
  // The core's summary is "unknown" only with nothing open and nothing unlocked: grey, as the
  // tray shows it, whether the lock or a part is what is unknown.
  const tone: Tone =
    vehicle.summary === 'locked' && open === null
      ? 'safe'
      : vehicle.summary === 'unknown'
        ? 'unknown'
        : 'warn';
  const detail = !lockKnown ? unknownDetail(vehicle) : open === null ? EVERYTHING_CLOSED : null;
  return { word, open, tone, detail };
}

const EVERYTHING_CLOSED = 'Everything closed';

function unknownDetail(vehicle: VehicleView): string {
  if (vehicle.lastError) return 'The car has not answered yet';
  if (!vehicle.lock) return 'Waiting for the car';
  if (notReported(vehicle.lock)) return 'This car does not report its lock state';
  const reported = vehicle.lock.reported;
  return reported ? `The car reported its lock as “${reported}”` : 'The lock state is unknown';
}

/** The newest timestamp the car gave for any of its readings. */
export function carUpdatedAt(vehicle: VehicleView): string | null {
  return newestTimestamp([
    vehicle.lock?.timestamp,
    ...partReadings(vehicle).map((p) => p.timestamp),
  ]);
}

/** A car's own report older than this is worth saying: it has not uploaded since (asleep). */
const OLD_REPORT_MS = 15 * 60_000;

/**
 * Two facts kept apart: when volvo-tray last heard from Volvo ("Checked just now"), and, only
 * when it matters, how old the car's own report is ("the car last reported 3 h ago": a parked
 * car asleep uploads nothing). `reported` is {@link carUpdatedAt}, passed by a caller that asks
 * for the line at many times (when it next changes) so it is found once.
 */
export function updatedLine(
  vehicle: VehicleView,
  now: number,
  reported: string | null = carUpdatedAt(vehicle),
): string {
  if (!vehicle.fetchedAt) return 'Not checked yet';
  const checked = `Checked ${formatAge(vehicle.fetchedAt, now)}`;
  if (reported === null || now - Date.parse(reported) < OLD_REPORT_MS) return checked;
  return `${checked} · the car last reported ${formatAge(reported, now)}`;
}

/** A badge next to the state when the picture may be out of date. */
export interface FreshnessBadge {
  label: 'Stale' | 'Offline' | 'Updating' | 'Signed out';
  /** The longer explanation (shown under the state and as the badge's title). */
  explanation: string;
}

/** The badge for a freshness, or null when the data is live. */
export function freshnessBadge(
  freshness: Freshness,
  now: number,
  clock: ClockStyle,
): FreshnessBadge | null {
  switch (freshness.state) {
    case 'live':
      return null;
    case 'loading':
      return { label: 'Updating', explanation: 'Asking the car…' };
    case 'stale':
      return {
        label: 'Stale',
        explanation: `${sentence(freshness.reason)} Showing the last known state.`,
      };
    case 'offline':
      return {
        label: 'Offline',
        explanation: `No network ${formatSince(freshness.since, now, clock)}. Showing the last known state.`,
      };
    case 'signed-out':
      return { label: 'Signed out', explanation: 'Sign in to see the car.' };
  }
}

/** Makes sure a reason reads as a sentence. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return 'The last check failed.';
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
