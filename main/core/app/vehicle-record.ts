import { VolvoApiError } from '../volvo/errors';
import type {
  Doors,
  DoorsReport,
  LockState,
  Reading,
  Windows,
  WindowsReport,
} from '../volvo/model';
import { type Change, describeChanges } from './status-changes';
import { vehicleName } from './vehicle-name';

/**
 * What the app knows about one vehicle: the latest readings (each part kept when the other
 * fails), when they arrived, what went wrong last, and what the car can do.
 */
export interface VehicleRecord {
  vin: string;
  name: string;
  watched: boolean;
  lock: Reading<LockState> | null;
  doors: Doors | null;
  windows: Windows | null;
  /** Our clock, epoch ms, of the last answer with any reading. */
  fetchedAt: number | null;
  /** Set while the last poll failed in whole or in part: since when, and why in words. */
  problem: { since: number; reason: string } | null;
  lastError: string | null;
  capabilities: { lockReducedGuard: boolean };
}

export function newVehicleRecord(vin: string, watched: boolean): VehicleRecord {
  return {
    vin,
    name: vehicleName(vin),
    watched,
    lock: null,
    doors: null,
    windows: null,
    fetchedAt: null,
    problem: null,
    lastError: null,
    capabilities: { lockReducedGuard: false },
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

/**
 * Applies one poll: the doors and windows answers, each of which may have failed. Returns the
 * changes to log.
 */
export function applyPoll(
  record: VehicleRecord,
  doors: PromiseSettledResult<DoorsReport>,
  windows: PromiseSettledResult<WindowsReport>,
  now: number,
): Change[] {
  const before = { lock: record.lock, doors: record.doors, windows: record.windows };
  if (doors.status === 'fulfilled') {
    record.lock = doors.value.lock;
    record.doors = doors.value.doors;
  }
  if (windows.status === 'fulfilled') record.windows = windows.value.windows;
  if (doors.status === 'fulfilled' || windows.status === 'fulfilled') record.fetchedAt = now;

  const reason =
    doors.status === 'rejected' && windows.status === 'rejected'
      ? errorInWords(doors.reason)
      : doors.status === 'rejected'
        ? `The doors and lock could not be read: ${errorInWords(doors.reason)}`
        : windows.status === 'rejected'
          ? `The windows could not be read: ${errorInWords(windows.reason)}`
          : null;
  record.problem = reason === null ? null : { since: record.problem?.since ?? now, reason };
  record.lastError = reason;
  return describeChanges(before, {
    lock: record.lock,
    doors: record.doors,
    windows: record.windows,
  });
}

/** Records the new doors from the check before locking. */
export function applyDoors(record: VehicleRecord, report: DoorsReport, now: number): Change[] {
  const before = { lock: record.lock, doors: record.doors, windows: record.windows };
  record.lock = report.lock;
  record.doors = report.doors;
  record.fetchedAt = now;
  return describeChanges(before, {
    lock: record.lock,
    doors: record.doors,
    windows: record.windows,
  });
}
