import { z } from 'zod';
import type { ApiVersion } from '../../../shared/vehicle';
import { durationInWords } from '../../../shared/words/time';
import type { AnswerHeaders } from '../ports';
import { VolvoApiError } from './errors';

const DAY_MS = 24 * 3_600_000;

/** What to do once Volvo has removed API v1; the CLI swaps it for its own flag. */
export const SWITCH_TO_V2 = 'switch to API v2 in Settings';

/** Volvo's usual error body. */
const ErrorBodySchema = z.object({
  error: z.object({
    message: z.string().optional(),
    description: z.string().optional(),
  }),
});

/** The daily-quota body is different: `{"statusCode":403,"message":"Out of call volume quota. ..."}`. */
const QuotaBodySchema = z.object({ message: z.string().regex(/out of call volume quota/i) });
const QUOTA_RESET = /replenished in (\d+):([0-5]\d):([0-5]\d)/i;

/**
 * A 401 about the VCC API key ("Access denied due to invalid VCC-API-KEY..."), not the token:
 * refreshing the token cannot help, so the transport does not try.
 */
export function refusesApiKey(text: string): boolean {
  return /vcc-api-key|api key/i.test(text);
}

/** Volvo's words for a command the car itself failed (422 or 500 on a command). */
const CAR_ERROR = /error returned from car/i;
/** Volvo's words for an endpoint this car model lacks, as opposed to an unknown car. */
const MODEL_NOT_SUPPORTED = /not supported/i;

/** One HTTP answer that was not a success. */
export interface FailedAnswer {
  status: number;
  headers: AnswerHeaders;
  text: string;
}

/** What the error message needs to know about the call. */
export interface FailureContext {
  version: ApiVersion;
  /** What a 404 means for this call, in words (unknown vehicle, unsupported command...). */
  notFound: string;
  /** Epoch ms now (from the injected clock), for quota and Retry-After times. */
  now: number;
}

