import type {
  AlertView,
  Freshness,
  QuotaView,
  ShortcutView,
  SignInView,
  Snapshot,
  VehicleSummary,
  VehicleView,
} from '../../../shared/snapshot';
import type { Doors, LockState, Reading, Windows } from '../../../shared/vehicle';
import { MESSAGES } from '../../../shared/words/sign-in';
import type { ClockStyle } from '../../../shared/words/time';
import { warningInWords } from '../../../shared/words/warnings';
import type { AuthState } from '../auth/types';
import type { VehicleCommandState } from './command-runner';
import { openDoors, openWindows, tankLidOpen } from './open-parts';
import { reachabilityInWords } from './reachability';
import { iso } from './time-words';
import { vehicleDescription } from './vehicle-name';
import type { VehicleRecord } from './vehicle-record';
import { outageInWords } from './volvo-outage';

/** Builds the Snapshot from the service's state: a pure function of what it is given. */

export interface SnapshotInput {
  revision: number;
  now: number;
  signIn: SignInView;
  vehicles: readonly VehicleRecord[];
  alerts(vin: string): AlertView[];
  command(vin: string): VehicleCommandState;
  selectedVin: string | null;
  quota: QuotaView;
  shortcut: ShortcutView;
  online: boolean;
  offlineSince: number | null;
  /** Since when the computer has been asleep, or null. */
  suspendedSince: number | null;
  /** Why every vehicle's checks are paused (429, quota, budget), with since when. */
  paused: { since: number; reason: string } | null;
  settingsProblems: string[];
  vaultWarning: string | null;
  stateNotSaved: string | null;
  stateSetAside: string | null;
  lastError: string | null;
  popoverOpen: boolean;
  clock: ClockStyle;
  /** The sign-in holds `conve:honk_flash` (find my car). */
  findMyCarAllowed: boolean;
  /** Volvo's message while its status page reports a problem, or null. */
  volvoOutage: string | null;
}

/** The one big word: open beats all, then unlocked; locked only when nothing is unknown. */
function summarize(
  lock: Reading<LockState> | null,
  doors: Doors | null,
  windows: Windows | null,
): VehicleSummary {
  if (doors !== null && (openDoors(doors).length > 0 || tankLidOpen(doors))) return 'open';
  if (windows !== null && openWindows(windows).length > 0) return 'open';
  if (lock === null) return 'unknown';
  if (lock.value === 'UNLOCKED') return 'unlocked';
  const parts = [...Object.values(doors ?? {}), ...Object.values(windows ?? {})];
  if (lock.value === 'LOCKED' && !parts.some((part) => part?.value === 'UNKNOWN')) return 'locked';
  return 'unknown';
}

function freshness(record: VehicleRecord, input: SnapshotInput): Freshness {
  if (input.signIn.state !== 'signed-in') return { state: 'signed-out' };
  if (!record.watched) {
    return {
      state: 'stale',
      since: iso(record.fetchedAt ?? input.now),
      reason:
        'volvo-tray is not watching this car. Tick it under Cars to watch in Settings to see its status.',
    };
  }
  if (!input.online) return { state: 'offline', since: iso(input.offlineSince ?? input.now) };
  if (input.suspendedSince !== null) {
    return {
      state: 'stale',
      since: iso(input.suspendedSince),
      reason: 'The computer was asleep; volvo-tray checks the car again when it wakes.',
    };
  }
  if (input.paused !== null) {
    return { state: 'stale', since: iso(input.paused.since), reason: input.paused.reason };
  }
  if (record.problem !== null) {
    return {
      state: 'stale',
      since: iso(record.problem.since),
      reason: problemInWords(record, input) ?? record.problem.reason,
    };
  }
  if (record.fetchedAt === null) return { state: 'loading' };
  return { state: 'live' };
}

function vehicleView(record: VehicleRecord, input: SnapshotInput): VehicleView {
  const command = input.command(record.vin);
  const unlockOpen = command.unlockWindowUntil !== null && command.unlockWindowUntil > input.now;
  return {
    vin: record.vin,
    name: record.name,
    description: vehicleDescription(record.details),
    watched: record.watched,
    summary: summarize(record.lock, record.doors, record.windows),
    lock: record.lock,
    doors: record.doors,
    windows: record.windows,
    fetchedAt: record.fetchedAt === null ? null : iso(record.fetchedAt),
    freshness: freshness(record, input),
    alerts: [...input.alerts(record.vin), ...input.alerts('app')],
    command: {
      inProgress: command.inProgress,
      last: command.last,
      unlockWindowUntil:
        unlockOpen && command.unlockWindowUntil !== null ? iso(command.unlockWindowUntil) : null,
    },
    capabilities: {
      lockReducedGuard: record.capabilities.lockReducedGuard,
      findMyCar: !record.capabilities.findMyCar
        ? 'unsupported'
        : input.findMyCarAllowed
          ? 'available'
          : 'scope-withheld',
    },
    warnings: (record.warnings.warnings ?? []).map(warningInWords),
    reachability: reachabilityInWords(record.reachability),
    lastError: problemInWords(record, input),
  };
}

/** The record's last error, naming Volvo's service when its status page explains the failure. */
function problemInWords(record: VehicleRecord, input: SnapshotInput): string | null {
  return record.problem?.outageMayExplain && input.volvoOutage !== null
    ? outageInWords(input.volvoOutage)
    : record.lastError;
}

export function buildSnapshot(input: SnapshotInput): Snapshot {
  return {
    revision: input.revision,
    signIn: input.signIn,
    vehicles: input.vehicles.map((record) => vehicleView(record, input)),
    selectedVin: input.selectedVin,
    quota: input.quota,
    shortcut: input.shortcut,
    online: input.online,
    settingsProblems: [...input.settingsProblems],
    vaultWarning: input.vaultWarning,
    stateNotSaved: input.stateNotSaved,
    stateSetAside: input.stateSetAside,
    lastError: input.lastError,
    popoverOpen: input.popoverOpen,
    clock: input.clock,
  };
}

/** The quota part of the Snapshot: today's count, and why checks stop or slow down, if they do. */
export function quotaView(input: {
  usedToday: number;
  dailyBudget: number;
  resetsAt: number;
  /** Volvo's quota or the app's budget is out: until when, and the sentence saying so. */
  out: { until: number; message: string } | null;
  /** Whether intervals are stretched to fit the rest of the day into the budget. */
  stretched: boolean;
}): QuotaView {
  const { usedToday, dailyBudget, out } = input;
  return {
    usedToday,
    budget: dailyBudget,
    resetsAt: iso(input.resetsAt),
    exhaustedUntil: out === null ? null : iso(out.until),
    message: out?.message ?? null,
    slowdown:
      out === null && input.stretched
        ? 'Checking the car less often than your settings ask, to stay within today’s request budget.'
        : null,
  };
}

/** The sign-in part of the Snapshot from the session's state. */
export function signInView(auth: AuthState | null, signingIn: boolean): SignInView {
  if (auth === null) {
    return {
      state: signingIn ? 'signing-in' : 'signed-out',
      mode: null,
      tokenExpiresAt: null,
      message: null,
      commandsRefused: null,
    };
  }
  return {
    state: signingIn ? 'signing-in' : auth.status,
    mode: auth.mode,
    tokenExpiresAt: auth.tokenExpiresAt === null ? null : iso(auth.tokenExpiresAt),
    message: auth.message,
    commandsRefused:
      auth.status === 'signed-in' && !auth.commandsAllowed ? MESSAGES.statusOnly : null,
  };
}
