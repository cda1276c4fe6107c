import { pathToFileURL } from 'node:url';

/**
 * Where the popover's page comes from, and whether a URL is that page. The app loads only its
 * own built file (`dist/renderer/index.html`), or in development the Vite dev server on the
 * loopback address; nothing remote, ever. IPC from any other document is refused.
 */
export type RendererLocation =
  | { kind: 'file'; url: string }
  | { kind: 'dev-server'; origin: string };

export interface RendererLocationOptions {
  /** `dist/renderer/index.html`, absolute. */
  indexHtml: string;
  /** `app.isPackaged`: a packaged app never uses a dev server. */
  isPackaged: boolean;
  /** `VOLVO_TRAY_DEV_SERVER_URL`, set by a developer running Vite. */
  devServerUrl: string | undefined;
}

/** A dev server is accepted only on the loopback address, over http, from an unpackaged app. */
export function rendererLocation(options: RendererLocationOptions): RendererLocation {
  if (!options.isPackaged && options.devServerUrl) {
    const url = new URL(options.devServerUrl);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (url.protocol !== 'http:' || !loopback) {
      throw new Error(
        `The dev server URL must be http://localhost or http://127.0.0.1; got ${url.origin}.`,
      );
    }
    return { kind: 'dev-server', origin: url.origin };
  }
  return { kind: 'file', url: pathToFileURL(options.indexHtml).href };
}

/** The URL to load, optionally at an in-page view (`#settings`). */
export function rendererUrl(location: RendererLocation, view?: string): string {
  const base = location.kind === 'file' ? location.url : `${location.origin}/`;
  return view ? `${base}#${encodeURIComponent(view)}` : base;
}

/**
 * Whether `url` is our renderer: exactly our index file (any fragment, no query), or a page of
 * our dev server's origin. Anything unparsable, another file, another origin: no.
 */
export function isRendererUrl(url: string, location: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'dev-server') return parsed.origin === location.origin;
  const expected = new URL(location.url);
  return (
    parsed.protocol === 'file:' &&
    parsed.host === expected.host &&
    parsed.pathname === expected.pathname &&
    parsed.search === ''
  );
}
