import { EventEmitter } from 'node:events';
import type {
  ContextBridge,
  Dialog,
  Notification as ElectronNotification,
  Tray as ElectronTray,
  GlobalShortcut,
  MessageBoxOptions,
  MessageBoxReturnValue,
  Net,
  SafeStorage,
  Shell,
  SystemPreferences,
} from 'electron';
import { chordOf } from '../../../shared/accelerator';

/**
 * One shared fake of the `electron` module for the shell's tests (the real binary cannot run
 * on the development and CI machines). Use it with
 *
 *   vi.mock('electron', () => import('./testing/fake-electron'));
 *
 * and drive or inspect it through {@link fake}; call {@link resetFakeElectron} in `beforeEach`.
 * It models what the shell relies on (window options, events with preventDefault, IPC handler
 * registration and invocation, tray, menus, notifications, shortcuts, safeStorage, screens), and
 * records what the shell did, so tests assert outcomes rather than calls.
 */

export interface FakeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface FakeDisplay {
  id: number;
  bounds: FakeRect;
  workArea: FakeRect;
}

/** An event with `preventDefault`, as Electron passes to cancellable listeners. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
export function fakeEvent(): FakeEvent {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

type Listener = (...args: unknown[]) => unknown;
type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details: unknown,
) => boolean;

let nextId = 1;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler | null) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null) {
    this.devicePermissionHandler = handler;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  url = '';
  destroyed = false;
  devToolsOpen = false;
  readonly loaded: string[] = [];
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly session = new FakeSession();

  loadURL(url: string): Promise<void> {
    this.url = url;
    this.loaded.push(url);
    return Promise.resolve();
  }
  getURL() {
    return this.url;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isDevToolsOpened() {
    return this.devToolsOpen;
  }
  /** Test helper: a frame of this WebContents, at `url`, top-level unless `parent` is given. */
  frame(url: string, parent: unknown = null) {
    return { url, parent };
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  visible = false;
  destroyed = false;
  focused = false;
  bounds: FakeRect = { x: 0, y: 0, width: 0, height: 0 };

  constructor(readonly options: Record<string, unknown>) {
    super();
    fake.windows.push(this);
  }
  loadURL(url: string) {
    return this.webContents.loadURL(url);
  }
  show() {
    const wasVisible = this.visible;
    this.visible = true;
    if (!wasVisible) this.emit('show');
  }
  hide() {
    const wasVisible = this.visible;
    // As on Windows: hiding the focused window blurs it first, while it still counts as visible.
    this.blur();
    this.visible = false;
    if (wasVisible) this.emit('hide');
  }
  focus() {
    this.focused = true;
  }
  /** The window loses the focus (the user clicked elsewhere, or on the tray icon). */
  blur() {
    if (!this.focused) return;
    this.focused = false;
    this.emit('blur');
  }
  isVisible() {
    return this.visible;
  }
  setBounds(bounds: Partial<FakeRect>) {
    this.bounds = { ...this.bounds, ...bounds };
  }
  getBounds() {
    return this.bounds;
  }
  /** Test helper: what the user's Cmd+W / Alt+F4 does. */
  requestClose(): FakeEvent {
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
    return event;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
  }
}

export class FakeNativeImage {
  template = false;
  constructor(readonly path: string) {}
  setTemplateImage(template: boolean) {
    this.template = template;
  }
  isTemplateImage() {
    return this.template;
  }
  isEmpty() {
    return false;
  }
}

export class FakeMenu {
  constructor(readonly template: FakeMenuItem[]) {}
  /** Test helper: finds an item by id, searching submenus. */
  item(id: string): FakeMenuItem | undefined {
    const search = (items: FakeMenuItem[]): FakeMenuItem | undefined => {
      for (const item of items) {
        if (item.id === id) return item;
        const found = Array.isArray(item.submenu) ? search(item.submenu) : undefined;
        if (found) return found;
      }
      return undefined;
    };
    return search(this.template);
  }
}
export interface FakeMenuItem {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  checked?: boolean;
  submenu?: FakeMenuItem[];
  click?: () => void;
}

