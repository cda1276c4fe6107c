import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { intentChannel } from '../../shared/contract';
import type { Snapshot } from '../../shared/snapshot';
import { snapshot, VIN_1 } from '../../test-support/snapshots';
import type { AppService, CoreIntents } from '../core/app/types';
import { defaultSettings } from '../core/settings';
import { embeddedDemo } from '../demo/embedded-simulator';
import { runShell, type ShellDeps, type ShellTestHooks } from './shell';
import {
  app,
  type FakeBrowserWindow,
  FakeWebContents,
  fake,
  fakeEvent,
  invokeFromRenderer,
  powerMonitor,
  resetFakeElectron,
} from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

const DIST = '/opt/volvo-tray/dist';
const OUR_PAGE = 'file:///opt/volvo-tray/dist/renderer/index.html';

/** A core that records what the shell asked of it and publishes what the test says. */
function stubCore() {
  const calls: string[] = [];
  const listeners = new Set<(s: Snapshot) => void>();
  let current = snapshot();
  let deps: ShellDeps | null = null;
  const record =
    <T>(name: string, value: T) =>
    (...args: unknown[]) => {
      const given = args.filter((arg) => arg !== undefined).map((arg) => JSON.stringify(arg));
      calls.push([name, ...given].join(' '));
      return value;
    };
  const intents: CoreIntents = {
    getSnapshot: () => current,
    refresh: record('refresh', undefined),
    selectVehicle: record('selectVehicle', undefined),
    lock: record('lock', undefined),
    prepareUnlock: record('prepareUnlock', {
      token: 'confirm-1234',
      expiresAt: '2026-11-27T08:01:00.000Z',
    }),
    unlock: record('unlock', undefined),
    findMyCar: record('findMyCar', undefined),
    signIn: record('signIn', undefined),
    signOut: record('signOut', undefined),
    getSettings: () => defaultSettings,
    updateSettings: () => defaultSettings,
    setShortcut: () => current.shortcut,
    setPopoverOpen: record('setPopoverOpen', undefined),
    getActivity: () => [],
    demo: record('demo', undefined),
  };
  const service: AppService = {
    intents,
    snapshot: () => current,
    onSnapshot(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: async () => {
      calls.push('start');
    },
    stop: async () => {
      calls.push('stop');
      deps?.logger.info('The core stopped.');
    },
    systemSuspended: record('systemSuspended', undefined),
    systemResumed: record('systemResumed', undefined),
    setOnline: record('setOnline', undefined),
    notificationClicked: record('notificationClicked', undefined),
    notificationAction: record('notificationAction', Promise.resolve()),
    lockFromShortcut: record('lockFromShortcut', Promise.resolve()),
  };
  return {
    service,
    calls,
    deps: () => deps,
    create: (given: ShellDeps) => {
      deps = given;
      return service;
    },
    publish(next: Snapshot) {
      current = next;
      for (const listener of listeners) listener(next);
    },
  };
}

let directory: string;
beforeEach(() => {
  resetFakeElectron();
  directory = mkdtempSync(join(tmpdir(), 'volvo-tray-shell-'));
  fake.paths.set('userData', join(directory, 'userData'));
  fake.paths.set('logs', join(directory, 'logs'));
  // Packaged: the log goes to its file only, not to the test output.
  fake.isPackaged = true;
  process.env.XDG_CONFIG_HOME = join(directory, 'config');
});
afterEach(() => {
  delete process.env.VOLVO_TRAY_TEST_HOOKS;
  delete process.env.XDG_CONFIG_HOME;
  rmSync(directory, { recursive: true, force: true });
});

async function start() {
  const core = stubCore();
  await runShell({ distDirectory: DIST, createCore: core.create });
  const window = fake.windows[0] as FakeBrowserWindow;
  return {
    core,
    window,
    popover: { webContents: window.webContents, frame: window.webContents.frame(OUR_PAGE) },
  };
}

/** Waits (up to 10 s) until an expectation holds. */
const eventually = (expectation: () => void) =>
  vi.waitFor(expectation, { timeout: 10_000, interval: 20 });

describe('the shell with a stub core', () => {
  it('quits at once when another instance is running', async () => {
    fake.singleInstanceLock = false;
    const core = stubCore();
    await runShell({ distDirectory: DIST, createCore: core.create });
    expect(fake.quitCalls).toBe(1);
    expect(fake.windows).toEqual([]);
    expect(core.calls).toEqual([]);
  });

  it('starts: hides the Dock icon, denies permissions, builds the popover and tray, starts the core', async () => {
    const { core, window } = await start();
    expect(fake.dockHidden).toBe(true);
    expect(window.options.webPreferences).toMatchObject({
      preload: join(DIST, 'preload', 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
    });
    expect(window.webContents.loaded).toEqual([OUR_PAGE]);
    expect(fake.trays[0]?.tooltip).toBe('volvo-tray\nXC40: Locked');
    expect(core.calls).toContain('start');
    expect(core.calls).toContain('setOnline true');
    const deps = core.deps();
    expect(deps?.vault.protection()).toBe('os-encrypted');
    expect(deps?.settings.load().settings).toEqual(defaultSettings);
  });

  it('sets the AppUserModelId on Windows (toasts and taskbar grouping need it)', async () => {
    const core = stubCore();
    await runShell({ distDirectory: DIST, createCore: core.create, platform: 'win32' });
    expect(fake.userModelId).toBe('dev.volvotray.app');
    expect(fake.trays[0]?.image.path).toMatch(/tray-locked-light\.png$/);
  });

  it('on macOS: Template tray images and the menu on right click', async () => {
    const core = stubCore();
    await runShell({ distDirectory: DIST, createCore: core.create, platform: 'darwin' });
    expect(fake.userModelId).toBeNull();
    expect(fake.trays[0]?.image.path).toMatch(/tray-lockedTemplate\.png$/);
    expect(fake.windows[0]?.options.type).toBe('panel');
  });

  it('hardens every WebContents the app creates', async () => {
    await start();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    const navigation = fakeEvent();
    contents.emit('will-navigate', navigation, 'https://evil.example/');
    expect(navigation.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    expect(fake.openedExternal).toEqual([]);
  });

  it('hands an allowed link from the popover to the system browser exactly once', async () => {
    const { window } = await start();
    // Electron announces the popover's own WebContents too: it must not be hardened twice.
    app.emit('web-contents-created', fakeEvent(), window.webContents);
    window.webContents.emit('will-navigate', fakeEvent(), 'https://developer.volvocars.com/');
    await eventually(() => expect(fake.openedExternal).not.toEqual([]));
    expect(fake.openedExternal).toEqual(['https://developer.volvocars.com/']);
  });

  it('the tray menu opens the logs folder and says what volvo-tray is, and that Volvo has no part in it', async () => {
    await start();
    const menu = fake.trays[0]?.contextMenu;
    menu?.item('logs')?.click?.();
    expect(fake.openedPaths).toHaveLength(1);
    expect(fake.openedPaths[0]).toMatch(/logs$/);
    menu?.item('about')?.click?.();
    expect(fake.messageBoxes[0]).toMatchObject({
      title: 'About volvo-tray',
      message: expect.stringMatching(/^volvo-tray \d+\.\d+\.\d+/),
      detail: expect.stringContaining('Not affiliated with Volvo Cars'),
    });
  });

  it('pushes each Snapshot to the popover and the tray', async () => {
    const { core, window } = await start();
    core.publish(snapshot({ revision: 2, online: false }));
    expect(window.webContents.sent.at(-1)).toEqual({
      channel: 'volvo:snapshot',
      payload: snapshot({ revision: 2, online: false }),
    });
    expect(fake.trays[0]?.tooltip).toBe('volvo-tray\nOffline\nXC40: Locked');
  });

  it('serves intents from the popover: core intents reach the core, closePopover hides it', async () => {
    const { core, window, popover } = await start();
    fake.trays[0]?.emit('click');
    expect(window.visible).toBe(true);
    expect(await invokeFromRenderer(intentChannel('lock'), popover, VIN_1)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await invokeFromRenderer(intentChannel('closePopover'), popover)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(window.visible).toBe(false);
    expect(core.calls).toEqual(
      expect.arrayContaining([`lock "${VIN_1}"`, 'setPopoverOpen true', 'setPopoverOpen false']),
    );
  });

  it('opens the popover for a clicked notification, for its vehicle', async () => {
    const { core, window } = await start();
    core
      .deps()
      ?.notifier.show({ id: 'n1', title: 'Door open', body: 'The hood is open.', vin: VIN_1 });
    fake.notifications[0]?.emit('click', fakeEvent());
    expect(window.visible).toBe(true);
    expect(core.calls).toContain(`notificationClicked "${VIN_1}"`);
  });

  it('pauses the core on sleep and catches up on wake', async () => {
    const { core } = await start();
    powerMonitor.emit('suspend');
    powerMonitor.emit('resume');
    expect(core.calls).toEqual(expect.arrayContaining(['systemSuspended', 'systemResumed']));
  });

  it('follows the launch-at-login setting (XDG autostart on Linux)', async () => {
    const core = stubCore();
    await runShell({ distDirectory: DIST, createCore: core.create, platform: 'linux' });
    const autostart = join(directory, 'config', 'autostart', 'volvo-tray.desktop');
    core.deps()?.settings.save({ ...defaultSettings, launchAtLogin: true });
    await eventually(() => expect(existsSync(autostart)).toBe(true));
    core.deps()?.settings.save({ ...defaultSettings, launchAtLogin: false });
    await eventually(() => expect(existsSync(autostart)).toBe(false));
  });

  it('in development does not register Electron itself to launch at login', async () => {
    fake.isPackaged = false;
    const core = stubCore();
    await runShell({ distDirectory: DIST, createCore: core.create, platform: 'linux' });
    core.deps()?.settings.save({ ...defaultSettings, launchAtLogin: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(join(directory, 'config', 'autostart', 'volvo-tray.desktop'))).toBe(false);
  });

  it('quits cleanly: stops the core first, then releases the shortcut, tray and window', async () => {
    const { core, window } = await start();
    core.deps()?.shortcuts.register('CommandOrControl+Alt+L', () => {});
    // The log as it is on disk at the moment the shell lets the process end.
    let logAtQuit = '';
    const quitting = vi.spyOn(app, 'quit').mockImplementation(() => {
      logAtQuit = readFileSync(join(directory, 'logs', 'main.log'), 'utf8');
      fake.quitCalls++;
    });
    const quit = fakeEvent();
    app.emit('before-quit', quit);
    expect(quit.defaultPrevented).toBe(true);
    await eventually(() => expect(fake.quitCalls).toBe(1));
    expect(core.calls.at(-1)).toBe('stop');
    expect(fake.shortcuts.size).toBe(0);
    expect(fake.trays[0]?.destroyed).toBe(true);
    expect(window.destroyed).toBe(true);
    expect(fake.ipcHandlers.size).toBe(0);
    // The second before-quit (from the shell's own app.quit()) goes through.
    const again = fakeEvent();
    app.emit('before-quit', again);
    expect(again.defaultPrevented).toBe(false);
    // Every line, the last ones too, is in the log file by the time the app quits.
    quitting.mockRestore();
    expect(logAtQuit).toContain('volvo-tray is running.');
    expect(logAtQuit).toContain('The core stopped.');
  });

  it('puts test hooks on globalThis only when asked', async () => {
    await start();
    expect('volvoTrayTestHooks' in globalThis).toBe(false);
    resetFakeElectron();
    fake.isPackaged = true;
    process.env.VOLVO_TRAY_TEST_HOOKS = '1';
    await start();
    const hooks = (globalThis as { volvoTrayTestHooks?: ShellTestHooks }).volvoTrayTestHooks;
    hooks?.clickTray();
    expect(hooks?.popoverVisible()).toBe(true);
    expect(hooks?.trayState()).toBe('locked');
    Reflect.deleteProperty(globalThis, 'volvoTrayTestHooks');
  });
});

describe('the shell with the real core, in demo mode against the embedded simulator', () => {
  it('signs in, shows the car in the tray, unlocks from the popover, locks from the shortcut; no secret crosses', async () => {
    process.env.VOLVO_TRAY_TEST_HOOKS = '1';
    const { createAppService } = await import('../core/app/service');
    let core: AppService | null = null;
    await runShell({
      distDirectory: DIST,
      createCore: (deps) => {
        core = createAppService({ ...deps, startDemo: embeddedDemo() });
        return core;
      },
    });
    const hooks = (globalThis as { volvoTrayTestHooks?: ShellTestHooks }).volvoTrayTestHooks;
    if (!hooks || !core) throw new Error('the shell did not start');
    const service: AppService = core;
    const tray = fake.trays[0];
    const window = fake.windows[0] as FakeBrowserWindow;
    const popover = { webContents: window.webContents, frame: window.webContents.frame(OUR_PAGE) };
    const vehicle = () => service.snapshot().vehicles.find((v) => v.vin === VIN_1);

    await eventually(() => expect(vehicle()?.lock?.value).toBe('LOCKED'));
    expect(hooks.trayState()).toBe('locked');
    expect(tray?.tooltip).toMatch(/: Locked/);

    const prepared = (await invokeFromRenderer(intentChannel('prepareUnlock'), popover, VIN_1)) as {
      ok: true;
      value: { token: string };
    };
    expect(prepared.ok).toBe(true);
    expect(
      await invokeFromRenderer(intentChannel('unlock'), popover, VIN_1, prepared.value.token),
    ).toMatchObject({ ok: true });
    await eventually(() => expect(vehicle()?.lock?.value).toBe('UNLOCKED'));
    expect(hooks.trayState()).toBe('unlocked');

    expect(hooks.pressShortcut()).toBe(true);
    await eventually(() => {
      expect(vehicle()?.lock?.value).toBe('LOCKED');
      expect(hooks.trayState()).toBe('locked');
    });

    // A settings change from the popover is written through electron-store.
    expect(
      await invokeFromRenderer(intentChannel('updateSettings'), popover, {
        alerts: { notifyCleared: true },
      }),
    ).toMatchObject({ ok: true });
    // Nothing secret in what crossed the bridge, the settings file or the log.
    const vault = JSON.parse(readFileSync(join(directory, 'userData', 'secrets.json'), 'utf8')) as {
      secrets: Record<string, string>;
    };
    const secrets = Object.values(vault.secrets).map((stored) =>
      Buffer.from(
        Buffer.from(stored, 'base64').toString().split(':')[2] ?? '',
        'base64',
      ).toString(),
    );
    expect(secrets.length).toBeGreaterThan(0);
    const crossed = JSON.stringify(window.webContents.sent);
    const settingsFile = readFileSync(join(directory, 'userData', 'settings.json'), 'utf8');
    expect(JSON.parse(settingsFile)).toMatchObject({ alerts: { notifyCleared: true } });
    const log = readFileSync(join(directory, 'logs', 'main.log'), 'utf8');
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      for (const place of [crossed, settingsFile, log]) expect(place).not.toContain(secret);
    }

    const quit = fakeEvent();
    app.emit('before-quit', quit);
    await eventually(() => expect(fake.quitCalls).toBe(1));
    Reflect.deleteProperty(globalThis, 'volvoTrayTestHooks');
  }, 30_000);
});
