import type { Snapshot, VehicleView } from '../../shared/snapshot';
import {
  DOOR_NAMES,
  isOpen,
  type OpenState,
  type Reading,
  WINDOW_NAMES,
} from '../../shared/vehicle';
import { capitalize, doorName, lockInWords, windowName } from '../../shared/words/parts';

/**
 * What the tray shows, derived from the Snapshot alone: one icon state and the same picture in
 * words (tooltip and the menu's state line), so the tray never disagrees with the popover.
 */

export const TRAY_STATES = [
  'locked',
  'unlocked',
  'attention',
  'stale',
  'signed-out',
  'busy',
] as const;
export type TrayState = (typeof TRAY_STATES)[number];

/** The vehicle the tray speaks for: the selected one, else the first. */
export function focusVehicle(snapshot: Snapshot): VehicleView | null {
  return (
    snapshot.vehicles.find((vehicle) => vehicle.vin === snapshot.selectedVin) ??
    snapshot.vehicles[0] ??
    null
  );
}

/**
 * The icon state. Order matters: signed out beats everything (nothing else is known), a
 * command in flight shows as busy, an alert on any car beats the lock state, and data we cannot
 * trust (offline, stale, unknown) never shows as a confident "locked".
 */
export function trayState(snapshot: Snapshot): TrayState {
  const signIn = snapshot.signIn.state;
  if (signIn === 'signed-out' || signIn === 'expired') return 'signed-out';
  if (signIn === 'signing-in') return 'busy';
  const vehicle = focusVehicle(snapshot);
  if (vehicle?.command.inProgress) return 'busy';
  const alerting = snapshot.vehicles.some((v) => v.alerts.length > 0);
  if (alerting || vehicle?.summary === 'open') return 'attention';
  if (!vehicle || !snapshot.online) return 'stale';
  if (vehicle.freshness.state === 'loading') return 'busy';
  if (vehicle.freshness.state !== 'live') return 'stale';
  if (vehicle.summary === 'locked') return 'locked';
  if (vehicle.summary === 'unlocked') return 'unlocked';
  return 'stale';
}

/**
 * "rear left door open", "tank lid ajar", then "hood unknown": each open or ajar part, doors
 * first, then each part whose state is unknown, as the popover lists them.
 */
function notClosedParts(vehicle: VehicleView): string[] {
  const open: string[] = [];
  const unknown: string[] = [];
  const collect = <K extends string>(
    readings: Partial<Record<K, Reading<OpenState>>> | null,
    keys: readonly K[],
    nameOf: (key: K) => string,
  ) => {
    for (const key of keys) {
      const value = readings?.[key]?.value;
      if (value !== undefined && isOpen(value)) {
        open.push(`${nameOf(key)} ${value === 'AJAR' ? 'ajar' : 'open'}`);
      } else if (value === 'UNKNOWN') unknown.push(`${nameOf(key)} unknown`);
    }
  };
  collect(vehicle.doors, DOOR_NAMES, doorName);
  collect(vehicle.windows, WINDOW_NAMES, windowName);
  return [...open, ...unknown];
}

/** One vehicle in a few words: "Locked", "Unlocked, rear left door open", "Locked, hood unknown", "Locking…". */
export function describeVehicle(vehicle: VehicleView): string {
  if (vehicle.command.inProgress) return vehicle.command.inProgress.message;
  if (vehicle.freshness.state === 'loading') return 'Asking the car…';
  const lock = lockInWords(vehicle.lock);
  const words = [lock, ...notClosedParts(vehicle)].join(', ');
  const freshness =
    vehicle.freshness.state === 'offline'
      ? ' (offline, last known)'
      : vehicle.freshness.state === 'stale'
        ? ' (not up to date)'
        : '';
  return capitalize(words) + freshness;
}

/** The state line at the top of the tray menu. */
export function stateLine(snapshot: Snapshot): string {
  const signIn = snapshot.signIn;
  if (signIn.state === 'expired') return 'Sign-in expired: sign in again';
  if (signIn.state === 'signed-out') return 'Signed out';
  if (signIn.state === 'signing-in') return 'Signing in…';
  const vehicle = focusVehicle(snapshot);
  if (!vehicle) return snapshot.online ? 'No car yet' : 'Offline';
  const line = `${vehicle.name}: ${describeVehicle(vehicle)}`;
  return snapshot.online ? line : `Offline. ${line}`;
}

/** Windows cuts tray tooltips at 127 characters. */
export const TOOLTIP_MAX = 127;

/** The tray tooltip: the app name, then each vehicle (focus first), in words. */
export function trayTooltip(snapshot: Snapshot): string {
  const lines = ['volvo-tray'];
  if (snapshot.signIn.state !== 'signed-in' || snapshot.vehicles.length === 0) {
    lines.push(stateLine(snapshot));
  } else {
    const focus = focusVehicle(snapshot);
    const ordered = [
      ...(focus ? [focus] : []),
      ...snapshot.vehicles.filter((vehicle) => vehicle !== focus),
    ];
    if (!snapshot.online) lines.push('Offline');
    for (const vehicle of ordered) lines.push(`${vehicle.name}: ${describeVehicle(vehicle)}`);
  }
  const text = lines.join('\n');
  return text.length <= TOOLTIP_MAX ? text : `${text.slice(0, TOOLTIP_MAX - 1)}…`;
}
