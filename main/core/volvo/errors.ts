/**
 * What can go wrong talking to the Connected Vehicle API, as one error class with a `kind`
 * the monitor can act on (back off, pause until the quota returns, sign in again) and a
 * `message` written for a person.
 */
export type VolvoErrorKind =
  | 'network' // no answer at all: offline, DNS, connection refused
  | 'timeout' // no answer in time
  | 'bad-request' // 400
  | 'unauthorized' // 401: the token was refused
  | 'api-key' // 401 whose body names the VCC API key: a new token does not help
  | 'forbidden' // 403: a scope is missing, or a demo car refuses commands
  | 'quota' // 403 "Out of call volume quota"
  | 'not-found' // 404: unknown vehicle, or a command the car does not support
  | 'media-type' // 406 / 415
  | 'conflict' // 409
  | 'gone' // 410 or the GONE body: v1 was removed
  | 'unprocessable' // 422
  | 'rate-limited' // 429
  | 'server' // 5xx
  | 'malformed' // an answer we could not read
  | 'invalid-input'; // refused before sending (e.g. unlockDuration out of range)

export class VolvoApiError extends Error {
  override readonly name = 'VolvoApiError';

  constructor(
    readonly kind: VolvoErrorKind,
    message: string,
    readonly details: {
      /** HTTP status, when there was an answer. */
      status?: number;
      /** 429: how long to wait, from Retry-After. */
      retryAfterMs?: number;
      /** Quota 403: when the quota is replenished (epoch ms). */
      quotaResetsAt?: number;
      /** Volvo's own error message/description, for logs. */
      apiMessage?: string;
    } = {},
  ) {
    super(message);
  }
}
