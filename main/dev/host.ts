import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  type DemoAction,
  INTENT_NAMES,
  type IntentArgs,
  type IntentName,
  type IntentResult,
  type IntentResults,
} from '../../shared/contract';
import type { ClockStyle } from '../../shared/words/time';
import { withHostIntents } from '../core/app/intent-handlers';
import {
  createMemoryDeps,
  memoryJsonStore,
  memorySettings,
  memoryVault,
  recordingShortcuts,
} from '../core/app/memory-ports';
import { createAppService } from '../core/app/service';
import type { AppService } from '../core/app/types';
import { dispatchIntent } from '../core/intent-schemas';
import {
  type AppNotification,
  type Fetch,
  type JsonStore,
  type Logger,
  type Notifier,
  type SecretVault,
  silentLogger,
} from '../core/ports';
import type { SettingsStore } from '../core/settings';
import { type EmbeddedDemoOptions, embeddedDemo } from '../demo/embedded-simulator';
import { ControllableClock } from './controllable-clock';
import { HARNESS_CSP, HARNESS_CSS, harnessHtml } from './harness-page';
import { DEFAULT_MESSAGE_RATE, type MessageRate, messageGate } from './message-rate';
import { type HostMessage, pageMessageSchema } from './wire';

/** Options for {@link startBrowserHost}. */
export interface BrowserHostOptions {
  /** Port on 127.0.0.1; default 0 (a free one). */
  port?: number;
  /** The built popover; default dist/renderer (`npm run build:renderer`). */
  rendererDir?: string;
  /** The core's clock; default a {@link ControllableClock} that starts at the system time. */
  clock?: ControllableClock;
  /** The settings file's content, untrusted as on disk; default none (a first run). */
  settings?: unknown;
  /**
   * What a previous host kept (its {@link BrowserHost.stores}): this host starts as the app does
   * after a restart. Takes the place of `settings` and `vaultProtection`.
   */
  stores?: PersistedStores;
  /** Accelerators "another application" holds, so registering them fails. */
  takenShortcuts?: string[];
  /** How secrets are protected in this run (the vault warning follows it); default 'memory'. */
  vaultProtection?: 'os-encrypted' | 'plaintext' | 'memory';
  /** How this "computer" writes times; default en-GB's 24-hour clock, whatever the machine's. */
  clockStyle?: ClockStyle;
  /** Options of the demo's simulator, e.g. scopes its Volvo ID withholds; default none. */
  demoSimulator?: NonNullable<EmbeddedDemoOptions['simulator']>;
  /** Called when the popover asks to quit the app. */
  onQuit?: () => void;
  /** How many messages a page may send; past it the socket is closed. */
  messageRate?: MessageRate;
  logger?: Logger;
}

/** What the app keeps across a restart: the settings file, the state file and the vault. */
export interface PersistedStores {
  readonly settings: SettingsStore;
  readonly state: JsonStore<unknown>;
  readonly vault: SecretVault;
}

/** A desktop notification the core showed, with when (on the host's clock). */
export type RecordedNotification = AppNotification & { at: string };

