import type {
  CommandKind,
  Doors,
  InvokeStatus,
  LockState,
  Reading,
  VehicleStatus,
  Windows,
} from './vehicle';
import type { ClockStyle } from './words/time';

/**
 * The Snapshot: everything the UI shows, published by the AppService on every change and
 * pushed to the renderer. It holds what a person sees and nothing secret: no token, no API
 * key, no client secret.
 */

/** How much to trust what is on screen. */
export type Freshness =
  | { state: 'loading' }
  | { state: 'live' }
  /** The last poll failed or the data is older than expected. `since` is when it went stale. */
  | { state: 'stale'; since: string; reason: string }
  | { state: 'offline'; since: string }
  | { state: 'signed-out' };

/**
 * The one big word for a car: open beats everything, then unlocked; "locked" only when the lock
 * is LOCKED and no door or window is unknown (else "unknown": never a confident "locked").
 */
export type VehicleSummary = 'locked' | 'unlocked' | 'open' | 'unknown';

export type AlertRule =
  | 'door-open'
  | 'unlocked'
  | 'window-open-while-locked'
  | 'sign-in-expired'
  | 'quota-out'
  | 'engine-running'
  | 'tank-lid-open';

/** A condition that needs the user, with since when. */
export interface AlertView {
  /** Stable for one episode. */
  id: string;
  rule: AlertRule;
  title: string;
  message: string;
  /** When the condition started (the car's timestamp where known), ISO-8601. */
  since: string;
  /** Whether the desktop notification for it has been shown. */
  notified: boolean;
}

/** A command being carried out right now. */
export interface CommandInProgress {
  command: CommandKind;
  startedAt: string;
  /** e.g. "Locking… waiting for the car" */
  message: string;
}

/** How the last command ended. */
export interface CommandResultView {
  command: CommandKind;
  status: InvokeStatus | 'REFUSED' | 'ERROR';
  ok: boolean;
  message: string;
  at: string;
}

/** One vehicle as the popover shows it. */
export interface VehicleView {
  vin: string;
  /**
   * The person's own name for the car; else its model, model year and the VIN's last six
   * characters ("XC40 2023 · 000001"); else what the VIN tells ("Volvo 2023 · 000001").
   */
  name: string;
  /** What Volvo says the car is, e.g. "XC40 · 2023 · Crystal White"; null when it did not say. */
  description: string | null;
  watched: boolean;
  summary: VehicleSummary;
  lock: Reading<LockState> | null;
  doors: Doors | null;
  windows: Windows | null;
  /** When we last had a successful answer (our clock), ISO-8601. */
  fetchedAt: string | null;
  freshness: Freshness;
  alerts: AlertView[];
  command: {
    inProgress: CommandInProgress | null;
    last: CommandResultView | null;
    /** After unlock: until when the doors may be opened before the car relocks. */
    unlockWindowUntil: string | null;
  };
  /**
   * What this car can do (v2 reports it; v1 can lock and unlock). `findMyCar` (honk and flash):
   * available only when the car lists it AND the sign-in has `conve:honk_flash`; 'scope-withheld'
   * when the car could but the sign-in lacks the scope (the popover says so instead of a button).
   */
  capabilities: {
    lockReducedGuard: boolean;
    findMyCar: 'available' | 'scope-withheld' | 'unsupported';
  };
  /** Faults the car reports (a bulb out), each in words; empty when none or not reported. */
  warnings: string[];
  /** Said before Lock is pressed when Volvo reports the car cannot take commands; else null. */
  reachability: string | null;
  /** The last error for this vehicle, in words. */
  lastError: string | null;
}

export type SignInMode = 'demo' | 'volvo-id' | 'test-token';

export interface SignInView {
  state: 'signed-out' | 'signing-in' | 'signed-in' | 'expired';
  mode: SignInMode | null;
  /** When a pasted test token stops working, ISO-8601. */
  tokenExpiresAt: string | null;
  /** What to do next, or what went wrong, in words. */
  message: string | null;
  /** Why Lock and Unlock cannot work with this sign-in (status only), in words; null when they can. */
  commandsRefused: string | null;
}

export interface QuotaView {
  usedToday: number;
  budget: number;
  /** When the day's count resets (midnight UTC, as Volvo's quota), ISO-8601. */
  resetsAt: string;
  /** Set while Volvo refuses calls (quota 403 or our own budget spent). */
  exhaustedUntil: string | null;
  /** Why checks are paused (quota or budget out), in words; null while they run. */
  message: string | null;
  /**
   * Set while checks run less often than the settings ask, to stay within the day's budget: a
   * neutral sentence (nothing is wrong with the car); the figures are in Settings.
   */
  slowdown: string | null;
}

export interface ShortcutView {
  accelerator: string;
  registered: boolean;
  message: string | null;
}

/** One line of a vehicle's activity log. */
export interface ActivityEntry {
  at: string;
  vin: string;
  /** e.g. "Rear left door opened", "Locked via shortcut", "Lock rejected: door open". */
  text: string;
  kind: 'info' | 'warning' | 'command' | 'error';
}

/** The whole picture. */
export interface Snapshot {
  /** Increases with every publication, so a receiver can drop stale ones. */
  revision: number;
  signIn: SignInView;
  vehicles: VehicleView[];
  selectedVin: string | null;
  quota: QuotaView;
  shortcut: ShortcutView;
  online: boolean;
  /** Problems found in the settings file, in words (bad keys fell back to defaults). */
  settingsProblems: string[];
  /** A warning about how secrets are stored (e.g. no keyring on Linux), in words. */
  vaultWarning: string | null;
  /** Why the app's own state (activity log, alerts, quota count) is not being saved, in words. */
  stateNotSaved: string | null;
  /** Why the app's saved state could not be read at start and began afresh, in words. */
  stateSetAside: string | null;
  /** An app-wide error that is not about one vehicle, in words. */
  lastError: string | null;
  /** True while the popover is open (polling goes fast). */
  popoverOpen: boolean;
  /** How the person's computer writes a time of day: the popover writes times the same way. */
  clock: ClockStyle;
}

export type { VehicleStatus };
