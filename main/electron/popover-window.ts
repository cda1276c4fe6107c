import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  nativeTheme,
  screen,
  type WebContents,
} from 'electron';
import { displayForTray, popoverPosition, type Rect } from './popover-position';
import { type RendererLocation, rendererUrl } from './renderer-location';
import { hardenWebContents, secureWebPreferences } from './security';

/**
 * The popover: a frameless window of about 360x480 beside the tray icon, created hidden at
 * start so it opens instantly, hidden (not closed) when it loses focus.
 *
 * The blur/click race: clicking the tray icon while the popover is open first blurs the
 * popover (which hides it) and then delivers the click (which would show it again: a flicker,
 * and the popover never closes from the icon). A tray click that arrives within
 * {@link BLUR_CLICK_GRACE_MS} of a blur-hide is therefore the same gesture, and is ignored.
 */

export const POPOVER_SIZE = { width: 360, height: 480 } as const;
export const BLUR_CLICK_GRACE_MS = 200;

export interface PopoverWindowOptions {
  preload: string;
  location: RendererLocation;
  platform: NodeJS.Platform;
  /** DevTools only in development. */
  devTools: boolean;
  /** The tray icon's bounds right now (null where the platform does not report them). */
  trayBounds: () => Rect | null;
  /** Given each URL the page tried to navigate to or open: opens it only when allow-listed. */
  openAllowed: (url: string) => void;
  /** The popover was shown (true) or hidden (false). */
  onVisibilityChange: (open: boolean) => void;
  now?: () => number;
}

export interface PopoverWindow {
  /** The tray icon was clicked: show or hide. */
  toggleFromTray(): void;
  /** Shows the popover next to the tray, optionally at a view of the page (`settings`). */
  show(view?: string): void;
  hide(): void;
  isVisible(): boolean;
  webContents(): WebContents | null;
  /** Closes for good (on quit). */
  destroy(): void;
}

/** The popover's BrowserWindow options (exported for the security test). */
export function popoverWindowOptions(
  preload: string,
  platform: NodeJS.Platform,
  devTools: boolean,
): BrowserWindowConstructorOptions {
  return {
    width: POPOVER_SIZE.width,
    height: POPOVER_SIZE.height,
    useContentSize: true,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    // An NSPanel on macOS: floats over full-screen apps without activating the Dock.
    ...(platform === 'darwin' ? { type: 'panel' } : {}),
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1c1c1e' : '#ffffff',
    title: 'volvo-tray',
    webPreferences: secureWebPreferences(preload, devTools),
  };
}

export function createPopoverWindow(options: PopoverWindowOptions): PopoverWindow {
  const now = options.now ?? (() => Date.now());
  const window = new BrowserWindow(
    popoverWindowOptions(options.preload, options.platform, options.devTools),
  );
  hardenWebContents(window.webContents, options.openAllowed);
  let lastBlurHideAt = Number.NEGATIVE_INFINITY;
  let closing = false;

  const hide = () => {
    if (!window.isDestroyed() && window.isVisible()) window.hide();
  };

  const show = (view?: string) => {
    if (window.isDestroyed()) return;
    const tray = options.trayBounds();
    const cursor = screen.getCursorScreenPoint();
    const display = displayForTray(tray, screen.getAllDisplays(), cursor);
    const workArea = (display ?? screen.getPrimaryDisplay()).workArea;
    const { x, y } = popoverPosition(tray, POPOVER_SIZE, workArea, options.platform, cursor);
    window.setPosition(x, y, false);
    if (view) void window.webContents.loadURL(rendererUrl(options.location, view));
    window.show();
    window.focus();
  };

  window.on('blur', () => {
    if (window.webContents.isDevToolsOpened()) return;
    if (!window.isVisible()) return;
    lastBlurHideAt = now();
    window.hide();
  });
  window.on('show', () => options.onVisibilityChange(true));
  window.on('hide', () => options.onVisibilityChange(false));
  // Cmd+W or Alt+F4 hide the popover; only quitting closes it.
  window.on('close', (event) => {
    if (closing) return;
    event.preventDefault();
    hide();
  });

  void window.loadURL(rendererUrl(options.location));

  return {
    toggleFromTray() {
      if (window.isDestroyed()) return;
      if (window.isVisible()) {
        hide();
        return;
      }
      if (now() - lastBlurHideAt < BLUR_CLICK_GRACE_MS) return;
      show();
    },
    show,
    hide,
    isVisible: () => !window.isDestroyed() && window.isVisible(),
    webContents: () => (window.isDestroyed() ? null : window.webContents),
    destroy() {
      closing = true;
      if (!window.isDestroyed()) window.destroy();
    },
  };
}
