import type {
  BrowserWindowConstructorOptions,
  BrowserWindow as ElectronBrowserWindow,
  session as electronSession,
  Rectangle,
  Screen,
  Session,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import {
  type Answering,
  FakeEmitter,
  type FakeEvent,
  fakeEvent,
  type Holding,
  withStandInArguments,
} from './stand-ins';
import { type FakeDisplay, fake, onReset } from './state';

/**
 * The popover's side of Electron: `BrowserWindow`, its `webContents`, `session` and `screen`;
 * the events a test emits are Electron's (`FakeEmitter`).
 */

let nextId = 1;

/** Permission handlers as the tests call them: any permission name, stand-ins for the rest. */
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

export class FakeSession
  implements
    Pick<
      Session,
      'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
    >
{
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  setPermissionRequestHandler(handler: Parameters<Session['setPermissionRequestHandler']>[0]) {
    this.permissionRequestHandler = handler && withStandInArguments(handler);
  }
  setPermissionCheckHandler(handler: Parameters<Session['setPermissionCheckHandler']>[0]) {
    this.permissionCheckHandler = handler && withStandInArguments(handler);
  }
  setDevicePermissionHandler(handler: Parameters<Session['setDevicePermissionHandler']>[0]) {
    this.devicePermissionHandler = handler && withStandInArguments(handler);
  }
}

export class FakeWebContents
  extends FakeEmitter<WebContents>
  implements
    Pick<
      WebContents,
      | 'id'
      | 'loadURL'
      | 'getURL'
      | 'send'
      | 'setWindowOpenHandler'
      | 'isDestroyed'
      | 'isDevToolsOpened'
    >
{
  readonly id = nextId++;
  url = '';
  destroyed = false;
  devToolsOpen = false;
  readonly loaded: string[] = [];
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  /** As the tests call it: with the one detail the shell reads. */
  windowOpenHandler: ((details: { url: string }) => WindowOpenHandlerResponse) | null = null;

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
  setWindowOpenHandler(handler: Parameters<WebContents['setWindowOpenHandler']>[0]) {
    this.windowOpenHandler = withStandInArguments(handler);
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

export class FakeBrowserWindow
  extends FakeEmitter<ElectronBrowserWindow>
  implements
    Pick<
      ElectronBrowserWindow,
      | 'loadURL'
      | 'show'
      | 'hide'
      | 'focus'
      | 'blur'
      | 'isVisible'
      | 'setBounds'
      | 'isDestroyed'
      | 'destroy'
    >,
    Holding<ElectronBrowserWindow, 'webContents', FakeWebContents>
{
  readonly webContents = new FakeWebContents();
  visible = false;
  destroyed = false;
  focused = false;
  bounds: Rectangle = { x: 0, y: 0, width: 0, height: 0 };

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
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
  setBounds(bounds: Partial<Rectangle>) {
    this.bounds = { ...this.bounds, ...bounds };
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

/** `BrowserWindow`, constructed as Electron's is. */
export const BrowserWindow = FakeBrowserWindow satisfies new (
  ...args: ConstructorParameters<typeof ElectronBrowserWindow>
) => FakeBrowserWindow;

/** `session`: the default session, fresh for every test. */
export const session: Holding<typeof electronSession, 'defaultSession', FakeSession> = {
  defaultSession: new FakeSession(),
};

/** `screen`, answering the displays set in `fake.displays` (the fields the shell reads). */
export const screen = {
  getAllDisplays: () => fake.displays,
  getPrimaryDisplay: () => {
    const primary = fake.displays[0];
    if (!primary) throw new Error('No display.');
    return primary;
  },
  getCursorScreenPoint: () => fake.cursor,
} satisfies Pick<Screen, 'getCursorScreenPoint'> & {
  getAllDisplays: Answering<Screen['getAllDisplays'], FakeDisplay[]>;
  getPrimaryDisplay: Answering<Screen['getPrimaryDisplay'], FakeDisplay>;
};

onReset(() => {
  session.defaultSession = new FakeSession();
});
