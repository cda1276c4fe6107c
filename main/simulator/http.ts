import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** One request as the handlers see it: body already read (and capped), path already decoded. */
export interface SimRequest {
  method: string;
  url: URL;
  /** Percent-decoded path segments, e.g. ['connected-vehicle', 'v2', 'vehicles']. */
  segments: string[];
  headers: IncomingHttpHeaders;
  body: string;
  remoteAddress: string | undefined;
}

/** What a handler answers; the server writes it. */
export interface Reply {
  status: number;
  /** Serialised as JSON unless `text` is given. */
  json?: unknown;
  /** A raw body (HTML pages, the malformed fault). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** The timeout fault: accept the request and never answer. */
export const HANG = Symbol('hang');
export type Outcome = Reply | typeof HANG;

export type Handler = (request: SimRequest) => Outcome | Promise<Outcome>;

/** Bodies above this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

export function jsonReply(status: number, json: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, json, headers } : { status, json };
}

/** The Connected Vehicle API's error body: `{"error":{"message","description"}}`. */
export function apiError(
  status: number,
  message: string,
  description: string,
  headers?: Record<string, string>,
): Reply {
  // Real error bodies carry the status and an operationId beside `error`.
  return jsonReply(
    status,
    { status, operationId: randomUUID(), error: { message, description } },
    headers,
  );
}

/** One header's value; repeated headers (other than those Node merges) count as absent. */
export function header(request: SimRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The media types listed in an accept or content-type header, lower case, parameters dropped. */
export function mediaTypes(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((part) => (part.split(';')[0] ?? '').trim().toLowerCase())
    .filter((part) => part.length > 0);
}

/** Parses a JSON body; undefined when it is not JSON. */
export function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

/** Keeps a value from the request short and printable before it goes into a description. */
export function quote(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}...` : printable;
}

/** Matches a pattern like ['vehicles', ':vin', 'doors'] against path segments. */
export function matchPath(
  pattern: readonly string[],
  segments: readonly string[],
): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] ?? '';
    const actual = segments[i] ?? '';
    if (expected.startsWith(':')) params[expected.slice(1)] = actual;
    else if (expected !== actual) return null;
  }
  return params;
}

const LOOPBACK_ADDRESS =
  /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** True for a connection from this machine. */
export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK_ADDRESS.test(address);
}

/** True for a loopback host name as it appears in a URL (127.0.0.1 or localhost). */
export function isLoopbackHostname(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/**
 * True when the request names this computer in its Host header. A web page that points its own
 * name at 127.0.0.1 (DNS rebinding) reaches the port, but sends its own name here.
 */
export function isAddressedToLoopback(request: SimRequest): boolean {
  const host = header(request, 'host');
  return (
    host !== undefined &&
    URL.canParse(`http://${host}`) &&
    isLoopbackHostname(new URL(`http://${host}`).hostname)
  );
}
