import { z } from 'zod';
import type { Settings } from '../../../shared/settings';
import type { ActivityEntry, Snapshot } from '../../../shared/snapshot';
import { APP_WORDS } from '../../../shared/words/app';
import { MESSAGES } from '../../../shared/words/sign-in';
import { createAuthSession } from '../auth/session';
import { VOLVO_ID_ISSUER } from '../auth/volvo-id';
import { readBackendStatus } from '../volvo/backend-status';
import { activityStateSchema, createActivityLog } from './activity-log';
import { alertStateSchema, createAlertEngine } from './alert-engine';
import { createAlertEvaluation } from './alert-evaluation';
import { createAppState } from './app-state';
import { count, pauseInWords, vaultWarning, writeFailureCause } from './app-words';
import { createCommandRateLimit } from './command-rate-limit';
import { createCommandRunner } from './command-runner';
import { createConnector, demoAwareBrowser } from './connection';
import { createConnectionLifecycle } from './connection-lifecycle';
import { createCoreIntents } from './core-intents';
import { createStateSections } from './persisted-state';
import { createPollBudget } from './poll-budget';
import { createPollScheduler, type PollPause } from './poll-scheduler';
import { createPublisher } from './publisher';
import { createQuotaCounter, quotaStateSchema } from './quota-counter';
import { commandEnded } from './reachability';
import { createSecretScrubber } from './secret-scrubber';
import { createSettingsFlow } from './settings-flow';
import { createShortcutController } from './shortcut-controller';
import { buildSnapshot, quotaView, signInView } from './snapshot-builder';
import { whenInWords } from './time-words';
import type { AppDeps, AppService } from './types';
import { createUnattendedLock } from './unattended-lock';
import { createUnlockConfirmations } from './unlock-confirmations';
import { attentionOf, createDoorCheck, createVehiclePoll } from './vehicle-checks';
import { createVehicleListing } from './vehicle-listing';
import { createVehicleNaming, vehicleDetailsStateSchema } from './vehicle-naming';
import { createVehicleRoster } from './vehicle-roster';
import { createVolvoOutage } from './volvo-outage';

/** Seams for tests and the bench; the app uses the defaults. */
export interface AppServiceOptions {
  /** Jitter for the backoff (default Math.random). */
  random?: () => number;
}

/** A poll (doors + windows) that has not finished after this long is abandoned. */
const POLL_TIMEOUT_MS = 45_000;
/** The longest wait between retries of a failing vehicle. */
const MAX_BACKOFF_MS = 30 * 60_000;
/** v1: how long the client follows a command's async.href. */
const CLIENT_COMMAND_TIMEOUT_MS = 120_000;
/** Nothing stays "in progress" longer than this: the check, the command and its follow-up. */
const COMMAND_TIMEOUT_MS = 150_000;
/** The door check before locking gives up after this long, and the lock is decided without it. */
const DOOR_CHECK_TIMEOUT_MS = 20_000;
/** A lock asked for again this soon after one succeeded is the same request (shortcut mashing). */
const LOCK_JOIN_WINDOW_MS = 10_000;
/** First retry of listing the account's cars after a failure. */
const CONNECT_RETRY_MS = 30_000;

/**
 * The application core: owns every piece of state, publishes a Snapshot on every change, and
 * takes intents from the UI, the tray menu, notifications and the shortcut. Composes small
 * modules, each made after those it uses: the state record, the persisted pieces (quota,
 * activity, alerts, names), sign-in and connector, alert evaluation, checks and commands, the
 * poll scheduler, the vehicle listing, settings, the connection lifecycle and the intents.
 */
