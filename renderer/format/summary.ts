import type { Freshness, VehicleView } from '../../shared/snapshot';
import { notReported } from '../../shared/vehicle';
import { capitalize } from '../../shared/words/parts';
import { formatAge, formatSince, newestTimestamp } from '../../shared/words/time';
import { notClosedInWords, partReadings } from './parts';

/** The colour family of a state: green safe, amber open/unlocked, red alert, grey unknown. */
export type Tone = 'safe' | 'warn' | 'alert' | 'unknown';

/** The one big state at the top of the popover. */
export interface StateView {
  word: 'Locked' | 'Unlocked' | 'Something is open' | 'Unknown';
  tone: Tone;
  /** One line under the big word: what is open, or why it is unknown. */
  detail: string;
}

const EVERYTHING_CLOSED = 'Everything closed';

/** What the car's summary means in words and colour. */
export function stateView(vehicle: VehicleView): StateView {
  const parts = notClosedInWords(vehicle);
  switch (vehicle.summary) {
    case 'locked':
      return {
        word: 'Locked',
        tone: 'safe',
        detail: parts ? `Locked, but ${parts}` : EVERYTHING_CLOSED,
      };
    case 'unlocked':
      return {
        word: 'Unlocked',
        tone: 'warn',
        detail: parts ? capitalize(parts) : EVERYTHING_CLOSED,
      };
    case 'open':
      return {
        word: 'Something is open',
        tone: 'alert',
        detail: parts ? capitalize(parts) : 'A door or window is open',
      };
    case 'unknown':
      return { word: 'Unknown', tone: 'unknown', detail: unknownDetail(vehicle) };
  }
}

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

/** "updated 3 min ago" from the car's own timestamps, or what we know instead. */
export function updatedLine(vehicle: VehicleView, now: number): string {
  const at = carUpdatedAt(vehicle);
  if (at) return `Updated ${formatAge(at, now)}`;
  if (vehicle.fetchedAt) return `Checked ${formatAge(vehicle.fetchedAt, now)}`;
  return 'Not updated yet';
}

/** A badge next to the state when the picture may be out of date. */
export interface FreshnessBadge {
  label: 'Stale' | 'Offline' | 'Updating' | 'Signed out';
  /** The longer explanation (shown under the state and as the badge's title). */
  explanation: string;
}

/** The badge for a freshness, or null when the data is live. */
export function freshnessBadge(freshness: Freshness, now: number): FreshnessBadge | null {
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
        explanation: `No network ${formatSince(freshness.since, now)}. Showing the last known state.`,
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

/** The car as the header names it; the core's name usually ends with the VIN's last six. */
export function carLabel(vehicle: Pick<VehicleView, 'name' | 'vin'>): string {
  const tail = vehicle.vin.slice(-6);
  return vehicle.name.includes(tail) ? vehicle.name : `${vehicle.name} · ${tail}`;
}