/** Turns a failed HTTP answer into the one {@link VolvoApiError} kind that fits it. */
export function errorFromAnswer(answer: FailedAnswer, context: FailureContext): VolvoApiError {
  const { status } = answer;
  const json = parseJson(answer.text);
  const quota = QuotaBodySchema.safeParse(json);
  if (quota.success) return quotaError(status, quota.data.message, context.now);

  const body = ErrorBodySchema.safeParse(json);
  const apiMessage = body.success ? body.data.error.message : undefined;
  const description = body.success ? body.data.error.description : undefined;
  // Volvo's sentence: its description, or its message when that is a sentence and not a code.
  const sentence = description || (apiMessage && /\s/.test(apiMessage) ? apiMessage : undefined);
  const said = sentence ? ` (${sentence.replace(/\.$/, '')})` : '';
  const details = { status, apiMessage: description ?? apiMessage };

  if (status === 410 || apiMessage === 'GONE') {
    return new VolvoApiError(
      'gone',
      context.version === 'v1'
        ? `Volvo has removed API v1: ${SWITCH_TO_V2}.`
        : `Volvo no longer offers this part of the API${said}. Check for a newer volvo-tray.`,
      details,
    );
  }
  const volvoSaid = `${apiMessage ?? ''} ${description ?? ''}`;
  if ((status === 422 || status >= 500) && CAR_ERROR.test(volvoSaid)) {
    return new VolvoApiError(
      'unprocessable',
      `The car refused the request or could not be reached (Volvo: "Error returned from car"). The last state volvo-tray read still stands; check the lock state before you leave the car.`,
      details,
    );
  }
  switch (status) {
    case 400:
      return new VolvoApiError(
        'bad-request',
        `The Volvo API refused the request as invalid${said}. If this keeps happening, please report it as a bug.`,
        details,
      );
    case 401:
      if (refusesApiKey(answer.text)) {
        return new VolvoApiError(
          'api-key',
          `Volvo refused the VCC API key${said}. Check the key of your Volvo developer app in Settings; signing in again does not help.`,
          details,
        );
      }
      return new VolvoApiError(
        'unauthorized',
        `Volvo did not accept the sign-in or the VCC API key${said}. Sign in again, or check the VCC API key.`,
        details,
      );
    case 403:
      return new VolvoApiError(
        'forbidden',
        `Volvo refused access${said}. Sign in again and allow every permission volvo-tray asks for.`,
        details,
      );
    case 404:
      // "Car model is not supported" is about this endpoint, not an unknown car.
      if (MODEL_NOT_SUPPORTED.test(volvoSaid)) {
        return new VolvoApiError(
          'not-found',
          `Volvo says this car model does not support this${said}.`,
          details,
        );
      }
      // Our sentence already says what a 404 means here; Volvo's stays in the details.
      return new VolvoApiError('not-found', `${context.notFound}.`, details);
    case 406:
    case 415:
      return new VolvoApiError(
        'media-type',
        `The Volvo API did not accept the format of volvo-tray's request (HTTP ${status}${description ? `: ${description}` : ''}). Please report this as a bug.`,
        details,
      );
    case 409:
      return new VolvoApiError(
        'conflict',
        `The car is busy with another request${said}. Try again in a moment.`,
        details,
      );
    case 422:
      return new VolvoApiError(
        'unprocessable',
        `Volvo refused the request${said}. Try again later.`,
        details,
      );
    case 429:
      return rateLimitError(answer.headers, context.now, details);
  }
  if (status >= 500) {
    return new VolvoApiError(
      'server',
      `The Volvo API is having trouble (HTTP ${status}). Try again in a few minutes.`,
      details,
    );
  }
  if (status >= 400) {
    return new VolvoApiError(
      'bad-request',
      `The Volvo API refused the request (HTTP ${status}${description ? `: ${description}` : ''}). If this keeps happening, please report it as a bug.`,
      details,
    );
  }
  return new VolvoApiError(
    'malformed',
    `The Volvo API gave an answer volvo-tray did not expect (HTTP ${status}). Try again later.`,
    details,
  );
}

function quotaError(status: number, message: string, now: number): VolvoApiError {
  const match = QUOTA_RESET.exec(message);
  if (!match) {
    return new VolvoApiError(
      'quota',
      "Volvo's daily request quota for your VCC API key is used up; Volvo did not say when it is replenished.",
      { status, apiMessage: message },
    );
  }
  const [, hours, minutes, seconds] = match;
  const waitMs = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  return new VolvoApiError(
    'quota',
    `Volvo's daily request quota for your VCC API key is used up. It is replenished in ${durationInWords(waitMs)}.`,
    { status, apiMessage: message, quotaResetsAt: now + waitMs },
  );
}

/** `Retry-After` is either seconds or an HTTP date. */
function rateLimitError(
  headers: AnswerHeaders,
  now: number,
  details: { status: number; apiMessage?: string },
): VolvoApiError {
  const retryAfterMs = retryAfter(headers.get('retry-after'), now);
  // Volvo's limits are per minute and per day: a wait beyond a day is a broken header, and its
  // figure ("11574074 d") would only puzzle; the pause itself is capped at a day elsewhere.
  const when =
    retryAfterMs === undefined
      ? 'in a minute'
      : retryAfterMs > DAY_MS
        ? 'later (Volvo asked for an impossible wait)'
        : retryAfterMs === 0
          ? 'now'
          : `in ${durationInWords(retryAfterMs)}`;
  return new VolvoApiError(
    'rate-limited',
    `Too many requests to the Volvo API. Try again ${when}.`,
    retryAfterMs === undefined ? details : { ...details, retryAfterMs },
  );
}

/**
 * `Retry-After` is whole seconds or an HTTP date, which always names its month. Anything else
 * ("1.5", "-5") is ignored: Date.parse would read such numbers as dates in 2001.
 */
function retryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[A-Za-z]{3}/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
