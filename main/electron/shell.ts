import { join } from 'node:path';
import { app, dialog, session, shell, systemPreferences } from 'electron';
import type { Snapshot } from '../../shared/snapshot';
import { withHostIntents } from '../core/app/intent-handlers';
import type { AppDeps, AppService } from '../core/app/types';
import { systemClock } from '../core/ports';
import { APP_ID, appPaths } from './app-paths';
import { createElectronBrowserOpener, isAllowedExternalUrl } from './browser-opener';
import { systemClockStyle } from './clock-style';
import { pushSnapshot, registerIntentHandlers, senderCheck } from './ipc';
import { createJsonFileStore } from './json-store';
import { applyLaunchAtLogin, currentLaunchEnvironment } from './launch-at-login';
import { createRotatingLogFile } from './log-file';
import { createRedactingLogger } from './logger';
import { createElectronNotifier } from './notifier';
import { createPopoverWindow } from './popover-window';
import { rendererLocation } from './renderer-location';
import { createSafeStorageVault } from './secret-vault';
import { denyAllPermissions, hardenWebContents } from './security';
import { createElectronSettingsStore } from './settings-store';
import { createElectronShortcutRegistrar, isWayland } from './shortcuts';
import { watchSystemEvents } from './system-events';
import { createAppTray } from './tray';

/**
 * The Electron shell: plugs the Electron adapters into the core, then puts the core on screen
 * (tray, popover, notifications, shortcut) and keeps it fed (sleep, wake, network). The core
 * is built by the caller (`main/index.ts`), so this module does not depend on how.
 */

/** The ports the shell provides: all but demo mode's backend, which the entry point wires. */
export type ShellDeps = Omit<AppDeps, 'startDemo'>;

export interface ShellOptions {
  /** The `dist` folder. */
  distDirectory: string;
  /** Builds the core from the shell's adapters (the caller adds demo mode's backend). */
  createCore: (deps: ShellDeps) => AppService;
  /** Defaults to `process.platform` (tests run the other platforms' paths). */
  platform?: NodeJS.Platform;
}

/** End-to-end test hooks, on `globalThis` only when VOLVO_TRAY_TEST_HOOKS=1. */
export interface ShellTestHooks {
  clickTray(): void;
  popoverVisible(): boolean;
  pressShortcut(): boolean;
  trayState(): string;
}

const SHUTDOWN_TIMEOUT_MS = 3000;