export class FakeTray
  extends EventEmitter
  implements
    Pick<ElectronTray, 'setToolTip' | 'setIgnoreDoubleClickEvents' | 'isDestroyed' | 'destroy'>
{
  image: FakeNativeImage;
  readonly images: FakeNativeImage[] = [];
  tooltip = '';
  contextMenu: FakeMenu | null = null;
  readonly poppedUp: FakeMenu[] = [];
  ignoreDoubleClick = false;
  destroyed = false;

  constructor(image: FakeNativeImage) {
    super();
    this.image = image;
    this.images.push(image);
    fake.trays.push(this);
  }
  setImage(image: FakeNativeImage) {
    this.image = image;
    this.images.push(image);
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu | null) {
    this.contextMenu = menu;
  }
  popUpContextMenu(menu: FakeMenu) {
    this.poppedUp.push(menu);
  }
  setIgnoreDoubleClickEvents(ignore: boolean) {
    this.ignoreDoubleClick = ignore;
  }
  getBounds(): FakeRect {
    return fake.trayBounds;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
}

export class FakeNotification
  extends EventEmitter
  implements Pick<ElectronNotification, 'show' | 'close'>
{
  shown = false;
  closed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    fake.notifications.push(this);
  }
  static isSupported() {
    return fake.notificationsSupported;
  }
  show() {
    this.shown = true;
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    this.emit('close', fakeEvent());
  }
  /** Test helper: the toast timed out and moved to the Action Center (Notification Center). */
  expire() {
    this.emit('close', { ...fakeEvent(), reason: 'timedOut' });
  }
}

/** Fake safeStorage ciphertext: a readable prefix naming the key, then base64. */
function fakeEncrypt(plain: string): Buffer {
  if (!fake.safeStorage.available) throw new Error('Encryption is not available.');
  return Buffer.from(`enc:${fake.safeStorage.keyId}:${Buffer.from(plain).toString('base64')}`);
}
function fakeDecrypt(cipher: Buffer): { result: string; shouldReEncrypt: boolean } {
  const match = /^enc:(\w+):([A-Za-z0-9+/=]*)$/.exec(cipher.toString());
  if (!match?.[1] || match[2] === undefined)
    throw new Error('Error while decrypting the ciphertext.');
  if (fake.safeStorage.unreadableKeys.has(match[1])) {
    throw new Error('Error while decrypting the ciphertext.');
  }
  return {
    result: Buffer.from(match[2], 'base64').toString(),
    shouldReEncrypt: match[1] !== fake.safeStorage.keyId,
  };
}

function initialState() {
  return {
    windows: [] as FakeBrowserWindow[],
    trays: [] as FakeTray[],
    notifications: [] as FakeNotification[],
    notificationsSupported: true,
    openedExternal: [] as string[],
    /** Folders opened with shell.openPath (the logs folder). */
    openedPaths: [] as string[],
    /** dialog.showMessageBox calls (the About box). */
    messageBoxes: [] as MessageBoxOptions[],
    ipcHandlers: new Map<string, IpcHandler>(),
    /** `ipcMain.on` listeners (send/sendSync channels), by channel. */
    ipcListeners: new Map<string, Set<Listener>>(),
    exposedInMainWorld: new Map<string, unknown>(),
    rendererInvocations: [] as Array<{ channel: string; args: unknown[] }>,
    rendererListeners: new Map<string, Set<Listener>>(),
    /** Accelerators registered by us, with their callbacks. */
    shortcuts: new Map<string, () => void>(),
    /** Accelerators another app holds: register answers false. */
    takenShortcuts: new Set<string>(),
    loginItemSettings: { openAtLogin: false } as Record<string, unknown>,
    commandLineSwitches: [] as Array<[string, string | undefined]>,
    userModelId: null as string | null,
    dockHidden: false,
    singleInstanceLock: true,
    quitCalls: 0,
    /** `app.exit` codes. */
    exitCodes: [] as number[],
    /** `dialog.showErrorBox` calls. */
    errorBoxes: [] as Array<{ title: string; content: string }>,
    paths: new Map<string, string>([
      ['userData', '/tmp/volvo-tray-fake/userData'],
      ['logs', '/tmp/volvo-tray-fake/logs'],
    ]),
    isPackaged: false,
    safeStorage: {
      available: true,
      asyncApi: true,
      backend: 'gnome_libsecret' as ReturnType<SafeStorage['getSelectedStorageBackend']>,
      /** The OS key now in use; ciphertexts under another key ask to be re-encrypted. */
      keyId: 'k1',
      /** Keys the OS no longer has (a reset keyring): decrypting fails. */
      unreadableKeys: new Set<string>(),
    },
    online: true,
    /** What `app.getSystemLocale()` answers. */
    systemLocale: 'en-GB',
    /** macOS user defaults `systemPreferences.getUserDefault` reads; unset ones read false. */
    userDefaults: {} as Record<string, boolean>,
    displays: [
      {
        id: 1,
        bounds: { x: 0, y: 0, width: 1920, height: 1080 },
        workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      },
    ] as FakeDisplay[],
    cursor: { x: 100, y: 100 },
    trayBounds: { x: 0, y: 0, width: 0, height: 0 } as FakeRect,
  };
}