export function createAppService(deps: AppDeps, options: AppServiceOptions = {}): AppService {
  const { clock } = deps;
  const random = options.random ?? Math.random;
  const scrubber = createSecretScrubber();
  const logger = scrubber.logger(deps.logger);
  const notifier = scrubber.notifier(deps.notifier);
  const state = createAppState();
  // Every module may say the Snapshot changed; the Snapshot reads them all, so its publisher
  // is made last, and publishing waits for the next microtask anyway.
  const changed = () => publisher.changed();
  const sections = createStateSections(deps.state, logger, {
    onWriteFailure(error) {
      state.stateNotSaved =
        error === null ? null : APP_WORDS.stateNotSaved(writeFailureCause(error));
      changed();
    },
    // Read while the service is being made, before any Snapshot: nothing to publish yet.
    onSetAside(error) {
      state.stateSetAside = APP_WORDS.stateSetAside(error.why, error.aside);
    },
  });

  // ---- the cars and what is kept of them across restarts ----------------------------------
  const roster = createVehicleRoster();
  const { find, watched } = roster;
  const watchedVins = () => watched().map((record) => record.vin);
  const quota = createQuotaCounter(clock, sections.section('quota', quotaStateSchema));
  const signOutMark = sections.section('signOut', z.object({ signedOut: z.boolean() }).strict());
  const naming = createVehicleNaming(sections.section('cars', vehicleDetailsStateSchema));
  const nameCars = () => naming.name(roster.all(), state.settings.vehicleNames);
  const activity = createActivityLog({
    clock,
    store: sections.section('activity', activityStateSchema),
    size: () => state.settings.activityLogSize,
    scrub: scrubber.scrub,
  });
  const log = (vin: string, text: string, kind: ActivityEntry['kind']) =>
    activity.add(vin, text, kind);
  const logAll = (text: string, kind: ActivityEntry['kind']) => {
    for (const record of watched()) log(record.vin, text, kind);
  };
  const alerts = createAlertEngine({
    clock,
    notifier,
    store: sections.section('alerts', alertStateSchema),
    settings: () => state.settings.alerts,
    carName: (scope) => find(scope)?.name,
    onEvent(event, episode) {
      const text =
        event === 'cleared'
          ? APP_WORDS.alertCleared(episode.title)
          : event === 'reminder'
            ? APP_WORDS.alertReminder(episode.message)
            : APP_WORDS.alertRaised(episode.message);
      const kind = event === 'cleared' ? 'info' : 'warning';
      if (episode.scope === 'app') logAll(text, kind);
      else log(episode.scope, text, kind);
    },
  });

  // ---- sign-in and the connection to Volvo (or demo mode's stand-in) ----------------------
  const auth =
    deps.auth ??
    createAuthSession({
      fetch: deps.fetch,
      clock,
      vault: deps.vault,
      // Demo mode's sign-in page is the simulator's: it is followed here, not opened. The
      // connector starts demo mode, so this asks it when the browser is used, not now.
      browser: demoAwareBrowser(deps.browser, deps.fetch, () => connector.demoActive()),
      logger,
      allowPlaintextSecrets: () => state.settings.allowPlaintextSecrets,
      meta: sections.rawSection('auth'),
      // A saved sign-in of the person's own app only ever refreshes at Volvo ID.
      restoreIssuer: VOLVO_ID_ISSUER,
    });
  const connector = createConnector({
    clock,
    fetch: deps.fetch,
    vault: deps.vault,
    logger,
    auth,
    startDemo: deps.startDemo,
    onRequest: () => quota.record(),
    commandTimeoutMs: CLIENT_COMMAND_TIMEOUT_MS,
    rememberSecret: scrubber.remember,
  });
  // Volvo's own word on an outage, asked only when checks fail as an outage would make them.
  const volvoOutage = createVolvoOutage({
    clock,
    read: (signal) =>
      readBackendStatus(
        deps.fetch,
        state.link?.connected.backendStatusBaseUrl ?? state.settings.backendStatusBaseUrl,
        signal,
      ),
    onChange: changed,
  });

  // ---- alerts, checks and commands --------------------------------------------------------
  const pauseWords = (pause: PollPause, now: number) =>
    pauseInWords(pause, now, state.settings.polling.dailyBudget, deps.clockStyle);
  const evaluate = createAlertEvaluation({ clock, state, auth, alerts, pauseWords });
  const checkOptions = { clock, state, logger, find, log, evaluate, changed };

  const commands = createCommandRunner({
    clock,
    api: () => state.link?.connected.api ?? null,
    checkDoors: createDoorCheck(checkOptions),
    lastKnownDoors: (vin) => find(vin)?.doors ?? null,
    checkTimeoutMs: DOOR_CHECK_TIMEOUT_MS,
    spendProblem() {
      const now = clock.now();
      const { paused, settings } = state;
      if (paused?.pause.kind === 'quota') return pauseWords(paused.pause, now);
      if (quota.usedToday() >= settings.polling.dailyBudget) {
        return APP_WORDS.budgetSpentForCommands(
          count(settings.polling.dailyBudget),
          whenInWords(quota.resetsAt(), now, deps.clockStyle),
        );
      }
      return null;
    },
    rateLimit: createCommandRateLimit(clock),
    timeoutMs: COMMAND_TIMEOUT_MS,
    joinWindowMs: LOCK_JOIN_WINDOW_MS,
    // The runner and the scheduler need each other: a command asks for closer checks and a
    // check after it ends, and the checks read the runner's state. The runner is made first,
    // so these two reach the scheduler made just below; they run only once a command runs.
    onChange() {
      scheduler.reschedule();
      changed();
    },
    afterCommand(vin) {
      const record = find(vin);
      const status = commands.state(vin).last?.status;
      if (record && status) commandEnded(record.reachability, status);
      void scheduler.refresh([vin]);
    },
    log,
  });

  const budget = createPollBudget({
    clock,
    quota,
    polling: () => state.settings.polling,
    popoverOpen: () => state.popoverOpen,
    watched: () =>
      new Map(
        watched().map((record) => [record.vin, attentionOf(record, commands.state(record.vin))]),
      ),
  });

  const onPauseChange = (pause: PollPause | null) => {
    const now = clock.now();
    const { paused } = state;
    if (pause === null) {
      if (paused !== null) logAll(APP_WORDS.checksResumed, 'info');
      state.paused = null;
    } else {
      const fresh = paused === null || paused.pause.kind !== pause.kind;
      state.paused = { pause, since: paused?.since ?? now };
      // The quota-out alert logs its own entry with the same words.
      const alertSaysSo = pause.kind === 'quota' && state.settings.alerts.quotaOut.enabled;
      if (fresh && !alertSaysSo) logAll(APP_WORDS.checksPaused(pauseWords(pause, now)), 'warning');
    }
    evaluate.app();
    changed();
  };

  const scheduler = createPollScheduler({
    clock,
    random,
    poll: createVehiclePoll({
      ...checkOptions,
      commandState: commands.state,
      doorsRead: commands.doorsRead,
      outageMayExplain: volvoOutage.checkFailed,
    }),
    intervalMs: budget.intervalMs,
    budgetBlockedUntil: budget.blockedUntil,
    onPauseChange,
    pollTimeoutMs: POLL_TIMEOUT_MS,
    maxBackoffMs: MAX_BACKOFF_MS,
  });

  const lockUnattended = createUnattendedLock({
    notifier,
    signedIn: () => state.link !== null,
    commandsRefused: () => (auth.state().commandsAllowed ? null : MESSAGES.statusOnly),
    find,
    run: commands.run,
  });
  const shortcut = createShortcutController(deps.shortcuts, () => {
    void lockUnattended(roster.selected(), 'shortcut');
  });

  // ---- the account's cars -----------------------------------------------------------------
  const setVehicles = (vins: readonly string[]) => {
    roster.update(vins, state.settings.watchedVins, state.settings.selectedVin);
    nameCars();
    const vinsToWatch = watchedVins();
    alerts.retain(['app', ...vinsToWatch]);
    scheduler.setVehicles(vinsToWatch);
  };

  const listing = createVehicleListing({
    clock,
    random,
    logger,
    retryMs: CONNECT_RETRY_MS,
    maxRetryMs: MAX_BACKOFF_MS,
    onListed(vins) {
      setVehicles(vins);
      state.lastError = vins.length === 0 ? APP_WORDS.noCars : null;
      void listing.describe(watchedVins());
      scheduler.start();
      changed();
    },
    onFailed(reason) {
      state.lastError = APP_WORDS.listingFailed(reason);
      changed();
    },
    onCapabilities(vin, capabilities) {
      const record = find(vin);
      if (record) record.capabilities = capabilities;
      changed();
    },
    onDetails(vin, details) {
      if (!naming.described(vin, details)) return;
      nameCars();
      changed();
    },
  });

  // ---- settings, the connection's lifecycle, the intents ---------------------------------
  /** Puts changed settings in force without a restart. */
  const applySettings = (before: Settings) => {
    const { settings, link } = state;
    if (
      before.watchedVins.join() !== settings.watchedVins.join() ||
      before.selectedVin !== settings.selectedVin
    ) {
      setVehicles(roster.all().map((record) => record.vin));
      void listing.describe(watchedVins());
    }
    nameCars();
    if (before.activityLogSize !== settings.activityLogSize) activity.resize();
    if (before.connection.apiVersion !== settings.connection.apiVersion && link !== null) {
      link.connected = connector.withVersion(link.connected, settings.connection.apiVersion);
      // The cars and what they can do, as this version of the API says.
      void listing.start(link.connected.api);
    }
    alerts.retain(['app', ...watchedVins()]);
    for (const record of watched()) evaluate.vehicle(record);
    evaluate.app();
    scheduler.reschedule();
  };
  const settingsFlow = createSettingsFlow({
    state,
    store: deps.settings,
    logger,
    shortcut,
    applied: applySettings,
    changed,
  });

  const lifecycle = createConnectionLifecycle({
    clock,
    state,
    logger,
    vault: deps.vault,
    auth,
    ownsAuth: deps.auth === undefined,
    connector,
    scrubber,
    quota,
    listing,
    scheduler,
    commands,
    roster,
    alerts,
    evaluate,
    volvoOutage,
    settings: settingsFlow,
    shortcut,
    signOutMark,
    logAll,
    changed,
  });

  // ---- the Snapshot -----------------------------------------------------------------------
  let revision = 0;
  const build = (): Snapshot => {
    const now = clock.now();
    const { settings, paused, link } = state;
    const snapshot = buildSnapshot({
      revision: ++revision,
      now,
      signIn: signInView(state.started ? auth.state() : null, state.signingIn),
      findMyCarAllowed: auth.state().findMyCarAllowed,
      vehicles: roster.all(),
      alerts: (scope) => alerts.active(scope),
      command: (vin) => commands.state(vin),
      selectedVin: roster.selected(),
      quota: quotaView({
        usedToday: quota.usedToday(),
        dailyBudget: settings.polling.dailyBudget,
        resetsAt: quota.resetsAt(),
        out:
          paused === null || paused.pause.kind === 'rate-limited'
            ? null
            : { until: paused.pause.until, message: pauseWords(paused.pause, now) },
        stretched: link !== null && budget.stretch() > 1.05,
      }),
      shortcut: shortcut.view(),
      online: state.online,
      offlineSince: state.offlineSince,
      suspendedSince: state.suspendedSince,
      paused:
        paused === null ? null : { since: paused.since, reason: pauseWords(paused.pause, now) },
      settingsProblems: state.settingsProblems,
      vaultWarning: vaultWarning(deps.vault.protection(), settings),
      stateNotSaved: state.stateNotSaved,
      stateSetAside: state.stateSetAside,
      lastError: state.lastError,
      popoverOpen: state.popoverOpen,
      clock: deps.clockStyle,
      volvoOutage: volvoOutage.message(),
    });
    // Secrets never reach the UI, whatever text carried them this far.
    return JSON.parse(scrubber.scrub(JSON.stringify(snapshot))) as Snapshot;
  };
  const publisher = createPublisher(build, logger);

  return {
    intents: createCoreIntents({
      clock,
      state,
      auth,
      connector,
      roster,
      scheduler,
      commands,
      unlockConfirmations: createUnlockConfirmations(clock),
      lifecycle,
      settings: settingsFlow,
      activity,
      snapshot: () => publisher.current(),
      changed,
    }),
    snapshot: () => publisher.current(),
    onSnapshot: (listener) => publisher.subscribe(listener),
    start: lifecycle.start,
    stop: lifecycle.stop,
    systemSuspended() {
      state.suspendedSince ??= clock.now();
      scheduler.suspend();
      changed();
    },
    systemResumed() {
      state.suspendedSince = null;
      scheduler.resume();
      changed();
    },
    setOnline(online) {
      state.online = online;
      state.offlineSince = online ? null : (state.offlineSince ?? clock.now());
      scheduler.setOnline(online);
      changed();
    },
    notificationClicked(vin) {
      if (vin !== undefined && roster.select(vin)) changed();
    },
    async notificationAction(vin) {
      await lockUnattended(vin, 'notification');
    },
    lockFromShortcut: () => lockUnattended(roster.selected(), 'shortcut'),
  };
}
