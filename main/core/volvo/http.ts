import type { z } from 'zod';
import type { ApiVersion } from '../../../shared/vehicle';
import { MESSAGES } from '../../../shared/words/sign-in';
import { AuthError } from '../auth/errors';
import type { AccessTokenProvider } from '../auth/types';
import { AnswerLimitError, describeMs, fetchWithin, MAX_ANSWER_BYTES } from '../bounded-answer';
import type { AnswerHeaders, Clock, HttpFetch, Logger } from '../ports';
import { VolvoApiError } from './errors';
import { errorFromAnswer, refusesApiKey } from './http-errors';

/** Reports every HTTP request made, so the app can count its daily quota. */
export type RequestListener = (request: {
  method: string;
  path: string;
  status: number | null;
}) => void;

export interface TransportOptions {
  /** Origin only, e.g. https://api.volvocars.com. */
  baseUrl: string;
  version: ApiVersion;
  apiKey: string;
  tokens: AccessTokenProvider;
  fetch: HttpFetch;
  clock: Clock;
  /** The whole exchange, headers and body. */
  timeoutMs: number;
  /** The status line and headers; at most `timeoutMs`. */
  headerTimeoutMs: number;
  /** The largest body read; past it the call fails and reading stops. */
  maxAnswerBytes?: number;
  onRequest?: RequestListener;
  logger: Logger;
}

/** One call to the API. */
export interface Exchange {
  method: 'GET' | 'POST';
  /** A path under the version's base (`/vehicles/...`) or an absolute URL on the API's origin. */
  target: string;
  /** `accept` and/or `content-type`, exactly as the version requires. */
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** What a 404 means for this call, in words. */
  notFound: string;
  /** A command: after a timeout it may still reach the car, and the message says so. */
  command?: boolean;
}

/** Sends requests with the mandatory headers, a timeout, one refresh after a 401, typed errors. */
export interface Transport {
  /**
   * A link from an answer (absolute, or relative to the API's origin) as an absolute URL.
   * Refuses (malformed) a link to another origin: it would receive the user's bearer token.
   */
  link(href: string): string;
  /** Sends the exchange and returns its JSON body validated by `schema`. */
  send<S extends z.ZodType>(exchange: Exchange, schema: S, what: string): Promise<z.output<S>>;
}

interface Answer {
  status: number;
  headers: AnswerHeaders;
  text: string;
}

/**
 * The HTTP layer under both adapters. Every failure, including a bad access-token provider, a
 * dropped connection or a body that is not what was promised, becomes a {@link VolvoApiError}.
 */