/** The fake's state: set inputs (displays, tray bounds, taken shortcuts...) and read what happened. */
export const fake = initialState();

// ---- the module's exports, named as Electron names them ----

class FakeApp extends EventEmitter {
  readonly commandLine = {
    appendSwitch: (name: string, value?: string) => fake.commandLineSwitches.push([name, value]),
  };
  get isPackaged() {
    return fake.isPackaged;
  }
  get dock() {
    return {
      hide: () => {
        fake.dockHidden = true;
      },
    };
  }
  getPath(name: string): string {
    const path = fake.paths.get(name);
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name: string, path: string) {
    fake.paths.set(name, path);
  }
  getVersion() {
    return '0.1.0';
  }
  getSystemLocale() {
    return fake.systemLocale;
  }
  whenReady() {
    return Promise.resolve();
  }
  requestSingleInstanceLock() {
    return fake.singleInstanceLock;
  }
  setAppUserModelId(id: string) {
    fake.userModelId = id;
  }
  setLoginItemSettings(settings: Record<string, unknown>) {
    fake.loginItemSettings = { ...settings };
  }
  getLoginItemSettings() {
    return fake.loginItemSettings;
  }
  quit() {
    fake.quitCalls++;
  }
  exit(code = 0) {
    fake.quitCalls++;
    fake.exitCodes.push(code);
  }
}
export const app = new FakeApp();

export const BrowserWindow = FakeBrowserWindow;
export const Tray = FakeTray;
export const Notification = FakeNotification;

export const Menu = {
  buildFromTemplate: (template: FakeMenuItem[]) => new FakeMenu(template),
};

export const nativeImage = {
  createFromPath: (path: string) => new FakeNativeImage(path),
};

class FakeNativeTheme extends EventEmitter {
  shouldUseDarkColors = false;
  shouldUseDarkColorsForSystemIntegratedUI = false;
}
export const nativeTheme = new FakeNativeTheme();

export const screen = {
  getAllDisplays: () => fake.displays,
  getPrimaryDisplay: () => {
    const primary = fake.displays[0];
    if (!primary) throw new Error('No display.');
    return primary;
  },
  getCursorScreenPoint: () => fake.cursor,
};

function registeredAs(accelerator: string): string | undefined {
  return [...fake.shortcuts.keys()].find((held) => chordOf(held) === chordOf(accelerator));
}

export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    if (accelerator.includes('Nonsense')) throw new Error('conversion failure');
    const taken = [...fake.takenShortcuts].some((held) => chordOf(held) === chordOf(accelerator));
    if (taken || registeredAs(accelerator) !== undefined) return false;
    fake.shortcuts.set(accelerator, callback);
    return true;
  },
  unregister(accelerator: string) {
    const held = registeredAs(accelerator);
    if (held !== undefined) fake.shortcuts.delete(held);
  },
  isRegistered(accelerator: string) {
    return registeredAs(accelerator) !== undefined;
  },
  unregisterAll() {
    fake.shortcuts.clear();
  },
} satisfies Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered' | 'unregisterAll'>;

export const dialog = {
  showErrorBox(title: string, content: string) {
    fake.errorBoxes.push({ title, content });
  },
  showMessageBox(options: MessageBoxOptions) {
    fake.messageBoxes.push(options);
    return Promise.resolve({ response: 0, checkboxChecked: false });
  },
} satisfies Pick<Dialog, 'showErrorBox'> & {
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
};

