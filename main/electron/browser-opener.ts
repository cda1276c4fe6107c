import { shell } from 'electron';
import type { BrowserOpener, Logger } from '../core/ports';

/**
 * The {@link BrowserOpener} on `shell.openExternal`, behind an allow-list: the system browser
 * only ever opens Volvo ID's login and the Volvo developer portal over https, plus, in demo
 * mode, the embedded simulator's authorize page on the loopback address. Anything else (a
 * `file:` URL, a custom scheme that launches another app, a look-alike host) is refused.
 */

export const ALLOWED_HTTPS_HOSTS: readonly string[] = [
  'volvoid.eu.volvocars.com',
  'developer.volvocars.com',
];

/** The simulator's Volvo ID stand-in serves its login page here. */
export const LOOPBACK_AUTHORIZE_PATH = '/as/authorization.oauth2';

export interface ExternalUrlPolicy {
  /** True while the app is in demo mode (the simulator's authorize URL is allowed). */
  allowLoopbackAuthorize: boolean;
}

/** Whether `url` may be opened in the system browser. */
export function isAllowedExternalUrl(url: string, policy: ExternalUrlPolicy): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === 'https:') {
    return parsed.port === '' && ALLOWED_HTTPS_HOSTS.includes(parsed.hostname);
  }
  return (
    policy.allowLoopbackAuthorize &&
    parsed.protocol === 'http:' &&
    parsed.hostname === '127.0.0.1' &&
    parsed.port !== '' &&
    parsed.pathname === LOOPBACK_AUTHORIZE_PATH
  );
}

export interface ElectronBrowserOpenerOptions {
  /** Asked at each open: whether the app is in demo mode right now. */
  isDemoMode: () => boolean;
  logger: Logger;
}

export function createElectronBrowserOpener(options: ElectronBrowserOpenerOptions): BrowserOpener {
  return {
    async open(url) {
      if (!isAllowedExternalUrl(url, { allowLoopbackAuthorize: options.isDemoMode() })) {
        options.logger.warn('Refused to open a link outside the allow-list.', {
          origin: originOf(url),
        });
        throw new Error(
          'volvo-tray only opens the Volvo ID sign-in page and the Volvo developer portal in your browser.',
        );
      }
      await shell.openExternal(new URL(url).href);
    },
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'not a URL';
  }
}