export function createTransport(options: TransportOptions): Transport {
  const { version, clock, logger } = options;
  const origin = new URL(options.baseUrl).origin;
  const versionBase = `${origin}/connected-vehicle/${version}`;

  /** An absolute URL, or one relative to the origin, checked to stay on the origin. */
  function resolve(target: string): URL {
    let url: URL;
    try {
      url = new URL(target, origin);
    } catch {
      throw new VolvoApiError(
        'malformed',
        `The Volvo API sent a link that is not a URL: "${target}".`,
      );
    }
    if (url.origin !== origin) {
      throw new VolvoApiError(
        'malformed',
        `The Volvo API pointed to another server (${url.host}); volvo-tray does not send your sign-in there.`,
      );
    }
    return url;
  }

  async function attempt(url: URL, exchange: Exchange, token: string): Promise<Answer> {
    const report = (status: number | null) => {
      logger.debug('Volvo API request', { method: exchange.method, path: url.pathname, status });
      options.onRequest?.({ method: exchange.method, path: url.pathname, status });
    };
    try {
      const answer = await fetchWithin(
        options.fetch,
        url,
        {
          method: exchange.method,
          headers: {
            ...exchange.headers,
            authorization: `Bearer ${token}`,
            'vcc-api-key': options.apiKey,
          },
          body: exchange.body,
          redirect: 'manual',
          signal: exchange.signal,
        },
        {
          maxBytes: options.maxAnswerBytes ?? MAX_ANSWER_BYTES,
          headerTimeoutMs: Math.min(options.headerTimeoutMs, options.timeoutMs),
          deadlineMs: options.timeoutMs,
        },
        options.clock,
      );
      report(answer.status);
      return {
        status: answer.status,
        headers: answer.headers,
        text: new TextDecoder().decode(answer.body),
      };
    } catch (error) {
      report(null);
      throw failedAttempt(error, url, exchange);
    }
  }

  async function token<T extends string | null>(fetchToken: () => Promise<T>): Promise<T> {
    try {
      return await fetchToken();
    } catch (error) {
      // Volvo ID being unreachable is an outage, not a reason to ask for a new sign-in.
      const unreachable = error instanceof AuthError && error.kind === 'unreachable';
      throw new VolvoApiError(
        unreachable ? 'network' : 'unauthorized',
        error instanceof Error && error.message ? error.message : MESSAGES.notSignedIn,
      );
    }
  }

  return {
    link: (href) => resolve(href).href,
    async send(exchange, schema, what) {
      const url = resolve(
        exchange.target.startsWith('/') ? `${versionBase}${exchange.target}` : exchange.target,
      );
      const first = await token(() => options.tokens.accessToken());
      let sent = first;
      let answer = await attempt(url, exchange, first);
      if (answer.status === 401 && !refusesApiKey(answer.text)) {
        // Once: a token that expired early gets one fresh try, a refused API key does not loop.
        const fresh = await token(() => options.tokens.refreshAfterUnauthorized(first));
        if (fresh !== null) {
          sent = fresh;
          answer = await attempt(url, exchange, fresh);
        }
      }
      if (answer.status < 200 || answer.status > 299) {
        // Error messages quote the answer's description; one that echoes the credentials
        // ("invalid token eyJ...") must not carry them into the popover, logs or the CLI.
        const text = withoutCredentials(answer.text, [sent, options.apiKey]);
        throw errorFromAnswer(
          { ...answer, text },
          {
            version,
            notFound: exchange.notFound,
            now: clock.now(),
          },
        );
      }
      return parseBody(answer, schema, what);
    },
  };
}

function parseBody<S extends z.ZodType>(answer: Answer, schema: S, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    throw new VolvoApiError(
      'malformed',
      `The Volvo API answered the ${what} request with something that is not JSON.`,
      { status: answer.status },
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
    throw new VolvoApiError(
      'malformed',
      `The Volvo API answered the ${what} request with data volvo-tray could not read${where}${issue ? `: ${issue.message}` : ''}.`,
      { status: answer.status },
    );
  }
  return parsed.data;
}

function withoutCredentials(text: string, credentials: readonly string[]): string {
  let out = text;
  for (const credential of credentials) {
    if (credential.length > 0) out = out.split(credential).join('[credential]');
  }
  return out;
}

/** Why an exchange got no usable answer, in words. */
function failedAttempt(error: unknown, url: URL, exchange: Exchange): VolvoApiError {
  const mayStillReachCar = exchange.command
    ? '; the command may still reach the car, so check the lock state'
    : '';
  if (error instanceof AnswerLimitError) {
    if (error.limit === 'too-large') {
      // The last readings stay shown: this is one bad answer, not a change of the car.
      return new VolvoApiError(
        'malformed',
        `${error.message.replace(/\.$/, '')}${mayStillReachCar}.`,
      );
    }
    const what = error.limit === 'no-headers' ? 'start answering' : 'answer';
    return new VolvoApiError(
      'timeout',
      `The Volvo API did not ${what} within ${describeMs(error.bound)}${mayStillReachCar}.`,
    );
  }
  if (exchange.signal?.aborted) {
    return new VolvoApiError('timeout', 'The request to the Volvo API was cancelled.');
  }
  return new VolvoApiError(
    'network',
    `Could not reach the Volvo API at ${url.host}${causeOf(error)}. Check your internet connection.`,
  );
}

/** Node's fetch hides the reason (ECONNREFUSED, ENOTFOUND...) in `cause`. */
function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return '';
  const cause: unknown = error.cause;
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') {
    return ` (${cause.code})`;
  }
  return '';
}
