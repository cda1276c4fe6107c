/**
 * The domain model every layer above the API client speaks. Both API versions (v1 from the
 * seed, v2 live) are mapped onto these types by small adapters; nothing above the client knows
 * which version answered.
 */

/** Which Connected Vehicle API version to speak. v1 was removed by Volvo on 2024-04-30. */
export type ApiVersion = 'v1' | 'v2';

/** A door, hood, tailgate, tank lid, window or sunroof. AJAR only comes from v2. */
export type OpenState = 'OPEN' | 'CLOSED' | 'AJAR' | 'UNKNOWN';

/** Whether the engine runs (v2 `engine-status`). */
export type EngineState = 'RUNNING' | 'STOPPED' | 'UNKNOWN';

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

/** The answer of the doors endpoint: lock state and doors come together. */
export interface DoorsReport {
  lock: Reading<LockState>;
  doors: Doors;
}

/** The answer of the windows endpoint. */
export interface WindowsReport {
  windows: Windows;
}

/** Everything we know about one car at one moment. `fetchedAt` is our clock, not the car's. */
export interface VehicleStatus {
  vin: string;
  lock: Reading<LockState>;
  doors: Doors;
  windows: Windows;
  fetchedAt: string;
}

/** Remote commands this app sends. `lock-reduced-guard` is v2 only (not on classic cars). */
export type CommandKind = 'lock' | 'unlock' | 'lock-reduced-guard';

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
  'CAR_IN_SLEEP_MODE',
  'UNLOCK_TIME_FRAME_PASSED',
  'UNABLE_TO_LOCK_DOOR_OPEN',
  'EXPIRED',
  'DELIVERY_TIMEOUT',
  'CAR_TIMEOUT',
  'CAR_ERROR',
  'NOT_SUPPORTED',
  'NOT_ALLOWED_PRIVACY_ENABLED',
  'NOT_ALLOWED_WRONG_USAGE_MODE',
  'INVOCATION_SPECIFIC_ERROR',
] as const;
export type InvokeStatus = (typeof INVOKE_STATUSES)[number];

/** Statuses that mean the car did it. */
export const SUCCESS_STATUSES: ReadonlySet<InvokeStatus> = new Set([
  'COMPLETED',
  'DELIVERED',
  'SUCCESS',
]);
/** Statuses that mean "not yet decided": a v1 client keeps following `async.href`. */
export const PENDING_STATUSES: ReadonlySet<InvokeStatus> = new Set(['WAITING', 'RUNNING', 'SENT']);

/** The final word on one command, with a sentence a person understands. */
export interface CommandOutcome {
  vin: string;
  command: CommandKind;
  status: InvokeStatus;
  /** True only for COMPLETED, DELIVERED and SUCCESS. */
  ok: boolean;
  /** What happened and, when it failed, what to do. */
  message: string;
  /** v2 unlock: until when (ISO-8601) the doors may be opened. */
  readyToUnlockUntil?: string;
  operationId?: string;
}

/** Whether the car accepts remote commands right now (v2 command-accessibility). */
export interface CommandAccessibility {
  available: boolean;
  /** Volvo's `unavailableReason`, when it gave one. */
  reason?: string;
}

/** Per-call options: every call has a timeout and can be cancelled. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Options of a lock or unlock call. */
export interface CommandCallOptions extends CallOptions {
  /**
   * Told each new pending status (WAITING, RUNNING, SENT) before the final one, for progress
   * in words. v1 reports what `async.href` answers; v2 answers once and never calls it.
   */
  onProgress?(status: InvokeStatus): void;
}

/**
 * The Connected Vehicle API as the rest of the app sees it, whatever the version. Every method
 * rejects with a {@link VolvoApiError} (see `errors.ts`) and never with anything else.
 */
export interface VehicleApi {
  readonly version: ApiVersion;
  /** The VINs linked to the signed-in Volvo ID. */
  listVehicles(options?: CallOptions): Promise<string[]>;
  getDoors(vin: string, options?: CallOptions): Promise<DoorsReport>;
  getWindows(vin: string, options?: CallOptions): Promise<WindowsReport>;
  lock(
    vin: string,
    options?: CommandCallOptions & { reducedGuard?: boolean },
  ): Promise<CommandOutcome>;
  /** `unlockDuration` (v1 only) is 1..120 seconds; anything else is refused before sending. */
  unlock(
    vin: string,
    options?: CommandCallOptions & { unlockDuration?: number },
  ): Promise<CommandOutcome>;
  /** Commands this car supports (v2 `/commands`; v1 answers lock and unlock). */
  supportedCommands(vin: string, options?: CallOptions): Promise<CommandKind[]>;
  /** v2 `/command-accessibility`; v1 always answers available. */
  commandAccessibility(vin: string, options?: CallOptions): Promise<CommandAccessibility>;
  /**
   * v2 `/engine-status`; null when the car does not report it (UNSPECIFIED, or 404 for a model
   * without the endpoint). v1 answers null.
   */
  engineStatus(vin: string, options?: CallOptions): Promise<Reading<EngineState> | null>;
}
