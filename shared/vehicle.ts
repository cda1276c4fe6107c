/**
 * The car's vocabulary every side shares: part names, the values a part or the lock can have,
 * a reading, a car's status, the commands and their statuses. The core maps both API versions
 * onto these types; the popover, the tray and the CLI read them. Plain types and constants only.
 */

/** Which Connected Vehicle API version to speak. v1 was removed by Volvo on 2024-04-30. */
export type ApiVersion = 'v1' | 'v2';

/** A door, hood, tailgate, tank lid, window or sunroof. AJAR only comes from v2. */
export type OpenState = 'OPEN' | 'CLOSED' | 'AJAR' | 'UNKNOWN';

/** Whether the engine runs (v2 `engine-status`). */
export type EngineState = 'RUNNING' | 'STOPPED' | 'UNKNOWN';

/** What Volvo says the car is (v2 `/vehicles/{vin}`); each null when it did not say. */
export interface VehicleDetails {
  /** e.g. "XC90" (`descriptions.model`). */
  model: string | null;
  modelYear: number | null;
  /** e.g. "Passion Red Solid" (`externalColour`). */
  colour: string | null;
}

/**
 * A fault the car reports (v2 `/warnings`, e.g. a brake light out). Only faults are kept: a
 * `NO_WARNING` or `UNSPECIFIED` field is not one. A value volvo-tray does not know is kept as
 * UNKNOWN with what the car said, never taken for "no warning".
 */
export interface CarWarning {
  /** Volvo's field, e.g. `brakeLightCenterWarning`. */
  field: string;
  reading: Reading<'FAILURE' | 'UNKNOWN'>;
}

/** The car's central lock. */
export type LockState = 'LOCKED' | 'UNLOCKED' | 'UNKNOWN';

/**
 * One value as the car reported it. `timestamp` is the car's own ISO-8601 time of the reading
 * (null when the API omitted it). `reported` keeps the raw value when it was not one we know,
 * so the UI can say "the car reported 'HALF_OPEN'" instead of pretending.
 */
export interface Reading<V extends string> {
  value: V;
  timestamp: string | null;
  reported?: string;
}

/** The four doors, hood and tailgate: while one is open or ajar the car refuses to lock. */
export const LOCK_BLOCKING_DOORS = [
  'frontLeft',
  'frontRight',
  'rearLeft',
  'rearRight',
  'hood',
  'tailgate',
] as const;

export const DOOR_NAMES = [...LOCK_BLOCKING_DOORS, 'tankLid'] as const;
/** Doors plus hood, tailgate and (v2) tank lid. */
export type DoorName = (typeof DOOR_NAMES)[number];

/** The four side windows every car has. */
export const SIDE_WINDOW_NAMES = ['frontLeft', 'frontRight', 'rearLeft', 'rearRight'] as const;

export const WINDOW_NAMES = [...SIDE_WINDOW_NAMES, 'sunroof'] as const;
/** Side windows plus the sunroof (not on every car). */
export type WindowName = (typeof WINDOW_NAMES)[number];

/**
 * A part is absent when the car did not report it: no tank lid or sunroof on this car, or a
 * field missing or unreadable in the answer. Absent means "not reported", never closed.
 */
export type Doors = Partial<Record<DoorName, Reading<OpenState>>>;

/** As {@link Doors}: a window absent from the answer (or the sunroof a car lacks) is not reported. */
export type Windows = Partial<Record<WindowName, Reading<OpenState>>>;

/** Everything we know about one car at one moment. `fetchedAt` is our clock, not the car's. */
export interface VehicleStatus {
  vin: string;
  lock: Reading<LockState>;
  doors: Doors;
  windows: Windows;
  fetchedAt: string;
}

/** Find my car: honk and flash together, or one alone (v2 only; restricted scope `conve:honk_flash`). */
export type FindCommand = 'honk-flash' | 'honk' | 'flash';

/** Remote commands this app sends. `lock-reduced-guard` is v2 only (not on classic cars). */
export type CommandKind = 'lock' | 'unlock' | 'lock-reduced-guard' | FindCommand;

/** Every command status Volvo documents (v1 `async.status`, v2 `invokeStatus`), plus UNKNOWN. */
export const INVOKE_STATUSES = [
  'WAITING',
  'RUNNING',
  'SENT',
  'DELIVERED',
  'COMPLETED',
  'SUCCESS',
  'REJECTED',
  'UNKNOWN',
  'TIMEOUT',
  'CONNECTION_FAILURE',
  'VEHICLE_IN_SLEEP',
  'VEHICLE_REQUEST_TIMEOUT',
  'CAR_IN_SLEEP_MODE',
  'UNLOCK_TIME_FRAME_PASSED',
  'UNABLE_TO_LOCK_DOOR_OPEN',
  'EXPIRED',
  'DELIVERY_TIMEOUT',
  'CAR_TIMEOUT',
  'CAR_ERROR',
  'NOT_SUPPORTED',
  'NOT_ALLOWED_PRIVACY_ENABLED',
  'PRIVACY_POLICY_ENABLED',
  'NOT_ALLOWED_WRONG_USAGE_MODE',
  'INVOCATION_SPECIFIC_ERROR',
] as const;
export type InvokeStatus = (typeof INVOKE_STATUSES)[number];

/**
 * Whether the car says it does not report this reading: Volvo answers `UNSPECIFIED` for any
 * part or the lock of a model without it. The lock and each door and window so answered are
 * UNKNOWN with `reported: 'UNSPECIFIED'` (shown as unknown, never as closed); only a tank lid or
 * sunroof so answered is left out, as most cars have none.
 */
export function notReported(reading: Reading<string> | null | undefined): boolean {
  return reading?.value === 'UNKNOWN' && reading.reported === 'UNSPECIFIED';
}

/**
 * The open rule, in one place: a part that is open or ajar counts as open (a door on the first
 * latch is not shut). UNKNOWN is neither open nor closed.
 */
export function isOpen(state: OpenState): boolean {
  return state === 'OPEN' || state === 'AJAR';
}

/** Which of `names` are open in `readings`, in the order of `names`; a part not reported is not. */
export function openAmong<Name extends string>(
  names: readonly Name[],
  readings: Partial<Record<Name, Reading<OpenState>>> | null | undefined,
): Name[] {
  return names.filter((name) => {
    const reading = readings?.[name];
    return reading !== undefined && isOpen(reading.value);
  });
}
