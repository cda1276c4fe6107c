import type { Doors, LockState, Reading, VehicleDetails, Windows } from '../../../shared/vehicle';
import { VolvoApiError } from '../volvo/errors';
import type { DoorsReport } from '../volvo/model';
import { applyWarnings, newWarningWatch, type WarningWatch } from './car-warnings';
import { applyEngine, type EngineWatch, newEngineWatch } from './engine-watch';
import { applyReachability, newReachability, type Reachability } from './reachability';
import { type Change, describeChanges } from './status-changes';
import { vehicleName } from './vehicle-name';
import type { VehicleReading } from './vehicle-poll';
import { outageMayExplain } from './volvo-outage';

/**
 * What the app knows about one vehicle: the latest readings (each part kept when the other
 * fails), when they arrived, what went wrong last, and what the car can do.
 */
export interface VehicleRecord {
  vin: string;
  /** The person's own name for the car, else its model's (see `vehicle-naming.ts`). */
  name: string;
  /** What Volvo says the car is; null until it said (and always on v1). */
  details: VehicleDetails | null;
  watched: boolean;
  lock: Reading<LockState> | null;
  doors: Doors | null;
  windows: Windows | null;
  /** Our clock, epoch ms, of the last answer with any reading. */
  fetchedAt: number | null;
  /** Our clock, epoch ms, of the last windows answer (checks of a parked car skip them). */
  windowsAt: number | null;
  /** Our clock, epoch ms, of the last answer in which a reading changed value; null: none yet. */
  changedAt: number | null;
  /**
   * Set while the last poll failed in whole or in part: since when, why in words, and whether
   * an outage on Volvo's side would explain it (see `volvo-outage.ts`).
   */
  problem: { since: number; reason: string; outageMayExplain: boolean } | null;
  lastError: string | null;
  capabilities: CarCapabilities;
  engine: EngineWatch;
  reachability: Reachability;
  warnings: WarningWatch;
}

/** What the car's `/commands` list offers beyond lock and unlock. */
export interface CarCapabilities {
  lockReducedGuard: boolean;
  /** The car lists HONK_AND_FLASH: whether the sign-in may use it is the session's to say. */
  findMyCar: boolean;
}

export function newVehicleRecord(vin: string, watched: boolean): VehicleRecord {
  return {
    vin,
    name: vehicleName(vin),
    details: null,
    watched,
    lock: null,
    doors: null,
    windows: null,
    fetchedAt: null,
    windowsAt: null,
    changedAt: null,
    problem: null,
    lastError: null,
    capabilities: { lockReducedGuard: false, findMyCar: false },
    engine: newEngineWatch(),
    reachability: newReachability(),
    warnings: newWarningWatch(),
  };
}

/** An error from any source, as a sentence for a person. */
export function errorInWords(error: unknown): string {
  if (error instanceof VolvoApiError) return error.message;
  if (error instanceof Error && error.name === 'AbortError') {
    return 'Volvo did not answer in time.';
  }
  return 'Something went wrong while talking to Volvo.';
}

/** Runs `update` on the record's readings and returns what changed (noting when, if anything did). */
function observe(record: VehicleRecord, now: number, update: () => void): Change[] {
  const before = { lock: record.lock, doors: record.doors, windows: record.windows };
  update();
  const changes = describeChanges(before, record);
  if (changes.length > 0) record.changedAt = now;
  return changes;
}

/** Whether a doors answer differs from what the record holds: the lock or any door. */
export function lockOrDoorsChanged(record: VehicleRecord, report: DoorsReport): boolean {
  if (record.lock?.value !== report.lock.value) return true;
  const known = record.doors;
  if (known === null) return true;
  return (Object.keys(report.doors) as (keyof Doors)[]).some(
    (door) => known[door]?.value !== report.doors[door]?.value,
  );
}

/**
 * Applies one poll: the doors and windows answers, each of which may have failed. Returns the
 * changes to log.
 */
export function applyPoll(record: VehicleRecord, reading: VehicleReading, now: number): Change[] {
  const { doors, windows } = reading;
  const reason =
    doors.status === 'rejected' && windows?.status !== 'fulfilled'
      ? errorInWords(doors.reason)
      : doors.status === 'rejected'
        ? `The doors and lock could not be read: ${errorInWords(doors.reason)}`
        : windows?.status === 'rejected'
          ? `The windows could not be read: ${errorInWords(windows.reason)}`
          : null;
  const failures = [doors, windows].flatMap((result) =>
    result?.status === 'rejected' ? [result.reason as unknown] : [],
  );
  record.problem =
    reason === null
      ? null
      : {
          since: record.problem?.since ?? now,
          reason,
          outageMayExplain: failures.some(outageMayExplain),
        };
  record.lastError = reason;
  const changes = observe(record, now, () => {
    if (doors.status === 'fulfilled') {
      record.lock = doors.value.lock;
      record.doors = doors.value.doors;
    }
    if (windows?.status === 'fulfilled') {
      record.windows = windows.value.windows;
      record.windowsAt = now;
    }
    if (doors.status === 'fulfilled' || windows?.status === 'fulfilled') record.fetchedAt = now;
  });
  if (reading.accessibility) applyReachability(record.reachability, reading.accessibility, now);
  if (reading.warnings) applyWarnings(record.warnings, reading.warnings, now);
  const engineChange = reading.engine
    ? applyEngine(record.engine, reading.engine, record.lock, now)
    : null;
  return engineChange === null ? changes : [...changes, { text: engineChange, kind: 'info' }];
}

/** Records the new doors from the check before locking. */
export function applyDoors(record: VehicleRecord, report: DoorsReport, now: number): Change[] {
  return observe(record, now, () => {
    record.lock = report.lock;
    record.doors = report.doors;
    record.fetchedAt = now;
  });
}
