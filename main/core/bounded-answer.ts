import { type AnswerHeaders, type Clock, type Fetch, type HttpAnswer, systemClock } from './ports';

/**
 * Reading an HTTP answer without trusting its sender: a broken proxy, a captive portal or a
 * hostile network can answer with gigabytes, or send headers and then trickle. Every answer
 * the core reads (the Connected Vehicle API and Volvo ID alike) goes through here: the body is
 * streamed and reading stops past a size cap, the headers must come within a time, and the
 * whole exchange ends by a deadline.
 */

/** The largest answer read: a real one is a few kilobytes, so 1 MB is far above any. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** The words for an answer past the cap; the poll's error and the sign-in's both say it. */
export const ANSWER_TOO_LARGE = "Volvo's answer was larger than any real one";

/** How long and how much one exchange may take. */
export interface AnswerLimits {
  /** Reading stops, and the exchange fails, past this many body bytes. */
  maxBytes: number;
  /** The status line and headers must arrive within this time. */
  headerTimeoutMs: number;
  /** Headers and the whole body must arrive within this time. */
  deadlineMs: number;
}

/** An answer whose body was read whole, within the limits; `H`: its transport's headers. */
export interface BoundedAnswer<H extends AnswerHeaders = AnswerHeaders> {
  status: number;
  statusText: string;
  headers: H;
  url: string;
  body: Uint8Array<ArrayBuffer>;
}

/** Why an exchange broke its {@link AnswerLimits}; the message is written for a person. */
export class AnswerLimitError extends Error {
  override readonly name = 'AnswerLimitError';

  constructor(
    readonly limit: 'too-large' | 'no-headers' | 'deadline',
    /** The limit broken: bytes for `too-large`, milliseconds otherwise. */
    readonly bound: number,
    message: string,
  ) {
    super(message);
  }
}

function tooLarge(maxBytes: number): AnswerLimitError {
  return new AnswerLimitError(
    'too-large',
    maxBytes,
    `${ANSWER_TOO_LARGE} (more than ${describeBytes(maxBytes)}), so volvo-tray stopped reading it.`,
  );
}

/**
 * Reads a body, stopping (and cancelling the stream, which closes the connection) as soon as
 * more than `maxBytes` arrived. A `content-length` above the cap fails before reading at all.
 */
export async function readBodyWithin(
  response: HttpAnswer,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.[Symbol.asyncIterator]()
      .return?.()
      ?.catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (response.body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Throwing out of the loop cancels the stream (its iterator's return), closing the connection.
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** The timers the limits run on: the app's clock, so a fake one can fast-forward a timeout. */
export type AnswerTimers = Pick<Clock, 'setTimeout' | 'clearTimeout'>;

/**
 * One fetch within `limits`, timed by `timers`. Throws an {@link AnswerLimitError} for a broken
 * limit; a network failure or the caller's own abort (`init.signal`) rejects as fetch does.
 */
export async function fetchWithin<Input, Answer extends HttpAnswer>(
  fetch: (input: Input, init: RequestInit) => Promise<Answer>,
  input: Input,
  init: RequestInit,
  limits: AnswerLimits,
  timers: AnswerTimers = systemClock,
): Promise<BoundedAnswer<Answer['headers']>> {
  const deadline = new AbortController();
  const headers = new AbortController();
  const deadlineTimer = timers.setTimeout(() => deadline.abort(), limits.deadlineMs);
  // A header time at or past the deadline is the deadline: one timer, one message.
  let headerTimer =
    limits.headerTimeoutMs < limits.deadlineMs
      ? timers.setTimeout(() => headers.abort(), limits.headerTimeoutMs)
      : undefined;
  const stopHeaderTimer = () => {
    if (headerTimer !== undefined) timers.clearTimeout(headerTimer);
    headerTimer = undefined;
  };
  const signals = [deadline.signal, headers.signal, ...(init.signal ? [init.signal] : [])];
  try {
    const response = await fetch(input, { ...init, signal: AbortSignal.any(signals) });
    stopHeaderTimer();
    const body = await readBodyWithin(response, limits.maxBytes);
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      url: response.url,
      body,
    };
  } catch (error) {
    if (error instanceof AnswerLimitError || init.signal?.aborted) throw error;
    if (deadline.signal.aborted) {
      throw new AnswerLimitError(
        'deadline',
        limits.deadlineMs,
        `The answer did not arrive within ${describeMs(limits.deadlineMs)}.`,
      );
    }
    if (headers.signal.aborted) {
      throw new AnswerLimitError(
        'no-headers',
        limits.headerTimeoutMs,
        `The server did not start answering within ${describeMs(limits.headerTimeoutMs)}.`,
      );
    }
    throw error;
  } finally {
    stopHeaderTimer();
    timers.clearTimeout(deadlineTimer);
  }
}

/** Statuses whose Response may not carry a body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A {@link Fetch} that reads every answer within `limits` before handing it on, for a library
 * (oauth4webapi) that reads bodies itself: what it reads is already in memory and capped.
 */
export function fetchWithLimits(
  fetch: Fetch,
  limits: AnswerLimits,
  timers: AnswerTimers = systemClock,
): Fetch {
  return async (input, init) => {
    const answer = await fetchWithin(fetch, input, init ?? {}, limits, timers);
    const response = new Response(NULL_BODY_STATUSES.has(answer.status) ? null : answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
    });
    Object.defineProperty(response, 'url', { value: answer.url });
    return response;
  };
}

/** "15 s", "200 ms". */
export function describeMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function describeBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
