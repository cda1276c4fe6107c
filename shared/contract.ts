import type { Settings, SettingsPatch } from './settings';
import type { ActivityEntry, ShortcutView, Snapshot } from './snapshot';
import type { ApiVersion, DoorName, WindowName } from './vehicle';

/**
 * The contract between the popover and main: the whole of what the popover may ask for
 * (intents, never "fetch this URL"), their results, the Snapshot pushed back and the channel
 * names. Plain types and strings, so the sandboxed preload carries nothing else; main validates
 * every argument with its own schema (`main/core/intent-schemas.ts`), which must describe
 * exactly these types or it does not compile.
 */

/**
 * What a Volvo ID sign-in asks for: everything, or status only (no lock and unlock) for an app
 * Volvo has not yet approved for its restricted command scopes.
 */
export type SignInAccess = 'full' | 'status-only';

/** How the person wants to connect. Secrets travel renderer -> main once, never back. */
export type SignInRequest =
  | { mode: 'demo' }
  | {
      mode: 'volvo-id';
      clientId: string;
      clientSecret?: string;
      apiKey: string;
      redirectPort: number;
      apiVersion: ApiVersion;
      /** Default full. */
      access?: SignInAccess;
      /** Also ask for the restricted `conve:honk_flash` (find my car); default false. */
      findMyCar?: boolean;
    }
  | { mode: 'test-token'; accessToken: string; apiKey: string; apiVersion: ApiVersion };

/** What the demo's controls can make the simulated API do. */
export const DEMO_FAULTS = [
  'none',
  'quota',
  'rate-limit',
  'server-error',
  'malformed',
  'timeout',
  'unknown-values',
] as const;
export type DemoFault = (typeof DEMO_FAULTS)[number];

/** A value the demo can give a door or window. */
export type DemoPartValue = 'OPEN' | 'CLOSED' | 'AJAR';

/** Demo mode only: change the simulated car or make the simulated API misbehave. */
export type DemoAction =
  | { kind: 'door'; vin?: string; door: DoorName; value: DemoPartValue }
  | { kind: 'window'; vin?: string; window: WindowName; value: DemoPartValue }
  | { kind: 'sleep'; vin?: string; asleep: boolean }
  | { kind: 'engine'; vin?: string; running: boolean }
  | { kind: 'power-saving'; vin?: string; on: boolean }
  /** The car's centre brake light fails (a warning the car reports) or is fixed. */
  | { kind: 'brake-light'; vin?: string; failed: boolean }
  | { kind: 'fault'; fault: DemoFault }
  /** A Volvo outage: its status page says `message` and the API answers 503; null ends it. */
  | { kind: 'outage'; message: string | null };

/** What Volvo's status page says in a demo outage, unless the test panel says otherwise. */
export const DEMO_OUTAGE_MESSAGE = 'The Connected Vehicle API is experiencing disturbances.';

/** Options of a lock. */
export interface LockOptions {
  /** v2: lock without the interior motion sensors (a pet inside). */
  reducedGuard?: boolean;
}

/** Each intent's arguments. */
export interface IntentArgsMap {
  getSnapshot: [];
  refresh: [];
  selectVehicle: [vin: string];
  lock: [vin: string, options?: LockOptions];
  /** Step one of unlock: returns a short-lived confirmation token the UI must send back. */
  prepareUnlock: [vin: string];
  unlock: [vin: string, confirmation: string];
  /** Find my car: the car honks and flashes. Only from the popover, never a shortcut or notification. */
  findMyCar: [vin: string];
  signIn: [request: SignInRequest];
  signOut: [];
  getSettings: [];
  updateSettings: [patch: SettingsPatch];
  setShortcut: [accelerator: string];
  setPopoverOpen: [open: boolean];
  getActivity: [vin: string];
  demo: [action: DemoAction];
  /** Hides the popover (Escape). Handled by the host shell, not the core. */
  closePopover: [];
  /** Quits the app. Handled by the host shell. */
  quit: [];
}

/** Each intent's result. */
export interface IntentResults {
  getSnapshot: Snapshot;
  refresh: void;
  selectVehicle: void;
  lock: void;
  prepareUnlock: { token: string; expiresAt: string };
  unlock: void;
  findMyCar: void;
  signIn: void;
  signOut: void;
  getSettings: Settings;
  updateSettings: Settings;
  setShortcut: ShortcutView;
  setPopoverOpen: void;
  getActivity: ActivityEntry[];
  demo: void;
  closePopover: void;
  quit: void;
}

export type IntentName = keyof IntentArgsMap & keyof IntentResults;

/** Every intent, for the preload to expose and main to handle. */
export const INTENT_NAMES = [
  'getSnapshot',
  'refresh',
  'selectVehicle',
  'lock',
  'prepareUnlock',
  'unlock',
  'findMyCar',
  'signIn',
  'signOut',
  'getSettings',
  'updateSettings',
  'setShortcut',
  'setPopoverOpen',
  'getActivity',
  'demo',
  'closePopover',
  'quit',
] as const satisfies readonly IntentName[];

// Compile-time guard: the list, the arguments and the results name the same intents.
type Missing =
  | Exclude<IntentName, (typeof INTENT_NAMES)[number]>
  | Exclude<keyof IntentArgsMap, keyof IntentResults>
  | Exclude<keyof IntentResults, keyof IntentArgsMap>;
const everyIntentComplete: [Missing] extends [never] ? true : Missing = true;
void everyIntentComplete;

/** The arguments of intent K. */
export type IntentArgs<K extends IntentName> = IntentArgsMap[K];

/** What an intent answers across the bridge: a value, or an error in words. */
export type IntentResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** What a host (the Electron shell, the browser host) must implement: one handler per intent. */
export type IntentHandlers = {
  [K in IntentName]: (...args: IntentArgs<K>) => Promise<IntentResults[K]> | IntentResults[K];
};

/** `window.volvo` in the renderer. */
export type VolvoBridge = {
  [K in IntentName]: (...args: IntentArgs<K>) => Promise<IntentResult<IntentResults[K]>>;
} & {
  /** Subscribes to Snapshots; returns the unsubscribe function (for React effects). */
  onSnapshot(listener: (snapshot: Snapshot) => void): () => void;
};

/** IPC channel names. */
export const intentChannel = (name: IntentName): string => `volvo:intent:${name}`;
export const SNAPSHOT_CHANNEL = 'volvo:snapshot';

export function isIntentName(name: unknown): name is IntentName {
  return typeof name === 'string' && (INTENT_NAMES as readonly string[]).includes(name);
}
