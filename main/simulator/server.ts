import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimLogger } from './clock';
import {
  apiError,
  HANG,
  type Handler,
  MAX_BODY_BYTES,
  type Outcome,
  type Reply,
  type SimRequest,
} from './http';

/** The HTTP side of the simulator: one loopback listener, body capping, and never a crash. */
export interface HttpSite {
  readonly baseUrl: string;
  /** Installs the request handler (requests before this answer 503). */
  serve(handler: Handler): void;
  /** Waits `ms` of real time (the latency fault); ends early when the site closes. */
  wait(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts listening on 127.0.0.1:`port` (0 = any free port). */
export async function openSite(port: number, logger: SimLogger): Promise<HttpSite> {
  let handler: Handler | null = null;
  const held = new Set<ServerResponse>();
  const closing = new AbortController();

  const server: Server = createServer((request, response) => {
    void answer(request, response);
  });
  // Slow or half-sent requests must not tie up the process forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const body = await readBody(request, MAX_BODY_BYTES);
      if (body === null) {
        write(
          response,
          apiError(
            413,
            'PAYLOAD_TOO_LARGE',
            `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
            { connection: 'close' },
          ),
        );
        return;
      }
      const parsed = parseRequest(request, body);
      const outcome: Outcome =
        parsed === null
          ? apiError(400, 'BAD_REQUEST', 'The request path could not be read.')
          : handler === null
            ? apiError(503, 'SERVICE_UNAVAILABLE', 'The simulator is still starting.')
            : await handler(parsed);
      if (outcome === HANG) {
        held.add(response);
        response.on('close', () => held.delete(response));
        return;
      }
      write(response, outcome);
      logger.debug('simulator request', {
        method: request.method,
        path: parsed?.url.pathname,
        status: outcome.status,
      });
    } catch (error) {
      if (response.destroyed) return;
      logger.error('simulator handler failed', { error: String(error) });
      if (!response.headersSent) {
        write(response, apiError(500, 'INTERNAL_SERVER_ERROR', 'The simulator failed.'));
      } else {
        response.destroy();
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    wait(ms) {
      return new Promise<void>((resolve) => {
        const stop = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          closing.signal.removeEventListener('abort', stop);
          resolve();
        }, ms);
        closing.signal.addEventListener('abort', stop, { once: true });
      });
    },
    serve(next) {
      handler = next;
    },
    close() {
      closing.abort();
      for (const response of held) response.destroy();
      held.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Reads the body up to `limit` bytes; null when it is larger. Rejects if the client goes away. */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    request.on('close', () => {
      if (settled) return;
      settled = true;
      reject(new Error('The client went away before sending the whole body.'));
    });
  });
}

function parseRequest(request: IncomingMessage, body: string): SimRequest | null {
  try {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
    return {
      method: request.method ?? 'GET',
      url,
      segments,
      headers: request.headers,
      body,
      remoteAddress: request.socket.remoteAddress,
    };
  } catch {
    return null;
  }
}

function write(response: ServerResponse, reply: Reply): void {
  const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  const contentType =
    reply.contentType ?? (reply.text === undefined ? 'application/json' : 'text/plain');
  response.writeHead(reply.status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...reply.headers,
  });
  response.end(text);
}