/** A running browser host: the real core in Node, the popover served to browsers. */
export interface BrowserHost {
  /** The test panel page with the popover framed in it: http://127.0.0.1:PORT/SECRET/ */
  readonly url: string;
  /** The popover page alone: http://127.0.0.1:PORT/SECRET/popover/ */
  readonly popoverUrl: string;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly service: AppService;
  readonly clock: ControllableClock;
  /** What survives this host: pass it, with the clock, to the next host to play a restart. */
  readonly stores: PersistedStores;
  /** Notifications shown so far, oldest first. */
  readonly notifications: readonly RecordedNotification[];
  /** How often the popover asked to be closed (Escape), and to quit the app. */
  readonly requests: { readonly closePopover: number; readonly quit: number };
  /**
   * Connected Vehicle API requests the app sent since the host started. Unlike the quota's
   * count of the day, it does not start over at midnight UTC, so a spec can run at any hour.
   */
  apiRequestsSent(): number;
  /** Runs an intent exactly as a page would (validated by the contract). */
  call<K extends IntentName>(
    name: K,
    ...args: IntentArgs<K>
  ): Promise<IntentResult<IntentResults[K]>>;
  /** The demo intent; throws with the core's words when it is refused. */
  demo(action: DemoAction): Promise<void>;
  /** Jumps the core's clock forward, firing what comes due on the way. */
  advanceClock(ms: number): Promise<void>;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const defaultRendererDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/**
 * Starts the browser host: the real AppService with in-memory ports (demo mode runs the
 * simulator), an HTTP server on 127.0.0.1 serving the built popover under a per-run secret path,
 * and a WebSocket over which the popover's `window.volvo` speaks the contract. Every request
 * without the secret, with another Host, or (WebSocket) from another origin gets 403.
 */
export async function startBrowserHost(options: BrowserHostOptions = {}): Promise<BrowserHost> {
  const rendererDir = resolve(options.rendererDir ?? defaultRendererDir);
  const popoverHtml = await readFile(resolve(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(
      `The popover is not built (no ${resolve(rendererDir, 'index.html')}): run \`npm run build:renderer\` first.`,
    );
  });
  const [bridgeJs, harnessJs] = await Promise.all([
    browserScript(
      'bridge-client.ts',
      (url) => `installVolvoBridge(window, ${url('ws/popover')}, ${JSON.stringify(INTENT_NAMES)});`,
    ),
    browserScript('harness-client.ts', (url) => `startHarness(document, ${url('ws/harness')});`),
  ]);

  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? new ControllableClock();
  const notifications: RecordedNotification[] = [];
  const popovers = new Set<WebSocket>();
  const panels = new Set<WebSocket>();
  const requests = { closePopover: 0, quit: 0 };

  const send = (sockets: Iterable<WebSocket>, message: HostMessage) => {
    const text = JSON.stringify(message);
    for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send(text);
  };

  const notifier: Notifier = {
    show(notification) {
      const recorded = {
        ...structuredClone(notification),
        at: new Date(clock.now()).toISOString(),
      };
      notifications.push(recorded);
      logger.info('notification', { title: notification.title, body: notification.body });
      send(panels, { type: 'notification', notification, at: recorded.at });
    },
    withdraw(id) {
      logger.info('notification withdrawn', { id });
    },
  };
  const stores: PersistedStores = options.stores ?? {
    settings: memorySettings(options.settings),
    state: memoryJsonStore<unknown>(),
    vault: memoryVault(options.vaultProtection ?? 'memory'),
  };
  // Requests the app has in flight: a fast-forward waits for them before it moves on.
  let inFlight = 0;
  let apiRequests = 0;
  const fetch: Fetch = (input, init) => {
    inFlight += 1;
    const url = input instanceof Request ? input.url : input.toString();
    if (new URL(url).pathname.startsWith('/connected-vehicle/')) apiRequests += 1;
    return globalThis.fetch(input, init).finally(() => {
      inFlight -= 1;
    });
  };
  clock.settleWith(async () => {
    // At most 1 s: a request the simulator never answers (the timeout fault) must not hang it.
    const giveUpAt = Date.now() + 1_000;
    do await new Promise((resolveDelay) => setTimeout(resolveDelay, 10));
    while (inFlight > 0 && Date.now() < giveUpAt);
  });
  const deps = createMemoryDeps({
    clock,
    fetch,
    notifier,
    logger,
    ...stores,
    shortcuts: recordingShortcuts(options.takenShortcuts ?? []),
    ...(options.clockStyle ? { clockStyle: options.clockStyle } : {}),
    startDemo: embeddedDemo(options.demoSimulator ? { simulator: options.demoSimulator } : {}),
  });
  const service = createAppService(deps);
  await service.start();

  const core = service.intents;
  // The same wiring as the Electron shell's: the core's intents plus the two a shell answers.
  const handlers = withHostIntents(core, {
    closePopover: async () => {
      requests.closePopover++;
      send(panels, { type: 'popover', open: false });
      await core.setPopoverOpen(false);
    },
    quit: () => {
      requests.quit++;
      options.onQuit?.();
    },
  });

  const call = <K extends IntentName>(name: K, ...args: IntentArgs<K>) =>
    dispatchIntent(handlers, name, args) as Promise<IntentResult<IntentResults[K]>>;

  const unsubscribe = service.onSnapshot((snapshot) =>
    send(popovers, { type: 'snapshot', snapshot }),
  );

  const secret = randomBytes(24).toString('base64url');
  let origin = '';
  const allowed = (request: IncomingMessage): string | null => {
    if (request.headers.host !== origin.slice('http://'.length)) return null;
    const url = request.url ?? '';
    const prefix = `/${secret}/`;
    const given = Buffer.from(url.slice(0, prefix.length));
    if (given.length !== prefix.length || !timingSafeEqual(given, Buffer.from(prefix))) return null;
    // Dot segments are resolved first, so "SECRET/../x" does not count as inside.
    const pathname = new URL(url, origin).pathname;
    if (!pathname.startsWith(prefix)) return null;
    try {
      return decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return null;
    }
  };

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const path = allowed(request);
    if (path === null) return reply(response, 403, 'text/plain; charset=utf-8', 'Forbidden');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    }
    if (path === '') {
      return reply(response, 200, CONTENT_TYPES['.html'], harnessHtml(), HARNESS_CSP);
    }
    if (path === 'harness.js') return reply(response, 200, CONTENT_TYPES['.js'], harnessJs);
    if (path === 'harness.css') return reply(response, 200, CONTENT_TYPES['.css'], HARNESS_CSS);
    if (path === 'popover/' || path === 'popover/index.html') {
      return reply(response, 200, CONTENT_TYPES['.html'], withBridge(popoverHtml), POPOVER_CSP);
    }
    if (path === 'popover/bridge.js') return reply(response, 200, CONTENT_TYPES['.js'], bridgeJs);
    if (path.startsWith('popover/')) {
      const file = resolve(rendererDir, path.slice('popover/'.length));
      const type = CONTENT_TYPES[extname(file)];
      if (!file.startsWith(rendererDir + sep) || !type) {
        return reply(response, 404, 'text/plain; charset=utf-8', 'Not found');
      }
      const body = await readFile(file).catch(() => null);
      if (!body) return reply(response, 404, 'text/plain; charset=utf-8', 'Not found');
      return reply(response, 200, type, body, POPOVER_CSP);
    }
    return reply(response, 404, 'text/plain; charset=utf-8', 'Not found');
  };

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      logger.error('browser host request failed', { error: String(error) });
      if (!response.headersSent) reply(response, 500, 'text/plain; charset=utf-8', 'Error');
    });
  });
  // A contract message is a few hundred bytes; a larger one closes the socket (1009).
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = allowed(request);
    const kind = path === 'ws/popover' ? popovers : path === 'ws/harness' ? panels : null;
    if (!kind || request.headers.origin !== origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      kind.add(ws);
      if (kind === popovers) send([ws], { type: 'snapshot', snapshot: service.snapshot() });
      else
        for (const n of notifications)
          send([ws], { type: 'notification', notification: n, at: n.at });
      // ws closes the socket itself (1009 for a payload over the limit) and reports it here;
      // without a listener the error would end the whole host.
      ws.on('error', (error) =>
        logger.warn('browser host socket closed', { error: String(error) }),
      );
      const withinRate = messageGate(options.messageRate ?? DEFAULT_MESSAGE_RATE);
      ws.on('message', (data, isBinary) => {
        if (!withinRate()) {
          ws.close(1008, 'Too many messages');
          return;
        }
        void answer(ws, isBinary ? null : data.toString());
      });
      ws.on('close', () => {
        kind.delete(ws);
        // The last popover page went away: as when the tray window hides.
        if (kind === popovers && popovers.size === 0) void core.setPopoverOpen(false);
      });
    });
  });

  const answer = async (ws: WebSocket, text: string | null) => {
    const parsed = pageMessageSchema.safeParse(text === null ? null : safeJson(text));
    if (!parsed.success) {
      ws.close(1008, 'Not a contract message');
      return;
    }
    const { id, name, args } = parsed.data;
    const result = await dispatchIntent(handlers, name, args);
    send([ws], { type: 'result', id, result });
  };

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/${secret}/`;
  logger.info('browser host listening', { origin });

  let closing: Promise<void> | null = null;
  return {
    url,
    popoverUrl: `${url}popover/`,
    origin,
    service,
    clock,
    stores,
    notifications,
    requests,
    apiRequestsSent: () => apiRequests,
    call,
    async demo(action) {
      const result = await call('demo', action);
      if (!result.ok) throw new Error(result.error);
    },
    advanceClock: (ms) => clock.advance(ms),
    close() {
      closing ??= (async () => {
        unsubscribe();
        for (const ws of [...popovers, ...panels]) ws.terminate();
        sockets.close();
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await service.stop();
        clock.dispose();
      })();
      return closing;
    },
  };
}

/** The popover page's policy as a header too, adding what a meta tag cannot say (framing). */
const POPOVER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

function reply(
  response: ServerResponse,
  status: number,
  type: string | undefined,
  body: string | Buffer,
  csp?: string,
): void {
  response.writeHead(status, {
    'content-type': type ?? 'application/octet-stream',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(csp ? { 'content-security-policy': csp } : {}),
  });
  response.end(body);
}

/**
 * Puts the bridge script ahead of the popover's own module script. A plain script runs as soon
 * as it has loaded, while modules wait for the whole page: the socket then connects, and the
 * first Snapshot comes in, while the popover's bundle is still loading (as the preload runs
 * before any page script in Electron).
 */
function withBridge(html: string): string {
  const tag = '<script src="./bridge.js"></script>\n    ';
  const at = html.indexOf('<script type="module"');
  if (at < 0) throw new Error('The built popover has no module script to put the bridge before.');
  return html.slice(0, at) + tag + html.slice(at);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Serves one of the browser-side TypeScript files next to this module: types stripped (by Vite's
 * transformer, which the build already depends on), plus a call that starts it. `url(path)`
 * yields a script expression for a ws:// URL relative to the page.
 */
async function browserScript(
  file: string,
  start: (url: (path: string) => string) => string,
): Promise<string> {
  const { transformWithOxc } = await import('vite');
  const filename = fileURLToPath(new URL(`./${file}`, import.meta.url));
  const source = await readFile(filename, 'utf8');
  const { code } = await transformWithOxc(source, filename, { lang: 'ts' });
  // Served as a plain script, which cannot export: the call that starts it is appended.
  const script = code.replace(/^export (?=function )/gm, '');
  const wsUrl = (path: string) =>
    `new URL(${JSON.stringify(path)}, document.baseURI.replace(/popover\\/.*$/, '')).href.replace(/^http/, 'ws')`;
  return `${script}\n${start(wsUrl)}\n`;
}
