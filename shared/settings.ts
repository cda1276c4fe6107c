import type { SignInAccess } from './contract';
import type { ApiVersion } from './vehicle';

/**
 * The app's settings as every side reads them: everything a person can change that is not a
 * secret. The main process validates them with its own schema (`main/core/settings.ts`), which
 * is checked at compile time to describe exactly these types.
 */

/** One alert rule that can be switched off. */
export interface SwitchRule {
  enabled: boolean;
}

/** An alert rule that fires after `minutes`. */
export interface TimedRule extends SwitchRule {
  minutes: number;
}

/** The engine rule: a timed rule that may also watch a parked car's engine. */
export interface EngineRule extends TimedRule {
  /**
   * Also read the engine at every check of a locked car whose engine was off (about 290 requests
   * more a day per car): only then is a car that was unlocked, started and locked again between
   * two checks noticed, since no other answer carries the engine.
   */
  whileParked: boolean;
}

/** How the app connects: the embedded simulator, a Volvo ID app, or a pasted test token. */
export type ConnectionMode = 'demo' | 'volvo-id' | 'test-token';

export type Settings = {
  version: 1;
  connection: {
    mode: ConnectionMode;
    apiVersion: ApiVersion;
    /** The OAuth client id of the person's own Volvo developer app. Not a secret. */
    clientId: string;
    /** The loopback port registered as redirect URI (http://127.0.0.1:PORT/callback). */
    redirectPort: number;
    /** What the last Volvo ID sign-in asked for: everything, or status only (no commands). */
    access: SignInAccess;
    /** Whether the last Volvo ID sign-in also asked for find my car (`conve:honk_flash`). */
    findMyCar: boolean;
  };
  /** The VIN shown first and locked by the shortcut. */
  selectedVin: string | null;
  /** VINs to watch; empty means all vehicles of the account. */
  watchedVins: string[];
  /** The person's own name for a car, by VIN; a car not named here goes by its model. */
  vehicleNames: Record<string, string>;
  polling: {
    /** While something needs attention (unlocked, open, command sent, popover open). */
    fastSeconds: number;
    /** While the car is locked and closed. */
    slowSeconds: number;
    /** Opening the popover refreshes data older than this. */
    refreshOnOpenSeconds: number;
    /** Requests per API key per day the app allows itself (Volvo's quota is 10,000). */
    dailyBudget: number;
  };
  alerts: {
    doorOpen: TimedRule;
    unlocked: TimedRule;
    windowOpenWhileLocked: SwitchRule;
    signInExpired: SwitchRule;
    quotaOut: SwitchRule;
    /** The engine runs while the car is locked, or this long with no door opened. */
    engineRunning: EngineRule;
    /** Optional: the tank (or charging) lid left open this long. */
    tankLidOpen: TimedRule;
    /** Repeat an alert that is still true after this long; 0 means never. */
    remindAfterMinutes: number;
    /** Say so when an alert clears. */
    notifyCleared: boolean;
  };
  /** Electron accelerator that locks the selected car; empty disables it. */
  shortcut: string;
  /** v1 unlock window in seconds. */
  unlockDurationSeconds: number;
  launchAtLogin: boolean;
  /** Keep the refresh token on disk even when the OS offers no encryption (Linux without keyring). */
  allowPlaintextSecrets: boolean;
  /** Entries kept in each vehicle's activity log. */
  activityLogSize: number;
  /** Where Volvo's developer portal says whether its API is healthy (an http(s) origin). */
  backendStatusBaseUrl: string;
};

/** Room for "Anna's XC40 (work)" in the header; the form and the core's schema both hold to it. */
export const MAX_VEHICLE_NAME = 40;

type Alerts = Settings['alerts'];

/** A change the popover may ask for: any subset, nested sections partial too. */
export interface SettingsPatch {
  connection?: Partial<Settings['connection']>;
  selectedVin?: string | null;
  watchedVins?: string[];
  /** Names to set, by VIN; an empty name gives the car back its model's name. */
  vehicleNames?: Record<string, string>;
  polling?: Partial<Settings['polling']>;
  alerts?: { [K in keyof Alerts]?: Alerts[K] extends object ? Partial<Alerts[K]> : Alerts[K] };
  shortcut?: string;
  unlockDurationSeconds?: number;
  launchAtLogin?: boolean;
  allowPlaintextSecrets?: boolean;
  activityLogSize?: number;
  backendStatusBaseUrl?: string;
}
