import { z } from 'zod';
import type { SignInRequest } from '../../../shared/contract';
import type { Settings } from '../../../shared/settings';
import type { ActivityEntry, Snapshot } from '../../../shared/snapshot';
import { APP_WORDS } from '../../../shared/words/app';
import { MESSAGES } from '../../../shared/words/sign-in';
import { createAuthSession } from '../auth/session';
import type { AuthState } from '../auth/types';
import { VOLVO_ID_ISSUER } from '../auth/volvo-id';
import { applySettingsPatch, defaultSettings, settingsPatchSchema } from '../settings';
import { readBackendStatus } from '../volvo/backend-status';
import { activityStateSchema, createActivityLog } from './activity-log';
import { alertStateSchema, createAlertEngine } from './alert-engine';
import { evaluateApp, evaluateVehicle } from './alert-rules';
import { count, pauseInWords, settingsProblemInWords, vaultWarning } from './app-words';
import { askWarningsAgain, wantsWarnings } from './car-warnings';
import { createCommandRateLimit } from './command-rate-limit';
import { type CommandRequest, type CommandRun, createCommandRunner } from './command-runner';
import {
  type Connected,
  connectionSettingsFor,
  createConnector,
  demoAwareBrowser,
} from './connection';
import { wantsEngine } from './engine-watch';
import { createStateSections } from './persisted-state';
import { createPollBudget } from './poll-budget';
import { type AttentionInput, windowsDue } from './poll-plan';
import { createPollScheduler, type PollOutcome, type PollPause } from './poll-scheduler';
import { createPublisher } from './publisher';
import { createQuotaCounter, quotaStateSchema } from './quota-counter';
import { commandEnded, wantsReachability } from './reachability';
import { createSecretScrubber } from './secret-scrubber';
import { createShortcutController } from './shortcut-controller';
import { buildSnapshot, quotaView, signInView } from './snapshot-builder';
import { whenInWords } from './time-words';
import type { AppDeps, AppService, CoreIntents } from './types';
import { createUnattendedLock } from './unattended-lock';
import { createUnlockConfirmations } from './unlock-confirmations';
import { createVehicleListing } from './vehicle-listing';
import { createVehicleNaming, vehicleDetailsStateSchema } from './vehicle-naming';
import { pollOutcome, readVehicle } from './vehicle-poll';
import {
  applyDoors,
  applyPoll,
  errorInWords,
  lockOrDoorsChanged,
  type VehicleRecord,
} from './vehicle-record';
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
 * modules: connector (demo backend, Volvo ID, test token) and vehicle listing, poll
 * scheduler, plan and budget, quota counter, alert rules and engine, command runner and
 * unattended lock, activity log, shortcut controller.
 */
