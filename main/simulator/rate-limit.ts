import { apiError, type Reply } from './http';

export type CallKind = 'read' | 'command';

const WINDOW_MS = 60_000;

/** Volvo's per user-and-client limits: 100 reads and 10 commands a minute (sliding window). */
export class RateLimiter {
  private readonly calls = new Map<string, number[]>();

  constructor(private readonly limits: Record<CallKind, number> = { read: 100, command: 10 }) {}

  /** Counts the call and answers null, or answers the seconds to wait when over the limit. */
  take(caller: string, kind: CallKind, now: number): number | null {
    const key = `${kind}\u0000${caller}`;
    const recent = (this.calls.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    const oldest = recent[0];
    if (oldest !== undefined && recent.length >= this.limits[kind]) {
      this.calls.set(key, recent);
      return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
    }
    recent.push(now);
    this.calls.set(key, recent);
    return null;
  }
}

/** 429 with Retry-After, as Volvo answers when a caller goes over its limit. */
export function rateLimitedReply(retryAfterSeconds: number): Reply {
  return apiError(
    429,
    'TOO_MANY_REQUESTS',
    `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`,
    { 'retry-after': String(retryAfterSeconds) },
  );
}
