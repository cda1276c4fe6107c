import type { Display, MessageBoxOptions, Point, Rectangle, SafeStorage, Settings } from 'electron';
import type { FakeNotification } from './notification';
import type { FakeTray } from './tray';
import type { FakeBrowserWindow } from './windows';

/**
 * The fake electron's one shared state: the inputs a test sets (displays, tray bounds, taken
 * shortcuts, safeStorage's keys...) and the records of what the shell did (windows, trays,
 * notifications, handlers, opened URLs...). Every fake module reads and writes it here, so one
 * {@link resetFakeElectron} clears it all between tests.
 */

/** A display as the shell reads it: Electron's `Display`, the fields the popover places by. */
export type FakeDisplay = Pick<Display, 'id' | 'bounds' | 'workArea'>;

/** A listener or handler as the fakes call it: with stand-ins for Electron's event. */
export type Listener = (...args: unknown[]) => unknown;

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
    /** `ipcMain.handle` handlers (invoke channels), by channel. */
    ipcHandlers: new Map<string, Listener>(),
    /** `ipcMain.on` listeners (send/sendSync channels), by channel. */
    ipcListeners: new Map<string, Set<Listener>>(),
    exposedInMainWorld: new Map<string, unknown>(),
    rendererInvocations: [] as Array<{ channel: string; args: unknown[] }>,
    rendererListeners: new Map<string, Set<Listener>>(),
    /** Accelerators registered by us, with their callbacks. */
    shortcuts: new Map<string, () => void>(),
    /** Accelerators another app holds: register answers false. */
    takenShortcuts: new Set<string>(),
    loginItemSettings: { openAtLogin: false } as Settings,
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
      /** Whether the async API (Electron 38+) is there; without it the shell falls back. */
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
    cursor: { x: 100, y: 100 } as Point,
    trayBounds: { x: 0, y: 0, width: 0, height: 0 } as Rectangle,
  };
}

/** The fake's state: set inputs (displays, tray bounds, taken shortcuts...) and read what happened. */
export const fake = initialState();

const resets: Array<() => void> = [];

/** Registers what a fake module clears besides {@link fake}: its listeners, its singletons. */
export function onReset(reset: () => void): void {
  resets.push(reset);
}

/** Resets every input and record, and removes listeners, between tests. */
export function resetFakeElectron(): void {
  Object.assign(fake, initialState());
  for (const reset of resets) reset();
}