export function createAppService(deps: AppDeps, options: AppServiceOptions = {}): AppService {
  const { clock } = deps;
  const random = options.random ?? Math.random;
  const scrubber = createSecretScrubber();
  const logger = scrubber.logger(deps.logger);
  const sections = createStateSections(deps.state, logger);
  const notifier = scrubber.notifier(deps.notifier);

  let settings: Settings = defaultSettings;
  let settingsProblems: string[] = [];
  let lastError: string | null = null;
  let popoverOpen = false;
  /** Cars whose next check reads the windows whatever their age (the popover opened on old data). */
  const windowsAsked = new Set<string>();
  let online = true;
  let offlineSince: number | null = null;
  let suspendedSince: number | null = null;
  let paused: { pause: PollPause; since: number } | null = null;
  let signingIn = false;
  let signInExpiredSince: number | null = null;
  let connected: Connected | null = null;
  /** Bumped on every (dis)connection: late answers for an older one are dropped. */
  let generation = 0;
  const roster = createVehicleRoster();
  let started = false;
  /** Bumped by every stop(): a sign-in still under way then ends without connecting. */
  let runs = 0;
  let unsubscribeAuth: (() => void) | null = null;

  const find = roster.find;
  const watched = roster.watched;
  const watchedVins = () => watched().map((record) => record.vin);
  const log = (vin: string, text: string, kind: ActivityEntry['kind']) =>
    activity.add(vin, text, kind);
  const logAll = (text: string, kind: ActivityEntry['kind']) => {
    for (const record of watched()) log(record.vin, text, kind);
  };

  // ---- persisted pieces -------------------------------------------------------------------
  const quota = createQuotaCounter(clock, sections.section('quota', quotaStateSchema));
  // A person who signed out stays signed out across restarts: demo mode starts by itself only
  // until then (a first run, or after "Try demo mode").
  const signOutMark = sections.section('signOut', z.object({ signedOut: z.boolean() }).strict());
  const signedOut = () => signOutMark.load()?.signedOut === true;
  const naming = createVehicleNaming(sections.section('cars', vehicleDetailsStateSchema));
  const nameCars = () => naming.name(roster.all(), settings.vehicleNames);
  const activity = createActivityLog({
    clock,
    store: sections.section('activity', activityStateSchema),
    size: () => settings.activityLogSize,
    scrub: scrubber.scrub,
  });
  const alerts = createAlertEngine({
    clock,
    notifier,
    store: sections.section('alerts', alertStateSchema),
    settings: () => settings.alerts,
    carName: (scope) => find(scope)?.name,
    onEvent(event, episode) {
      const text =
        event === 'cleared'
          ? `Cleared: ${episode.title}`
          : event === 'reminder'
            ? `Reminder: ${episode.message}`
            : `Alert: ${episode.message}`;
      const kind = event === 'cleared' ? 'info' : 'warning';
      if (episode.scope === 'app') logAll(text, kind);
      else log(episode.scope, text, kind);
    },
  });

  // ---- sign-in ----------------------------------------------------------------------------
  const auth =
    deps.auth ??
    createAuthSession({
      fetch: deps.fetch,
      clock,
      vault: deps.vault,
      browser: demoAwareBrowser(deps.browser, deps.fetch, () => connector.demoActive()),
      logger,
      allowPlaintextSecrets: () => settings.allowPlaintextSecrets,
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
        connected?.backendStatusBaseUrl ?? settings.backendStatusBaseUrl,
        signal,
      ),
    onChange: () => changed(),
  });

  const pauseWords = (pause: PollPause, now: number) =>
    pauseInWords(pause, now, settings.polling.dailyBudget, deps.clockStyle);

  // ---- polling plan -----------------------------------------------------------------------
  const attentionOf = (record: VehicleRecord): AttentionInput => {
    const command = commands.state(record.vin);
    return {
      lock: record.lock,
      doors: record.doors,
      windows: record.windows,
      attentionUntil: Math.max(command.attentionUntil ?? 0, command.unlockWindowUntil ?? 0) || null,
      changedAt: record.changedAt,
      windowsAt: record.windowsAt,
    };
  };
  const budget = createPollBudget({
    clock,
    quota,
    polling: () => settings.polling,
    popoverOpen: () => popoverOpen,
    watched: () => new Map(watched().map((record) => [record.vin, attentionOf(record)])),
  });

  // ---- polling ----------------------------------------------------------------------------
  const evaluateVehicleAlerts = (record: VehicleRecord) => {
    if (record.watched && auth.state().status === 'signed-in') {
      alerts.update(
        record.vin,
        evaluateVehicle({ ...record, engine: record.engine.reading }, settings.alerts),
      );
    }
  };
  const evaluateAppAlerts = () => {
    const quotaOut =
      paused !== null && paused.pause.kind !== 'rate-limited'
        ? { since: paused.since, message: pauseWords(paused.pause, clock.now()) }
        : null;
    alerts.update(
      'app',
      evaluateApp(
        {
          signInExpiredSince,
          signInMessage: auth.state().message,
          checking: connected !== null,
          quotaOut,
        },
        settings.alerts,
      ),
    );
  };

  const pollVehicle = async (vin: string, signal: AbortSignal): Promise<PollOutcome> => {
    const current = connected;
    const gen = generation;
    if (current === null) return { ok: true };
    const before = find(vin);
    // Read before the `||`: a popover's request for windows is used up by this check.
    const asked = windowsAsked.delete(vin);
    const reading = await readVehicle(current.api, vin, signal, {
      windows: asked || before === undefined || windowsDue(attentionOf(before), clock.now()),
      engine:
        settings.alerts.engineRunning.enabled &&
        before !== undefined &&
        wantsEngine(before.engine, before.lock, clock.now()),
      accessibility:
        before !== undefined && wantsReachability(before.reachability, popoverOpen, clock.now()),
      warnings: before !== undefined && wantsWarnings(before.warnings, popoverOpen, clock.now()),
      changed: (doors) => before === undefined || lockOrDoorsChanged(before, doors),
    });
    const record = find(vin);
    if (gen !== generation || !record) return { ok: true };
    for (const change of applyPoll(record, reading, clock.now())) {
      log(vin, change.text, change.kind);
    }
    if (reading.doors.status === 'fulfilled') commands.doorsRead(vin, reading.doors.value.doors);
    if (record.problem?.outageMayExplain) volvoOutage.checkFailed();
    evaluateVehicleAlerts(record);
    changed();
    return pollOutcome(reading, clock.now());
  };

  const onPauseChange = (pause: PollPause | null) => {
    const now = clock.now();
    if (pause === null) {
      if (paused !== null) logAll('Car checks resumed', 'info');
      paused = null;
    } else {
      const fresh = paused === null || paused.pause.kind !== pause.kind;
      paused = { pause, since: paused?.since ?? now };
      // The quota-out alert logs its own entry with the same words.
      const alertSaysSo = pause.kind === 'quota' && settings.alerts.quotaOut.enabled;
      if (fresh && !alertSaysSo) logAll(`Car checks paused: ${pauseWords(pause, now)}`, 'warning');
    }
    evaluateAppAlerts();
    changed();
  };

  const scheduler = createPollScheduler({
    clock,
    random,
    poll: pollVehicle,
    intervalMs: budget.intervalMs,
    budgetBlockedUntil: budget.blockedUntil,
    onPauseChange,
    pollTimeoutMs: POLL_TIMEOUT_MS,
    maxBackoffMs: MAX_BACKOFF_MS,
  });

  // ---- commands ---------------------------------------------------------------------------
  const commands = createCommandRunner({
    clock,
    api: () => connected?.api ?? null,
    async checkDoors(vin, signal) {
      const current = connected;
      const gen = generation;
      if (current === null) throw new Error('Not connected');
      try {
        const report = await current.api.getDoors(vin, { signal });
        const record = find(vin);
        // An answer for an earlier connection (signed out, stopped) changes nothing.
        if (gen !== generation || !record) return report.doors;
        for (const change of applyDoors(record, report, clock.now())) {
          log(vin, change.text, change.kind);
        }
        commands.doorsRead(vin, report.doors);
        evaluateVehicleAlerts(record);
        changed();
        return report.doors;
      } catch (error) {
        logger.warn('Could not read the doors before locking', { reason: errorInWords(error) });
        throw error;
      }
    },
    lastKnownDoors: (vin) => find(vin)?.doors ?? null,
    checkTimeoutMs: DOOR_CHECK_TIMEOUT_MS,
    spendProblem() {
      const now = clock.now();
      if (paused?.pause.kind === 'quota') return pauseWords(paused.pause, now);
      if (quota.usedToday() >= settings.polling.dailyBudget) {
        return `Today's budget of ${count(settings.polling.dailyBudget)} requests is used up, so lock and unlock work again ${whenInWords(quota.resetsAt(), now, deps.clockStyle)}. You can raise the budget in Settings.`;
      }
      return null;
    },
    rateLimit: createCommandRateLimit(clock),
    timeoutMs: COMMAND_TIMEOUT_MS,
    joinWindowMs: LOCK_JOIN_WINDOW_MS,
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
  const unlockConfirmations = createUnlockConfirmations(clock);

  const lockUnattended = createUnattendedLock({
    notifier,
    signedIn: () => connected !== null,
    commandsRefused: () => (auth.state().commandsAllowed ? null : MESSAGES.statusOnly),
    find,
    run: commands.run,
  });

  // ---- shortcut ---------------------------------------------------------------------------
  const shortcut = createShortcutController(deps.shortcuts, () => {
    void lockUnattended(roster.selected(), 'shortcut');
  });

  // ---- vehicles and connection ------------------------------------------------------------
  const setVehicles = (vins: readonly string[]) => {
    roster.update(vins, settings.watchedVins, settings.selectedVin);
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
      lastError = vins.length === 0 ? APP_WORDS.noCars : null;
      void listing.describe(watchedVins());
      scheduler.start();
      changed();
    },
    onFailed(reason) {
      lastError = APP_WORDS.listingFailed(reason);
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

  const attach = async (next: Connected) => {
    generation++;
    connected = next;
    scrubber.remember(next.apiKey);
    quota.countFor(next.apiKey);
    signInExpiredSince = null;
    lastError = null;
    evaluateAppAlerts();
    changed();
    await listing.start(next.api);
  };

  /**
   * Drops the cars of the connection that ended: their readings, the alerts about them and
   * their command state, none of which belong to the next one.
   */
  const forgetCars = (why: string) => {
    commands.forget(why);
    roster.clear();
    alerts.retain(['app']);
  };

  const disconnect = () => {
    generation++;
    connected = null;
    // Checks stop here rather than resume: a pause in force ends without a word.
    paused = null;
    volvoOutage.reset();
    scheduler.stop();
    scheduler.setVehicles([]);
    listing.stop();
  };

  /** Ends the session's timers (of a session this service made) and the demo backend. */
  const release = async () => {
    if (deps.auth === undefined) auth.dispose();
    await connector.close();
  };

  const onAuthChange = (state: AuthState) => {
    if (state.status === 'expired' && signInExpiredSince === null) {
      signInExpiredSince = clock.now();
      disconnect();
      logAll(state.message ?? 'Sign-in expired', 'error');
      evaluateAppAlerts();
    }
    changed();
  };

  /**
   * Signs in with `request`. A new connection starts without the previous one's cars, except
   * at start-up (`startUp`), where the alerts the last run saved belong to the same demo cars.
   */
  const signIn = async (request: SignInRequest, { startUp = false } = {}) => {
    const run = runs;
    signingIn = true;
    lastError = null;
    changed();
    const previous = connected;
    disconnect();
    try {
      const next = await connector.connect(request, settings.connection.apiVersion);
      if (run !== runs) {
        // Stopped meanwhile: nothing this sign-in started (the session's timers, the demo
        // simulator) may outlive the stop.
        await release();
        return;
      }
      saveSettings({
        ...settings,
        connection: connectionSettingsFor(request, settings.connection),
      });
      if (signedOut()) signOutMark.save({ signedOut: false });
      signingIn = false;
      // A new connection is in place (another account, perhaps): the previous one's cars go.
      if (!startUp) forgetCars('volvo-tray signed in again');
      await attach(next);
    } catch (error) {
      const message = scrubber.scrub(
        error instanceof Error ? error.message : APP_WORDS.signInFailed,
      );
      signingIn = false;
      // A failed attempt leaves the session as it was: keep watching the cars with it.
      const session = auth.state();
      if (
        run === runs &&
        previous !== null &&
        session.status === 'signed-in' &&
        session.mode === previous.mode
      ) {
        await attach(previous);
      }
      lastError = message;
      throw new Error(message);
    } finally {
      signingIn = false;
      changed();
    }
  };

  // ---- settings ---------------------------------------------------------------------------
  /** The settings store may fail to read its file (permissions, a disk error): start anyway. */
  const loadSettingsSafely = (): { settings: Settings; problems: string[] } => {
    try {
      return deps.settings.load();
    } catch (error) {
      logger.warn('The settings could not be read', {
        error: error instanceof Error ? error.message : 'unknown',
      });
      return {
        settings: defaultSettings,
        problems: [APP_WORDS.settingsUnreadable],
      };
    }
  };

  const saveSettings = (next: Settings) => {
    const unchanged = JSON.stringify(next) === JSON.stringify(settings);
    settings = next;
    if (!unchanged) deps.settings.save(next);
  };

  const applyLive = (before: Settings) => {
    if (
      before.watchedVins.join() !== settings.watchedVins.join() ||
      before.selectedVin !== settings.selectedVin
    ) {
      setVehicles(roster.all().map((record) => record.vin));
      void listing.describe(watchedVins());
    }
    nameCars();
    if (before.activityLogSize !== settings.activityLogSize) activity.resize();
    if (before.connection.apiVersion !== settings.connection.apiVersion && connected !== null) {
      connected = connector.withVersion(connected, settings.connection.apiVersion);
      // The cars and what they can do, as this version of the API says.
      void listing.start(connected.api);
    }
    alerts.retain(['app', ...watchedVins()]);
    for (const record of watched()) evaluateVehicleAlerts(record);
    evaluateAppAlerts();
    scheduler.reschedule();
  };

  // ---- the Snapshot -----------------------------------------------------------------------
  let revision = 0;

  const build = (): Snapshot => {
    const now = clock.now();
    const snapshot = buildSnapshot({
      revision: ++revision,
      now,
      signIn: signInView(started ? auth.state() : null, signingIn),
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
        stretched: connected !== null && budget.stretch() > 1.05,
      }),
      shortcut: shortcut.view(),
      online,
      offlineSince,
      suspendedSince,
      paused:
        paused === null ? null : { since: paused.since, reason: pauseWords(paused.pause, now) },
      settingsProblems,
      vaultWarning: vaultWarning(deps.vault.protection(), settings),
      lastError,
      popoverOpen,
      clock: deps.clockStyle,
      volvoOutage: volvoOutage.message(),
    });
    // Secrets never reach the UI, whatever text carried them this far.
    return JSON.parse(scrubber.scrub(JSON.stringify(snapshot))) as Snapshot;
  };

  const publisher = createPublisher(build, logger);
  const changed = () => publisher.changed();

  // ---- intents ----------------------------------------------------------------------------
  const requireVehicle = (vin: string): VehicleRecord => {
    const record = find(vin);
    if (!record) throw new Error(APP_WORDS.noSuchCar(vin.toUpperCase()));
    return record;
  };
  const requireConnected = () => {
    if (connected === null) throw new Error(APP_WORDS.signInFirst);
  };
  /** Lock and unlock need the command scopes: a status-only sign-in says so before sending. */
  const requireCommands = () => {
    requireConnected();
    if (!auth.state().commandsAllowed) throw new Error(MESSAGES.statusOnly);
  };
  const runFromPopover = async (request: CommandRequest): Promise<CommandRun> => {
    requireCommands();
    return commands.run(request);
  };

  const intents: CoreIntents = {
    getSnapshot: () => publisher.current(),
    async refresh() {
      requireConnected();
      await scheduler.refresh(watchedVins());
    },
    async selectVehicle(vin) {
      const record = requireVehicle(vin);
      roster.select(record.vin);
      saveSettings({ ...settings, selectedVin: record.vin });
      changed();
    },
    async lock(vin, lockOptions) {
      const record = requireVehicle(vin);
      if (lockOptions?.reducedGuard && !record.capabilities.lockReducedGuard) {
        throw new Error(`${record.name} does not support locking with reduced guard.`);
      }
      await runFromPopover({
        vin: record.vin,
        command: lockOptions?.reducedGuard ? 'lock-reduced-guard' : 'lock',
        source: 'popover',
      });
    },
    async prepareUnlock(vin) {
      const record = requireVehicle(vin);
      requireCommands();
      return unlockConfirmations.issue(record.vin);
    },
    async unlock(vin, token) {
      const record = requireVehicle(vin);
      unlockConfirmations.redeem(record.vin, token);
      await runFromPopover({
        vin: record.vin,
        command: 'unlock',
        source: 'popover',
        unlockDuration: settings.unlockDurationSeconds,
      });
    },
    // Find my car: from the popover only (the shortcut and notifications lock, nothing else).
    async findMyCar(vin) {
      const record = requireVehicle(vin);
      requireConnected();
      if (!record.capabilities.findMyCar) {
        throw new Error(
          `${record.name} does not offer honk and flash (Volvo does not list it for this car).`,
        );
      }
      if (!auth.state().findMyCarAllowed) throw new Error(MESSAGES.findMyCarWithheld);
      await commands.run({ vin: record.vin, command: 'honk-flash', source: 'popover' });
    },
    signIn: (request) => signIn(request),
    async signOut() {
      disconnect();
      await auth.signOut();
      await connector.close();
      // Signing out leaves no secret of the person's Volvo app on this computer; the next
      // sign-in asks for both again.
      await deps.vault.delete('apiKey');
      await deps.vault.delete('clientSecret');
      quota.countFor(null);
      forgetCars('volvo-tray was signed out');
      signOutMark.save({ signedOut: true });
      signInExpiredSince = null;
      lastError = null;
      evaluateAppAlerts();
      changed();
    },
    getSettings: () => settings,
    async updateSettings(patch) {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) throw new Error(settingsProblemInWords(parsed.error));
      const before = settings;
      let next = applySettingsPatch(settings, parsed.data);
      if (next.shortcut !== before.shortcut && !shortcut.use(next.shortcut).ok) {
        next = { ...next, shortcut: before.shortcut };
      }
      saveSettings(next);
      applyLive(before);
      changed();
      return settings;
    },
    async setShortcut(accelerator) {
      const outcome = shortcut.use(accelerator);
      if (outcome.ok) saveSettings({ ...settings, shortcut: accelerator });
      changed();
      return outcome.view;
    },
    setPopoverOpen(open) {
      popoverOpen = open;
      if (open && connected !== null) {
        const now = clock.now();
        const limit = settings.polling.refreshOnOpenSeconds * 1000;
        // A reading "from the future" means the wall clock stepped back: its age is unknown.
        const old = watched().filter(
          (record) =>
            record.fetchedAt === null || now - record.fetchedAt > limit || record.fetchedAt > now,
        );
        for (const record of old) windowsAsked.add(record.vin);
        if (old.length > 0) void scheduler.refresh(old.map((record) => record.vin));
      }
      scheduler.reschedule();
      changed();
    },
    getActivity: (vin) => activity.entries(vin.toUpperCase()),
    async demo(action) {
      const vin = connector.demo(action, roster.selected());
      const record = find(vin);
      if (action.kind === 'brake-light' && record) askWarningsAgain(record.warnings);
      // In the demo, show the change at once rather than at the next poll; it may be a window.
      if (action.kind !== 'fault' && record?.watched) {
        windowsAsked.add(vin);
        void scheduler.refresh([vin], { afterInFlight: true });
      }
      changed();
    },
  };

  return {
    intents,
    snapshot: () => publisher.current(),
    onSnapshot: (listener) => publisher.subscribe(listener),
    async start() {
      if (started) return;
      started = true;
      const loaded = loadSettingsSafely();
      settings = loaded.settings;
      settingsProblems = loaded.problems;
      shortcut.use(settings.shortcut);
      unsubscribeAuth = auth.onChange(onAuthChange);
      changed();
      try {
        if (settings.connection.mode === 'demo' && !signedOut()) {
          await signIn({ mode: 'demo' }, { startUp: true });
        } else {
          const run = runs;
          const restored = await connector.restore();
          if (run !== runs) return; // stopped meanwhile
          if (restored !== null) await attach(restored);
          else if (auth.state().status === 'expired') onAuthChange(auth.state());
        }
      } catch (error) {
        lastError = scrubber.scrub(
          error instanceof Error ? error.message : APP_WORDS.startupSignInFailed,
        );
        logger.warn('Start-up sign-in failed', { reason: lastError });
      }
      changed();
    },
    async stop() {
      if (!started) return;
      started = false;
      runs++;
      disconnect();
      commands.stop();
      quota.flush();
      unsubscribeAuth?.();
      unsubscribeAuth = null;
      await release();
      changed();
    },
    systemSuspended() {
      suspendedSince ??= clock.now();
      scheduler.suspend();
      changed();
    },
    systemResumed() {
      suspendedSince = null;
      scheduler.resume();
      changed();
    },
    setOnline(next) {
      online = next;
      offlineSince = next ? null : (offlineSince ?? clock.now());
      scheduler.setOnline(next);
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
