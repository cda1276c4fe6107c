import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Clock, Logger } from '../ports';
import { CALLBACK_PAGE_HEADERS, callbackPage } from './callback-page';
import { AuthError } from './errors';
import { CALLBACK_PATH } from './volvo-id';

/** Options for {@link openLoopbackListener}. */
export interface LoopbackOptions<T> {
  /** The registered redirect port; 0 picks any free port. */
  port: number;
  clock: Clock;
  /** The sign-in is abandoned when no callback arrives within this time. */
  timeoutMs: number;
  /**
   * Checks the callback's query parameters (state, error). Its return value settles `result`;
   * an error it throws rejects `result`, and its message is shown in the browser.
   */
  accept: (parameters: URLSearchParams) => T;
  logger: Logger;
}

/** A listener on 127.0.0.1 waiting for exactly one OAuth redirect (RFC 8252 §7.3). */
export interface LoopbackListener<T> {
  /** http://127.0.0.1:PORT/callback */
  readonly redirectUri: string;
  /** Settles once: the accepted parameters, or why the sign-in failed. */
  readonly result: Promise<T>;
  /** Stops listening; a still-pending `result` rejects with `reason`. */
  close(reason: Error): void;
}

/**
 * Starts listening on 127.0.0.1 at `options.port` for the browser's redirect to /callback.
 * The first callback settles the result, is answered with a small "you can close this tab"
 * page, and closes the listener; other paths (a favicon request) get a 404 and change nothing.
 */
export async function openLoopbackListener<T>(
  options: LoopbackOptions<T>,
): Promise<LoopbackListener<T>> {
  // Any program on this computer can connect: what one request may cost is bounded. A browser's
  // callback is one GET with a short query and ordinary headers.
  const server = createServer({
    maxHeaderSize: MAX_REQUEST_HEAD_BYTES,
    headersTimeout: REQUEST_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
  });
  server.maxConnections = MAX_CONNECTIONS;
  const port = await listen(server, options.port);
  const redirectUri = `http://127.0.0.1:${port}${CALLBACK_PATH}`;

  let settled = false;
  let settle: { resolve: (value: T) => void; reject: (error: Error) => void } | undefined;
  const result = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // The session awaits `result`; this only keeps a rejection after close() from going unhandled.
  result.catch(() => {});

  const shutDown = () => {
    options.clock.clearTimeout(timer);
    server.close();
    server.closeIdleConnections();
  };
  const finish = (outcome: { value: T } | { error: Error }) => {
    if (settled) return;
    settled = true;
    if ('value' in outcome) settle?.resolve(outcome.value);
    else settle?.reject(outcome.error);
  };

  const timer = options.clock.setTimeout(() => {
    options.logger.warn('auth.sign-in.abandoned', { afterMs: options.timeoutMs });
    finish({
      error: new AuthError(
        'sign-in-failed',
        `The sign-in was not finished within ${Math.round(options.timeoutMs / 60_000)} minutes, so volvo-tray stopped waiting. Start it again when you are ready.`,
      ),
    });
    shutDown();
  }, options.timeoutMs);

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    // A request target that is not a URL (`GET //[x]/`) would throw out of this listener and
    // take the whole process down: it is simply not the callback.
    if (hasBody(request)) {
      // Nothing is read from a request body; the connection ends with the answer.
      response.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      response.end('A sign-in callback has no body.');
      return;
    }
    const target = request.url ?? '/';
    const url = URL.canParse(target, redirectUri) ? new URL(target, redirectUri) : null;
    if (request.method !== 'GET' || url?.pathname !== CALLBACK_PATH || settled) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      response.end('Not found');
      return;
    }
    let problem: string | null = null;
    try {
      finish({ value: options.accept(url.searchParams) });
      options.logger.info('auth.sign-in.callback', { accepted: true });
    } catch (error) {
      problem = error instanceof Error ? error.message : 'The sign-in answer was not valid.';
      options.logger.warn('auth.sign-in.callback', { accepted: false });
      finish({ error: error instanceof Error ? error : new AuthError('sign-in-failed', problem) });
    }
    response.writeHead(problem === null ? 200 : 400, CALLBACK_PAGE_HEADERS);
    response.end(callbackPage(problem), () => shutDown());
  });

  return {
    redirectUri,
    result,
    close(reason) {
      finish({ error: reason });
      shutDown();
    },
  };
}

/** The request line and headers of one request; a real callback needs a few kilobytes. */
export const MAX_REQUEST_HEAD_BYTES = 16 * 1024;
/** Connections open at once (a browser opens a few: the callback, a favicon, a preconnect). */
const MAX_CONNECTIONS = 8;
/** A request must be whole within this time. */
const REQUEST_TIMEOUT_MS = 10_000;

function hasBody(request: IncomingMessage): boolean {
  const length = Number(request.headers['content-length'] ?? 0);
  return length > 0 || request.headers['transfer-encoding'] !== undefined;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(new AuthError('sign-in-failed', listenProblem(error, port)));
    };
    server.once('error', onError);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

function listenProblem(error: NodeJS.ErrnoException, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `Port ${port} on this computer is already in use by another program, so volvo-tray cannot receive the sign-in there. Close that program, or register another redirect port (http://127.0.0.1:PORT/callback) with your Volvo developer app and enter it in Settings.`;
    case 'EACCES':
      return `volvo-tray is not allowed to listen on port ${port}. Choose a redirect port between 1024 and 65535, register it with your Volvo developer app and enter it in Settings.`;
    default:
      return `volvo-tray could not listen on port ${port} for the sign-in (${error.code ?? error.message}).`;
  }
}
