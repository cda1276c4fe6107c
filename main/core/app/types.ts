import type { IntentHandlers } from '../../../shared/contract';
import type { Snapshot } from '../../../shared/snapshot';
import type { ClockStyle } from '../../../shared/words/time';
import type { AuthSession } from '../auth/types';
import type {
  BrowserOpener,
  Clock,
  Fetch,
  JsonStore,
  Logger,
  Notifier,
  SecretVault,
  ShortcutRegistrar,
  StartDemoBackend,
} from '../ports';
import type { SettingsStore } from '../settings';

/** The intents the core itself handles; the host shell adds closePopover and quit. */
export type CoreIntents = Omit<IntentHandlers, 'closePopover' | 'quit'>;

/** Everything the core needs from its world. */
export interface AppDeps {
  clock: Clock;
  fetch: Fetch;
  vault: SecretVault;
  settings: SettingsStore;
  notifier: Notifier;
  browser: BrowserOpener;
  logger: Logger;
  shortcuts: ShortcutRegistrar;
  /** Alert episodes and the activity log, kept across restarts. */
  state: JsonStore<unknown>;
  /** How the person's computer writes a time of day, for notifications and the popover. */
  clockStyle: ClockStyle;
  /** Starts demo mode's stand-in for Volvo (the embedded simulator, wired in the roots). */
  startDemo: StartDemoBackend;
  /** Overrides for tests: a session built elsewhere. */
  auth?: AuthSession;
}

/**
 * The application core: owns all state, publishes a Snapshot on every change, takes intents
 * from the UI, the tray menu, notifications and the shortcut.
 */
export interface AppService {
  readonly intents: CoreIntents;
  snapshot(): Snapshot;
  /** Subscribes to Snapshots; returns the unsubscribe function. */
  onSnapshot(listener: (snapshot: Snapshot) => void): () => void;
  /** Loads settings, restores the session (starting the demo backend when in demo mode), starts polling. */
  start(): Promise<void>;
  /** Stops polling and timers, closes the demo backend. */
  stop(): Promise<void>;
  /** The computer is going to sleep: pause polling. */
  systemSuspended(): void;
  /** The computer woke up: one catch-up refresh, then normal polling. */
  systemResumed(): void;
  /** Network reachability changed. */
  setOnline(online: boolean): void;
  /** A notification was clicked: select its vehicle (the shell opens the popover). */
  notificationClicked(vin: string | undefined): void;
  /** A notification's "Lock now" action. */
  notificationAction(vin: string, action: 'lock'): Promise<void>;
  /** The global shortcut was pressed: lock the selected vehicle, confirm with a notification. */
  lockFromShortcut(): Promise<void>;
}
