import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HttpAnswer, HttpFetch } from '../core/ports';

/** Statuses whose answer has no body. */
const NO_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The CLI's transport to the Connected Vehicle API, over `node:http` and `node:https`.
 *
 * Why not Node's fetch: the CLI is a fresh process per command, and fetch's first request loads
 * undici and compiles its HTTP parser (WebAssembly), about 140 ms on CI's machine: more than
 * half of a `volvo-tray status` (`npm run bench` prints its ratio to curl). Node's own parser is
 * native and loaded with Node.
 *
 * It keeps what the client relies on: method, headers, body and signal (an abort ends the
 * request, or the body being read); a streamed body for the bounded reader; redirects not
 * followed (the client asks `redirect: 'manual'`); and a network failure as fetch reports it, a
 * TypeError whose `cause` carries the code (ECONNREFUSED, ENOTFOUND...).
 */
export const nodeHttpFetch: HttpFetch = (input, init) => {
  const url = new URL(input);
  const signal = init.signal ?? undefined;
  return new Promise<HttpAnswer>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      url,
      { method: init.method ?? 'GET', headers: headerRecord(init.headers), signal },
      (message) => resolve(toAnswer(message, url)),
    );
    request.on('error', (error) => {
      reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
    });
    request.end(textBody(init.body));
  });
};

/** Headers as the client gives them (a record), or as fetch also takes them (pairs, Headers). */
function headerRecord(headers: HeadersInit = {}): Record<string, string> {
  return Symbol.iterator in headers ? Object.fromEntries(headers) : headers;
}

/** The bodies the client sends: JSON text for commands, nothing for reads. */
function textBody(body: RequestInit['body']): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  throw new TypeError('The CLI only sends text bodies.');
}

function toAnswer(message: IncomingMessage, url: URL): HttpAnswer {
  const status = message.statusCode ?? 0;
  const noBody = NO_BODY_STATUSES.has(status);
  if (noBody) message.resume();
  return {
    status,
    statusText: message.statusMessage ?? '',
    url: url.href,
    // Node joins repeated headers with ", " and lower-cases their names, as Headers.get reads them.
    headers: {
      get(name) {
        const value = message.headers[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(', ') : value;
      },
    },
    // The message itself: a web stream around it would cost the CLI's start more than it reads.
    body: noBody ? null : message,
  };
}
