/**
 * The domain model every layer above the API client speaks. Both API versions (v1 from the
 * seed, v2 live) are mapped onto these types by small adapters; nothing above the client knows
 * which version answered.
 */

import type {
  ApiVersion,
  CarWarning,
  CommandKind,
  Doors,
  EngineState,
  FindCommand,
  InvokeStatus,
  LockState,
  Reading,
  VehicleDetails,
  Windows,
} from '../../../shared/vehicle';

/** The answer of the doors endpoint: lock state and doors come together. */
export interface DoorsReport {
  lock: Reading<LockState>;
  doors: Doors;
}

/** The answer of the windows endpoint. */
export interface WindowsReport {
  windows: Windows;
}

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
  /**
   * Find my car: honk and flash, or one alone (v2; restricted scope `conve:honk_flash`). A car
   * without the command answers 404 (`not-found`); v1 refuses with `invalid-input` before sending.
   */
  findMyCar(vin: string, kind: FindCommand, options?: CommandCallOptions): Promise<CommandOutcome>;
  /** Commands this car supports (v2 `/commands`; v1 answers lock and unlock). */
  supportedCommands(vin: string, options?: CallOptions): Promise<CommandKind[]>;
  /** v2 `/command-accessibility`; v1 always answers available. */
  commandAccessibility(vin: string, options?: CallOptions): Promise<CommandAccessibility>;
  /**
   * v2 `/engine-status`; null when the car does not report it (UNSPECIFIED, or 404 for a model
   * without the endpoint). v1 answers null.
   */
  engineStatus(vin: string, options?: CallOptions): Promise<Reading<EngineState> | null>;
  /** v2 `/vehicles/{vin}`: model, year and colour; null when Volvo has none. v1 answers null. */
  vehicleDetails(vin: string, options?: CallOptions): Promise<VehicleDetails | null>;
  /** v2 `/warnings`: the faults the car reports; null when it reports none at all. v1: null. */
  warnings(vin: string, options?: CallOptions): Promise<CarWarning[] | null>;
}
