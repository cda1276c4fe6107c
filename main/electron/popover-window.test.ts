import { session as electronSession } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BLUR_CLICK_GRACE_MS,
  createPopoverWindow,
  POPOVER_SIZE,
  TRAY_PRESS_GRACE_MS,
} from './popover-window';
import type { RendererLocation } from './renderer-location';
import { denyAllPermissions } from './security';
import {
  type FakeBrowserWindow,
  FakeWebContents,
  fake,
  fakeEvent,
  resetFakeElectron,
  session,
} from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

const LOCATION: RendererLocation = {
  kind: 'file',
  url: 'file:///opt/volvo-tray/dist/renderer/index.html',
};

beforeEach(() => resetFakeElectron());

const TRAY = { x: 1700, y: 1048, width: 24, height: 24 };

function setup(platform: NodeJS.Platform = 'win32') {
  let now = 10_000;
  const visibility: boolean[] = [];
  const opened: string[] = [];
  const warnings: string[] = [];
  const popover = createPopoverWindow({
    preload: '/opt/volvo-tray/dist/preload/index.cjs',
    location: LOCATION,
    platform,
    devTools: false,
    trayBounds: () => TRAY,
    openAllowed: (url) => opened.push(url),
    onVisibilityChange: (open) => visibility.push(open),
    logger: { warn: (message) => warnings.push(message) },
    now: () => now,
  });
  const window = fake.windows[0] as FakeBrowserWindow;
  return {
    popover,
    window,
    visibility,
    opened,
    warnings,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('the popover window', () => {
  it('passes the security checklist in its webPreferences', () => {
    const { window } = setup();
    expect(window.options.webPreferences).toEqual({
      preload: '/opt/volvo-tray/dist/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
  });

  it('is a frameless, fixed-size, hidden-at-start popover outside the taskbar', () => {
    const { window } = setup();
    expect(window.options).toMatchObject({
      width: POPOVER_SIZE.width,
      height: POPOVER_SIZE.height,
      frame: false,
      show: false,
      resizable: false,
      skipTaskbar: true,
    });
    expect(window.visible).toBe(false);
  });

  it('loads only our own page', () => {
    const { window } = setup();
    expect(window.webContents.loaded).toEqual([LOCATION.kind === 'file' ? LOCATION.url : '']);
  });

  it('denies navigation and new windows, handing allow-listed links to the system browser', () => {
    const { window, opened } = setup();
    const navigation = fakeEvent();
    window.webContents.emit('will-navigate', navigation, 'https://evil.example/');
    expect(navigation.defaultPrevented).toBe(true);
    const redirect = fakeEvent();
    window.webContents.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.defaultPrevented).toBe(true);
    const webview = fakeEvent();
    window.webContents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
    expect(
      window.webContents.windowOpenHandler?.({ url: 'https://developer.volvocars.com/' }),
    ).toEqual({
      action: 'deny',
    });
    expect(opened).toEqual(['https://evil.example/', 'https://developer.volvocars.com/']);
  });

  it('opens next to the tray icon, focused, and reports it', () => {
    const { popover, window, visibility } = setup();
    popover.toggleFromTray();
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
    // Position and size together (a move alone resizes it across scale factors on Windows).
    expect(window.bounds).toEqual({ x: 1712 - 180, y: 1040 - 480, ...POPOVER_SIZE });
    expect(visibility).toEqual([true]);
  });

  it('hides on blur, and the tray click that caused the blur does not reopen it', () => {
    const { popover, window, visibility, advance } = setup();
    popover.toggleFromTray();
    // Clicking the tray icon: the window loses focus first, then the click arrives.
    window.blur();
    advance(40);
    popover.toggleFromTray();
    expect(window.visible).toBe(false);
    // A deliberate click later opens it again.
    advance(BLUR_CLICK_GRACE_MS);
    popover.toggleFromTray();
    expect(window.visible).toBe(true);
    expect(visibility).toEqual([true, false, true]);
  });

  it('a tray click held down longer still does not reopen it, when the pointer was on the icon', () => {
    const { popover, window, advance } = setup();
    popover.toggleFromTray();
    // Windows: mouse down on the icon blurs the popover; the click comes on mouse up.
    fake.cursor = { x: TRAY.x + 10, y: TRAY.y + 10 };
    window.blur();
    advance(TRAY_PRESS_GRACE_MS - 100);
    popover.toggleFromTray();
    expect(window.visible).toBe(false);
    // Only that one click is swallowed.
    popover.toggleFromTray();
    expect(window.visible).toBe(true);
  });

  it('a blur elsewhere does not swallow a click that comes much later', () => {
    const { popover, window, advance } = setup();
    popover.toggleFromTray();
    fake.cursor = { x: 200, y: 200 };
    window.blur();
    advance(BLUR_CLICK_GRACE_MS + 1);
    popover.toggleFromTray();
    expect(window.visible).toBe(true);
  });

  it('a tray click on the open popover closes it, and the next click opens it again at once', () => {
    const { popover, window } = setup();
    popover.toggleFromTray();
    popover.toggleFromTray();
    expect(window.visible).toBe(false);
    popover.toggleFromTray();
    expect(window.visible).toBe(true);
  });

  it('after Escape (closePopover) a click on the icon opens it at once', () => {
    const { popover, window } = setup();
    popover.toggleFromTray();
    popover.hide();
    expect(window.visible).toBe(false);
    popover.toggleFromTray();
    expect(window.visible).toBe(true);
  });

  it('a page that fails to load is logged, not left as an unhandled rejection', async () => {
    const failing = vi
      .spyOn(FakeWebContents.prototype, 'loadURL')
      .mockRejectedValue(new Error('ERR_CONNECTION_REFUSED (-102)'));
    const { popover, warnings } = setup();
    popover.show('settings');
    await vi.waitFor(() => expect(warnings).toHaveLength(2));
    expect(warnings[0]).toBe('The popover page did not load.');
    failing.mockRestore();
  });

  it('stays open while DevTools has the focus', () => {
    const { popover, window } = setup();
    popover.toggleFromTray();
    window.webContents.devToolsOpen = true;
    window.blur();
    expect(window.visible).toBe(true);
  });

  it('hides instead of closing (Alt+F4, Cmd+W); only destroy() closes it', () => {
    const { popover, window } = setup();
    popover.show();
    expect(window.requestClose().defaultPrevented).toBe(true);
    expect(window.destroyed).toBe(false);
    expect(window.visible).toBe(false);
    popover.destroy();
    expect(window.destroyed).toBe(true);
    expect(popover.webContents()).toBeNull();
  });

  it('opens at a view of the page (Settings from the tray menu), without reloading a page at it', () => {
    const { popover, window } = setup();
    popover.show('settings');
    popover.hide();
    popover.show('settings');
    expect(window.webContents.loaded).toEqual([
      LOCATION.kind === 'file' ? LOCATION.url : '',
      `${LOCATION.kind === 'file' ? LOCATION.url : ''}#settings`,
    ]);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    // The real module's type, the fake at run time: what the shell passes.
    denyAllPermissions(electronSession.defaultSession);
    const { permissionRequestHandler, permissionCheckHandler, devicePermissionHandler } =
      session.defaultSession;
    const answers: boolean[] = [];
    for (const permission of [
      'notifications',
      'media',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'unknown',
    ]) {
      permissionRequestHandler?.({}, permission, (granted) => answers.push(granted), {});
      answers.push(permissionCheckHandler?.({}, permission, 'file://', {}) ?? true);
    }
    answers.push(devicePermissionHandler?.({ deviceType: 'usb' }) ?? true);
    expect(answers).toHaveLength(13);
    expect(answers.every((granted) => granted === false)).toBe(true);
  });
});