export async function runShell(options: ShellOptions): Promise<void> {
  const platform = options.platform ?? process.platform;
  // Tests and portable setups keep their data elsewhere. Before the lock: it is per userData.
  const userDataOverride = process.env.VOLVO_TRAY_USER_DATA;
  if (userDataOverride) app.setPath('userData', userDataOverride);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
  const shortcutEnvironment = { platform, sessionType: process.env.XDG_SESSION_TYPE };
  if (isWayland(shortcutEnvironment)) {
    app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');
  }
  // A tray app lives on without windows.
  app.on('window-all-closed', () => {});

  await app.whenReady();
  app.dock?.hide();

  const paths = appPaths(options.distDirectory);
  const userData = app.getPath('userData');
  const logsDirectory = app.getPath('logs');
  // Rotated at 1 MB, three old files kept; a full disk only loses log lines.
  const logFile = createRotatingLogFile({ directory: logsDirectory });
  const logger = createRedactingLogger({
    minLevel: app.isPackaged ? 'info' : 'debug',
    write: (level, line) => {
      logFile.write(line);
      if (!app.isPackaged)
        (level === 'error' || level === 'warn' ? console.error : console.log)(line);
    },
  });

  denyAllPermissions(session.defaultSession);
  const openAllowed = (url: string) => {
    if (!isAllowedExternalUrl(url, { allowLoopbackAuthorize: false })) {
      logger.warn('The popover tried to leave the app; refused.');
      return;
    }
    void browser.open(url).catch(() => undefined);
  };
  // Every WebContents, including any we did not create ourselves, gets the same denials.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openAllowed));

  const settings = createElectronSettingsStore({ directory: userData, logger });
  const vault = await createSafeStorageVault({ file: join(userData, 'secrets.json'), logger });
  const notifier = createElectronNotifier({ logger, platform, icon: paths.appIcon });
  const shortcuts = createElectronShortcutRegistrar(shortcutEnvironment);
  let latest: Snapshot | null = null;
  const browser = createElectronBrowserOpener({
    logger,
    isDemoMode: () =>
      settings.current().connection.mode === 'demo' || latest?.signIn.mode === 'demo',
  });
  const core = options.createCore({
    clock: systemClock,
    fetch: globalThis.fetch,
    vault,
    settings,
    notifier,
    browser,
    logger,
    shortcuts,
    state: createJsonFileStore<unknown>(join(userData, 'state.json'), logger),
    clockStyle: systemClockStyle(app, systemPreferences, platform),
  });

  const location = rendererLocation({
    indexHtml: paths.indexHtml,
    isPackaged: app.isPackaged,
    devServerUrl: process.env.VOLVO_TRAY_DEV_SERVER_URL,
  });
  const popover = createPopoverWindow({
    preload: paths.preload,
    location,
    platform,
    devTools: !app.isPackaged,
    trayBounds: () => tray.bounds(),
    openAllowed,
    logger,
    onVisibilityChange: (open) =>
      background('Telling the core about the popover', () => core.intents.setPopoverOpen(open)),
  });

  const quit = () => app.quit();
  /** Runs an intent from the tray menu; its failure shows in the Snapshot, here it is logged. */
  const background = (what: string, task: () => unknown) => {
    Promise.resolve()
      .then(task)
      .catch((error: unknown) => logger.warn(`${what} failed.`, { error }));
  };
  const tray = createAppTray({
    iconsDirectory: paths.icons,
    platform,
    desktop: process.env.XDG_CURRENT_DESKTOP,
    initial: core.snapshot(),
    onClick: () => popover.toggleFromTray(),
    actions: {
      openPopover: () => popover.show(),
      openSettings: () => popover.show('settings'),
      lock: (vin) => background('Lock', () => core.intents.lock(vin, undefined)),
      refresh: () => background('Refresh', () => core.intents.refresh()),
      selectVehicle: (vin) =>
        background('Selecting a vehicle', () => core.intents.selectVehicle(vin)),
      demo: (action) => background('A demo scenario', () => core.intents.demo(action)),
      openLogsFolder: () => {
        void shell.openPath(logsDirectory).then((problem) => {
          if (problem) logger.warn('The logs folder could not be opened.', { problem });
        });
      },
      about: () => showAbout(),
      quit,
    },
  });

  const removeIpc = registerIntentHandlers({
    handlers: withHostIntents(core.intents, { closePopover: () => popover.hide(), quit }),
    isTrustedSender: senderCheck(location, () => popover.webContents()),
    logger,
  });
  const unsubscribe = core.onSnapshot((snapshot) => {
    latest = snapshot;
    tray.update(snapshot);
    pushSnapshot(popover.webContents(), snapshot);
  });
  popover.webContents()?.on('did-finish-load', () => {
    pushSnapshot(popover.webContents(), latest ?? core.snapshot());
  });

  notifier.onClick((vin) => {
    core.notificationClicked(vin);
    popover.show();
  });
  notifier.onAction((vin, action) => {
    core.notificationAction(vin, action).catch((error: unknown) => {
      logger.warn('A notification action failed.', { error });
    });
  });
  const stopWatching = watchSystemEvents(core, {
    clock: systemClock,
    onScreenLocked: () => popover.hide(),
  });
  // Launching the app again (or clicking it in Finder) opens the popover of the running one.
  app.on('second-instance', () => popover.show());
  app.on('activate', () => popover.show());

  let launchAtLogin: boolean | null = null;
  const followLaunchAtLogin = (enabled: boolean) => {
    if (enabled === launchAtLogin) return;
    launchAtLogin = enabled;
    // Unpackaged, the executable is Electron itself: at login it would open Electron's default
    // app, not this one. Only the installed app registers itself.
    if (!app.isPackaged) {
      logger.info('Launch at login applies to the installed app; not changed in development.');
      return;
    }
    applyLaunchAtLogin(enabled, { ...currentLaunchEnvironment(), platform }).catch(
      (error: unknown) => {
        logger.warn('Could not change launch at login.', { error });
      },
    );
  };
  settings.onSaved((saved) => followLaunchAtLogin(saved.launchAtLogin));

  let stopped = false;
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    let giveUp: NodeJS.Timeout | undefined;
    const stopCore = Promise.race([
      core.stop(),
      new Promise<void>((resolve) => {
        giveUp = setTimeout(resolve, SHUTDOWN_TIMEOUT_MS);
      }),
    ]);
    void stopCore
      .catch((error: unknown) => logger.warn('The core did not stop cleanly.', { error }))
      .finally(() => {
        clearTimeout(giveUp);
        stopWatching();
        unsubscribe();
        removeIpc();
        shortcuts.dispose();
        tray.destroy();
        popover.destroy();
        stopped = true;
        // Log lines are written as they come (appendFileSync): nothing is left to flush.
        app.quit();
      });
  });

  if (process.env.VOLVO_TRAY_TEST_HOOKS === '1') {
    const hooks: ShellTestHooks = {
      clickTray: () => tray.click(),
      popoverVisible: () => popover.isVisible(),
      pressShortcut: () => shortcuts.press(),
      trayState: () => tray.state(),
    };
    Object.assign(globalThis, { volvoTrayTestHooks: hooks });
  }

  await core.start();
  followLaunchAtLogin(settings.current().launchAtLogin);
  logger.info('volvo-tray is running.', { vault: vault.protection() });
}

/** "About volvo-tray": the version, where it comes from, and that Volvo Cars has no part in it. */
function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: 'About volvo-tray',
    message: `volvo-tray ${app.getVersion()}`,
    detail: ABOUT_DETAIL,
    buttons: ['OK'],
  });
}

/** The About box's words. */
export const ABOUT_DETAIL =
  'A desktop tray companion for a connected Volvo: lock state, open doors and windows, lock from a shortcut.\n\nNot affiliated with Volvo Cars. Volvo is a trademark of Volvo Trademark Holding AB.';
