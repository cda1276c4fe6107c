import type { AccessTokenProvider } from '../../auth/types';
import type { Fetch, Logger } from '../../ports';
import type { FakeClock } from '../../testing/fake-clock';
import { createVehicleApi } from '../client';

/** One request as the fake server saw it. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

export type Route = (request: SeenRequest) => Response | Promise<Response>;

/** A fetch that answers from `route` and remembers every request; honours the abort signal. */
export function fakeFetch(route: Route): Fetch & { seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    const request: SeenRequest = {
      method: init?.method ?? 'GET',
      url: new URL(input instanceof Request ? input.url : input),
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : '',
    };
    seen.push(request);
    const answer = Promise.resolve(route(request));
    if (!signal) return answer;
    return Promise.race([
      answer,
      new Promise<never>((_, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
    ]);
  };
  return Object.assign(fetch, { seen });
}

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A reading as the API sends it. */
export function reading(value: string, timestamp = '2026-11-27T07:55:00.000Z') {
  return { value, timestamp };
}

/** A token provider with a fixed token that counts refreshes and answers `refreshed` once asked. */
export function fixedTokens(
  token = 'token-1',
  refreshed: string | null = null,
): AccessTokenProvider & { refreshes: string[] } {
  const refreshes: string[] = [];
  return {
    refreshes,
    accessToken: async () => token,
    refreshAfterUnauthorized: async (rejected) => {
      refreshes.push(rejected);
      return refreshed;
    },
  };
}

/** A logger that keeps warnings, to assert that unknown values are reported. */
export function recordingLogger(): Logger & { warnings: { message: string; fields?: unknown }[] } {
  const warnings: { message: string; fields?: unknown }[] = [];
  return {
    warnings,
    debug() {},
    info() {},
    warn(message, fields) {
      warnings.push({ message, fields });
    },
    error() {},
  };
}

/**
 * Advances `clock` in steps until `promise` settles (at most `maxMs`), so timers registered
 * after some I/O still fire. Returns the promise's result.
 */
export async function settleOnClock<T>(
  clock: FakeClock,
  promise: Promise<T>,
  stepMs = 250,
  maxMs = 600_000,
): Promise<T> {
  let settled = false;
  const watched = promise.finally(() => {
    settled = true;
  });
  watched.catch(() => {});
  for (let elapsed = 0; !settled && elapsed < maxMs; elapsed += stepMs) {
    await clock.advance(stepMs);
  }
  return watched;
}

/** A v2 (or v1) client whose every request `route` answers, for the tests of one endpoint. */
export function apiAnswering(route: Route, version: 'v1' | 'v2' = 'v2') {
  const fetch = fakeFetch(route);
  const api = createVehicleApi({
    baseUrl: 'https://api.example.test',
    version,
    apiKey: 'key-1',
    tokens: fixedTokens(),
    fetch,
  });
  return { api, fetch };
}
