import { dialog, globalShortcut, shell } from './input';
import { contextBridge, ipcMain, ipcRenderer } from './ipc';
import { Notification } from './notification';
import { safeStorage } from './safe-storage';
import { app, nativeTheme, net, powerMonitor } from './system';
import { Menu, nativeImage, Tray } from './tray';
import { BrowserWindow, screen, session } from './windows';

/**
 * The fake `electron` module for the shell's tests (the real binary cannot run on the
 * development and CI machines), assembled from one file per family of Electron's modules, each
 * checked against Electron's own types. Use it with
 *
 *   vi.mock('electron', () => import('./testing/fake-electron'));
 *
 * and drive or inspect it through {@link fake}; call {@link resetFakeElectron} in `beforeEach`.
 * It records what the shell did, so tests assert outcomes rather than calls.
 */

export { dialog, globalShortcut, shell } from './input';
export { contextBridge, emitToRenderer, invokeFromRenderer, ipcMain, ipcRenderer } from './ipc';
export { FakeNotification, Notification } from './notification';
export { safeStorage } from './safe-storage';
export { type FakeEvent, fakeEvent } from './stand-ins';
export { type FakeDisplay, fake, resetFakeElectron } from './state';
export { app, nativeTheme, net, powerMonitor, systemPreferences } from './system';
export { FakeMenu, FakeMenuItem, FakeNativeImage, FakeTray, Menu, nativeImage, Tray } from './tray';
export {
  BrowserWindow,
  FakeBrowserWindow,
  FakeSession,
  FakeWebContents,
  screen,
  session,
} from './windows';

/** `import electron from 'electron'` (electron-store reads `app`, `ipcMain` and `shell` so). */
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
