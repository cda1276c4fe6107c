import type { Session, WebContents, WebPreferences } from 'electron';

/**
 * Electron's security checklist, item by item, in one place:
 * - contextIsolation on, sandbox on, nodeIntegration off (also in workers and subframes),
 *   webSecurity on, no insecure content, no <webview>, no experimental features;
 * - navigation away from our page and `window.open` are denied (an allow-listed link, such as
 *   the developer portal, opens in the system browser instead);
 * - every permission request and check is denied (the popover needs none);
 * - the CSP is the renderer's meta tag; no remote content is ever loaded (see renderer-location).
 */

const hardened = new WeakSet<WebContents>();

/** The popover's webPreferences. */
export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
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
    devTools,
  };
}

/**
 * Denies navigation, new windows and <webview> on a WebContents. `openAllowed` is given each
 * refused URL; it opens it in the system browser when the allow-list permits, else does nothing.
 */
export function hardenWebContents(contents: WebContents, openAllowed: (url: string) => void): void {
  // The popover is hardened when created and again by the app-wide `web-contents-created`
  // hook; twice would open an allowed link twice.
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openAllowed(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openAllowed(url);
    return { action: 'deny' };
  });
}

/** Denies every permission the page could ask for (camera, notifications, geolocation...). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
