import type { SignInRequest } from '../../../shared/contract';
import { APP_WORDS } from '../../../shared/words/app';
import type { AuthSession, AuthState } from '../auth/types';
import type { Clock, JsonStore, Logger, SecretVault } from '../ports';
import type { AlertEngine } from './alert-engine';
import type { AlertEvaluation } from './alert-evaluation';
import type { AppState } from './app-state';
import type { CommandRunner } from './command-runner';
import { type Connected, type Connector, connectionSettingsFor } from './connection';
import type { PollScheduler } from './poll-scheduler';
import type { QuotaCounter } from './quota-counter';
import type { SecretScrubber } from './secret-scrubber';
import type { SettingsFlow } from './settings-flow';
import type { ShortcutController } from './shortcut-controller';
import type { VehicleListing } from './vehicle-listing';
import type { VehicleRoster } from './vehicle-roster';
import type { VolvoOutage } from './volvo-outage';

export interface ConnectionLifecycleOptions {
  clock: Clock;
  state: AppState;
  logger: Logger;
  vault: SecretVault;
  auth: AuthSession;
  /** Whether this service made `auth` (then it ends the session's timers at stop). */
  ownsAuth: boolean;
  connector: Connector;
  scrubber: SecretScrubber;
  quota: QuotaCounter;
  listing: VehicleListing;
  scheduler: PollScheduler;
  commands: CommandRunner;
  roster: VehicleRoster;
  alerts: AlertEngine;
  evaluate: AlertEvaluation;
  volvoOutage: VolvoOutage;
  settings: SettingsFlow;
  shortcut: ShortcutController;
  /**
   * Whether the person signed out: demo mode starts by itself only until then (a first run, or
   * after "Try demo mode"), and a person who signed out stays signed out across restarts.
   */
  signOutMark: JsonStore<{ signedOut: boolean }>;
  /** Adds a line to the activity log of every watched car. */
  logAll(text: string, kind: 'info' | 'warning' | 'error'): void;
  changed(): void;
}

/** How the core connects to Volvo and lets go: start, sign-in, sign-out, an expired sign-in, stop. */
export interface ConnectionLifecycle {
  start(): Promise<void>;
  stop(): Promise<void>;
  signIn(request: SignInRequest): Promise<void>;
  signOut(): Promise<void>;
}

export function createConnectionLifecycle(
  options: ConnectionLifecycleOptions,
): ConnectionLifecycle {
  const { clock, state, auth, connector, scrubber, changed } = options;
  const signedOut = () => options.signOutMark.load()?.signedOut === true;
  let unsubscribeAuth: (() => void) | null = null;

  const attach = async (connected: Connected) => {
    state.link?.controller.abort();
    state.link = { connected, controller: new AbortController() };
    scrubber.remember(connected.apiKey);
    options.quota.countFor(connected.apiKey);
    state.signInExpiredSince = null;
    state.lastError = null;
    options.evaluate.app();
    changed();
    await options.listing.start(connected.api);
  };

  /**
   * Drops the cars of the connection that ended: their readings, the alerts about them and
   * their command state, none of which belong to the next one.
   */
  const forgetCars = (why: string) => {
    options.commands.forget(why);
    options.roster.clear();
    options.alerts.retain(['app']);
  };

  const disconnect = () => {
    state.link?.controller.abort();
    state.link = null;
    // Checks stop here rather than resume: a pause in force ends without a word.
    state.paused = null;
    options.volvoOutage.reset();
    options.scheduler.stop();
    options.scheduler.setVehicles([]);
    options.listing.stop();
  };

  /** Ends the session's timers (of a session this service made) and the demo backend. */
  const release = async () => {
    if (options.ownsAuth) auth.dispose();
    await connector.close();
  };

  const onAuthChange = (session: AuthState) => {
    if (session.status === 'expired' && state.signInExpiredSince === null) {
      state.signInExpiredSince = clock.now();
      disconnect();
      options.logAll(session.message ?? APP_WORDS.signInExpired, 'error');
      options.evaluate.app();
    }
    changed();
  };

  /**
   * Signs in with `request`. A new connection starts without the previous one's cars, except
   * at start-up (`startUp`), where the alerts the last run saved belong to the same demo cars.
   */
  const signIn = async (request: SignInRequest, { startUp = false } = {}) => {
    const run = state.run.signal;
    state.signingIn = true;
    state.lastError = null;
    changed();
    const previous = state.link?.connected ?? null;
    disconnect();
    try {
      const next = await connector.connect(request, state.settings.connection.apiVersion);
      if (run.aborted) {
        // Stopped meanwhile: nothing this sign-in started (the session's timers, the demo
        // simulator) may outlive the stop.
        await release();
        return;
      }
      options.settings.save({
        ...state.settings,
        connection: connectionSettingsFor(request, state.settings.connection),
      });
      if (signedOut()) options.signOutMark.save({ signedOut: false });
      state.signingIn = false;
      // A new connection is in place (another account, perhaps): the previous one's cars go.
      if (!startUp) forgetCars('volvo-tray signed in again');
      await attach(next);
    } catch (error) {
      const message = scrubber.scrub(
        error instanceof Error ? error.message : APP_WORDS.signInFailed,
      );
      state.signingIn = false;
      // A failed attempt leaves the session as it was: keep watching the cars with it.
      const session = auth.state();
      if (
        !run.aborted &&
        previous !== null &&
        session.status === 'signed-in' &&
        session.mode === previous.mode
      ) {
        await attach(previous);
      }
      state.lastError = message;
      throw new Error(message);
    } finally {
      state.signingIn = false;
      changed();
    }
  };

  return {
    signIn: (request) => signIn(request),
    async signOut() {
      disconnect();
      await auth.signOut();
      await connector.close();
      // Signing out leaves no secret of the person's Volvo app on this computer; the next
      // sign-in asks for both again.
      await options.vault.delete('apiKey');
      await options.vault.delete('clientSecret');
      options.quota.countFor(null);
      forgetCars('volvo-tray was signed out');
      options.signOutMark.save({ signedOut: true });
      state.signInExpiredSince = null;
      state.lastError = null;
      options.evaluate.app();
      changed();
    },
    async start() {
      if (state.started) return;
      state.started = true;
      const loaded = options.settings.load();
      state.settings = loaded.settings;
      state.settingsProblems = loaded.problems;
      options.shortcut.use(state.settings.shortcut);
      unsubscribeAuth = auth.onChange(onAuthChange);
      changed();
      try {
        if (state.settings.connection.mode === 'demo' && !signedOut()) {
          await signIn({ mode: 'demo' }, { startUp: true });
        } else {
          const run = state.run.signal;
          const restored = await connector.restore();
          if (run.aborted) return; // stopped meanwhile
          if (restored !== null) await attach(restored);
          else if (auth.state().status === 'expired') onAuthChange(auth.state());
        }
      } catch (error) {
        state.lastError = scrubber.scrub(
          error instanceof Error ? error.message : APP_WORDS.startupSignInFailed,
        );
        options.logger.warn('Start-up sign-in failed', { reason: state.lastError });
      }
      changed();
    },
    async stop() {
      if (!state.started) return;
      state.started = false;
      state.run.abort();
      state.run = new AbortController();
      disconnect();
      options.commands.stop();
      options.quota.flush();
      unsubscribeAuth?.();
      unsubscribeAuth = null;
      await release();
      changed();
    },
  };
}
