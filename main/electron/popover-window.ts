import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  nativeTheme,
  screen,
  type WebContents,
} from 'electron';
import type { Logger } from '../core/ports';
import { displayForTray, type Point, popoverPosition, type Rect } from './popover-position';
import { type RendererLocation, rendererUrl } from './renderer-location';
import { hardenWebContents, secureWebPreferences } from './security';

/**
 * The popover: a frameless window of about 360x480 beside the tray icon, created hidden at
 * start so it opens instantly, hidden (not closed) when it loses focus.
 *
 * The blur/click race: clicking the tray icon while the popover is open first blurs the
 * popover (which hides it) and then delivers the click (which would show it again: a flicker,
 * and the popover never closes from the icon). A tray click that arrives within
 * {@link BLUR_CLICK_GRACE_MS} of a blur-hide is therefore the same gesture, and is ignored;
 * when the pointer was on the tray icon at the blur, the click may come as late as
 * {@link TRAY_PRESS_GRACE_MS} (Windows blurs on mouse down and clicks on mouse up). Hiding
 * the popover ourselves (Escape, a click on the icon) is no blur-hide.
 */

export const POPOVER_SIZE = { width: 360, height: 480 } as const;
export const BLUR_CLICK_GRACE_MS = 200;
export const TRAY_PRESS_GRACE_MS = 1000;

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
  /** Where a page that failed to load is reported. */
  logger: Pick<Logger, 'warn'>;
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

function contains(rect: Rect, point: Point): boolean {
  return (
    point.x >= rect.x &&
    point.x < rect.x + rect.width &&
    point.y >= rect.y &&
    point.y < rect.y + rect.height
  );
}

export function createPopoverWindow(options: PopoverWindowOptions): PopoverWindow {
  const now = options.now ?? (() => Date.now());
  const window = new BrowserWindow(
    popoverWindowOptions(options.preload, options.platform, options.devTools),
  );
  hardenWebContents(window.webContents, options.openAllowed);
  /** A tray click before this time is the click that blurred (and so hid) the popover. */
  let ignoreTrayClickUntil = Number.NEGATIVE_INFINITY;
  let hidingOurselves = false;
  let closing = false;

  // A failed load (a dev server not running, a navigation cut short) must not become an
  // unhandled rejection in the main process.
  const load = (url: string) => {
    window.loadURL(url).catch((error: unknown) => {
      options.logger.warn('The popover page did not load.', { error });
    });
  };

  const hide = () => {
    if (window.isDestroyed() || !window.isVisible()) return;
    hidingOurselves = true;
    try {
      window.hide();
    } finally {
      hidingOurselves = false;
    }
  };

  const show = (view?: string) => {
    if (window.isDestroyed()) return;
    ignoreTrayClickUntil = Number.NEGATIVE_INFINITY;
    const tray = options.trayBounds();
    const cursor = screen.getCursorScreenPoint();
    const display = displayForTray(tray, screen.getAllDisplays(), cursor);
    const workArea = (display ?? screen.getPrimaryDisplay()).workArea;
    const position = popoverPosition(tray, POPOVER_SIZE, workArea, options.platform, cursor);
    // The size with the position: moving alone to a display of another scale factor resizes
    // the window on Windows, and there the first move only reaches the display (its scale
    // applies after), so the second lands it (electron/electron#9477, #10862).
    const bounds = { ...position, ...POPOVER_SIZE };
    window.setBounds(bounds, false);
    if (options.platform === 'win32') window.setBounds(bounds, false);
    // A fragment change is an in-page navigation (the page follows `hashchange`); the very URL
    // the page shows already would be a reload, so it is not loaded again.
    const viewUrl = view ? rendererUrl(options.location, view) : null;
    if (viewUrl !== null && window.webContents.getURL() !== viewUrl) load(viewUrl);
    window.show();
    window.focus();
  };

  window.on('blur', () => {
    if (hidingOurselves || window.webContents.isDevToolsOpened()) return;
    if (!window.isVisible()) return;
    const tray = options.trayBounds();
    const pressingTray = tray !== null && contains(tray, screen.getCursorScreenPoint());
    ignoreTrayClickUntil = now() + (pressingTray ? TRAY_PRESS_GRACE_MS : BLUR_CLICK_GRACE_MS);
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

  load(rendererUrl(options.location));

  return {
    toggleFromTray() {
      if (window.isDestroyed()) return;
      if (window.isVisible()) {
        hide();
        return;
      }
      if (now() < ignoreTrayClickUntil) {
        // That click was the one that blurred the popover; the next one opens it.
        ignoreTrayClickUntil = Number.NEGATIVE_INFINITY;
        return;
      }
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