export const shell = {
  openExternal(url: string): Promise<void> {
    fake.openedExternal.push(url);
    return Promise.resolve();
  },
  openPath(path: string): Promise<string> {
    fake.openedPaths.push(path);
    return Promise.resolve('');
  },
} satisfies Pick<Shell, 'openExternal' | 'openPath'>;

export const safeStorage = {
  get isAsyncEncryptionAvailable() {
    return fake.safeStorage.asyncApi
      ? () => Promise.resolve(fake.safeStorage.available)
      : undefined;
  },
  get encryptStringAsync() {
    return fake.safeStorage.asyncApi
      ? (plain: string) => Promise.resolve(fakeEncrypt(plain))
      : undefined;
  },
  get decryptStringAsync() {
    return fake.safeStorage.asyncApi
      ? (cipher: Buffer) => Promise.resolve(fakeDecrypt(cipher))
      : undefined;
  },
  isEncryptionAvailable: () => fake.safeStorage.available,
  encryptString: (plain: string) => fakeEncrypt(plain),
  decryptString: (cipher: Buffer) => fakeDecrypt(cipher).result,
  getSelectedStorageBackend: () => fake.safeStorage.backend,
};

export const powerMonitor = new EventEmitter();

export const systemPreferences = {
  getUserDefault: ((key: string) =>
    fake.userDefaults[key] ?? false) as SystemPreferences['getUserDefault'],
} satisfies Pick<SystemPreferences, 'getUserDefault'>;

export const net = {
  isOnline: () => fake.online,
} satisfies Pick<Net, 'isOnline'>;

export const ipcMain = {
  on(channel: string, listener: Listener) {
    const listeners = fake.ipcListeners.get(channel) ?? new Set<Listener>();
    listeners.add(listener);
    fake.ipcListeners.set(channel, listeners);
    return ipcMain;
  },
  removeAllListeners(channel: string) {
    fake.ipcListeners.delete(channel);
    return ipcMain;
  },
  handle(channel: string, handler: IpcHandler) {
    if (fake.ipcHandlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    fake.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    fake.ipcHandlers.delete(channel);
  },
};

export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    fake.rendererInvocations.push({ channel, args });
    return Promise.resolve({ ok: true, value: { channel, args } });
  },
  on(channel: string, listener: Listener) {
    const listeners = fake.rendererListeners.get(channel) ?? new Set<Listener>();
    listeners.add(listener);
    fake.rendererListeners.set(channel, listeners);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener) {
    fake.rendererListeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    fake.exposedInMainWorld.set(key, api);
  },
} satisfies Pick<ContextBridge, 'exposeInMainWorld'>;

export const session = {
  defaultSession: new FakeSession(),
};

/** Test helper: what the renderer's `ipcRenderer.invoke` would reach in main. */
export async function invokeFromRenderer(
  channel: string,
  sender: { webContents: FakeWebContents; frame: { url: string; parent: unknown } | null },
  ...args: unknown[]
): Promise<unknown> {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`No handler for '${channel}'`);
  return handler({ sender: sender.webContents, senderFrame: sender.frame }, ...args);
}

/** Test helper: main pushes to the renderer (SNAPSHOT_CHANNEL). */
export function emitToRenderer(channel: string, payload: unknown): void {
  for (const listener of fake.rendererListeners.get(channel) ?? []) {
    listener({ sender: 'the ipcRenderer event' }, payload);
  }
}

/** Resets every input and record, and removes listeners, between tests. */
export function resetFakeElectron(): void {
  Object.assign(fake, initialState());
  app.removeAllListeners();
  nativeTheme.removeAllListeners();
  nativeTheme.shouldUseDarkColors = false;
  nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = false;
  powerMonitor.removeAllListeners();
  session.defaultSession = new FakeSession();
}

export default {
  app,
  BrowserWindow,
  Tray,
  Notification,
  Menu,
  nativeImage,
  nativeTheme,
  screen,
  globalShortcut,
  dialog,
  shell,
  safeStorage,
  powerMonitor,
  net,
  ipcMain,
  ipcRenderer,
  contextBridge,
  session,
};
