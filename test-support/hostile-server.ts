import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fetch } from '../main/core/ports';

/**
 * A stand-in for a broken proxy, a captive portal or a hostile network, on 127.0.0.1: it
 * answers every request the way it is told to. Huge bodies are produced lazily, chunk by chunk
 * as the client reads, so a 400 MB answer costs the test nothing unless the client reads it.
 */
export type HostileAnswer =
  /** A JSON-looking body of `bytes` bytes that never closes its string. */
  | { kind: 'huge'; bytes: number; status?: number; declareLength?: boolean }
  /** Accept the request and never send the headers. */
  | { kind: 'silent' }
  /** Send the headers, then a byte of body now and then, never ending. */
  | { kind: 'trickle' }
  /** An ordinary answer. */
  | { kind: 'plain'; status: number; headers?: Record<string, string>; body: string };

export interface HostileServer {
  /** http://127.0.0.1:PORT */
  readonly baseUrl: string;
  /** How every following request is answered. */
  answer(next: HostileAnswer): void;
  /** Requests received so far. */
  readonly requests: number;
  /** Body bytes handed to the socket, over all answers. */
  readonly bytesWritten: number;
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, 'a');

export async function startHostileServer(
  first: HostileAnswer = { kind: 'plain', status: 200, body: '{}' },
): Promise<HostileServer> {
  let current = first;
  let requests = 0;
  let bytesWritten = 0;

  const streamHuge = (response: ServerResponse, bytes: number) => {
    let left = bytes;
    const opening = Buffer.from('{"data":{"padding":"');
    response.write(opening);
    bytesWritten += opening.length;
    left -= opening.length;
    const pump = () => {
      while (left > 0 && !response.destroyed) {
        const chunk = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
        left -= chunk.length;
        bytesWritten += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!response.destroyed) response.end();
    };
    pump();
  };

  const server = createServer((request, response) => {
    requests += 1;
    request.resume();
    const answer = current;
    if (answer.kind === 'silent') return;
    if (answer.kind === 'trickle') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{');
      const drip = setInterval(() => {
        bytesWritten += 1;
        response.write(' ');
      }, 20);
      response.on('close', () => clearInterval(drip));
      return;
    }
    if (answer.kind === 'plain') {
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(answer.body);
      bytesWritten += Buffer.byteLength(answer.body);
      return;
    }
    response.writeHead(answer.status ?? 200, {
      'content-type': 'application/json',
      ...(answer.declareLength ? { 'content-length': String(answer.bytes) } : {}),
    });
    streamHuge(response, answer.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    answer(next) {
      current = next;
    },
    get requests() {
      return requests;
    },
    get bytesWritten() {
      return bytesWritten;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A fetch that sends the requests `divert` picks to `server` instead (same path and query),
 * and the rest on through `inner`: one hostile answer in the middle of a real conversation.
 */
export function divertingFetch(
  inner: Fetch,
  server: HostileServer,
  divert: (url: URL) => boolean,
): Fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (!divert(url)) return inner(input, init);
    return inner(new URL(`${url.pathname}${url.search}`, server.baseUrl), init);
  };
}
