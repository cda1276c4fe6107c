import type { ApiVersion } from '../../../shared/vehicle';
import type { AccessTokenProvider } from '../auth/types';
import { isLoopbackHttp } from '../loopback-address';
import { type Clock, type HttpFetch, type Logger, silentLogger, systemClock } from '../ports';
import type { AdapterContext } from './context';
import { VolvoApiError } from './errors';
import { createTransport, type RequestListener } from './http';
import type { VehicleApi } from './model';
import { createV1Api } from './v1';
import { createV2Api } from './v2';

/** Volvo's API origin. */
export const VOLVO_API_BASE = 'https://api.volvocars.com';

export interface VehicleApiOptions {
  /** Origin only: {@link VOLVO_API_BASE} or the simulator's baseUrl. */
  baseUrl: string;
  version: ApiVersion;
  /** The application's VCC API key. */
  apiKey: string;
  tokens: AccessTokenProvider;
  /** Default: globalThis.fetch. */
  fetch?: HttpFetch;
  /** Default: systemClock. Drives v1 `async.href` polling waits and quota/Retry-After times. */
  clock?: Clock;
  /** Per HTTP call; default 15 000 ms. */
  timeoutMs?: number;
  /** The status line and headers of each call must come within this; default 10 000 ms. */
  headerTimeoutMs?: number;
  /** The largest answer body read; default 1 MB (`MAX_ANSWER_BYTES`). */
  maxAnswerBytes?: number;
  /** v1: stop following `async.href` after this and answer TIMEOUT; default 120 000 ms. */
  commandTimeoutMs?: number;
  /** v1: wait between `async.href` polls; default 2 000 ms. */
  commandPollMs?: number;
  /** Called after every HTTP request (polls and retries included), for the quota count. */
  onRequest?: RequestListener;
  logger?: Logger;
}

/**
 * The Connected Vehicle API client for either version, behind one {@link VehicleApi}. Every
 * method rejects only with a {@link VolvoApiError}. Throws `invalid-input` at once when
 * `baseUrl` is not an http(s) address.
 */
export function createVehicleApi(options: VehicleApiOptions): VehicleApi {
  checkBaseUrl(options.baseUrl);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const context: AdapterContext = {
    transport: createTransport({
      baseUrl: options.baseUrl,
      version: options.version,
      apiKey: options.apiKey,
      tokens: options.tokens,
      fetch: options.fetch ?? globalThis.fetch,
      clock,
      timeoutMs: options.timeoutMs ?? 15_000,
      headerTimeoutMs: options.headerTimeoutMs ?? 10_000,
      ...(options.maxAnswerBytes === undefined ? {} : { maxAnswerBytes: options.maxAnswerBytes }),
      onRequest: options.onRequest,
      logger,
    }),
    clock,
    logger,
    commandTimeoutMs: options.commandTimeoutMs ?? 120_000,
    commandPollMs: options.commandPollMs ?? 2_000,
  };
  return options.version === 'v1' ? createV1Api(context) : createV2Api(context);
}

function checkBaseUrl(baseUrl: string): void {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new VolvoApiError(
      'invalid-input',
      `"${baseUrl}" is not a web address for the Volvo API (expected e.g. ${VOLVO_API_BASE}).`,
    );
  }
  // Every request carries the access token and the API key: never in the clear over a network.
  if (url.protocol === 'http:' && !isLoopbackHttp(url.href)) {
    throw new VolvoApiError(
      'invalid-input',
      `${url.origin} would receive your access token unencrypted: use https:// (plain http:// is only for a simulator on this computer).`,
    );
  }
}
