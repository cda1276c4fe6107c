import { MESSAGES } from '../../../shared/words/sign-in';
import { durationInWords } from '../../../shared/words/time';
import type { Clock, Fetch, Logger } from '../ports';
import { type Credentials, signedInMessage, type VolvoIdCredentials } from './credentials';
import { AuthError, classifyTokenFailure, refusedMessage, unreachableMessage } from './errors';
import { refreshTokens, type TokenSet } from './oauth';
import type { SessionStore } from './session-store';
import type { SessionTimer } from './session-timer';

/**
 * While signed in, refresh at least this often even when nothing asks for a token: an unused
 * Volvo refresh token dies after 7 days. Half a day leaves room for a timer delayed by sleep.
 */
const KEEP_ALIVE_MS = 12 * 60 * 60_000;
/** When the token endpoint omits `expires_in`: Volvo's access tokens live 299 s. */
export const DEFAULT_ACCESS_TOKEN_SECONDS = 299;
/** Backoff after a refresh that failed without ending the sign-in (offline, server error). */
const RETRY_FIRST_MS = 15_000;
const RETRY_MAX_MS = 10 * 60_000;

export interface TokenRefresherOptions {
  fetch: Fetch;
  clock: Clock;
  logger: Logger;
  timer: SessionTimer;
  store: SessionStore;
  /** Whether secrets must stay in memory now (a plaintext vault the person did not allow). */
  memoryOnly(): boolean;
  /** The credentials in use and the signal that aborts when they are replaced or dropped. */
  current(): { credentials: Credentials | null; ended: AbortSignal };
  /** Volvo ID says the refresh token is no longer valid: end the sign-in as expired. */
  expired(): Promise<void>;
  /** A refresh succeeded (`message`: what the sign-in says now) or failed and will retry. */
  said(outcome: { renewed: boolean; message: string | null }): void;
}

/**
 * Keeps a Volvo ID sign-in's access token fresh: one refresh at a time shared by every caller,
 * the rotated refresh token on disk before its access token is used, backoff after failures
 * that do not end the sign-in, and a keep-alive so an unused refresh token does not die.
 */
export interface TokenRefresher {
  /** A fresh access token; `rejected` is one Volvo just refused, never handed out again. */
  refresh(c: VolvoIdCredentials, rejected: string | null): Promise<string>;
  /** The current access token if it still works and is not the one just refused. */
  usableAccess(c: VolvoIdCredentials, rejected: string | null): string | null;
  /** Refreshes `c` in half a day unless something else sets the session's timer first. */
  keepAlive(c: VolvoIdCredentials): void;
  /** The credentials changed: forget the refresh in flight and the backoff. */
  reset(): void;
}

export function createTokenRefresher(options: TokenRefresherOptions): TokenRefresher {
  const { clock, logger, timer, store } = options;
  const ports = { fetch: options.fetch, clock, logger };
  let inFlight: Promise<string> | null = null;
  let backoff: { attempts: number; notBefore: number; error: AuthError } | null = null;

  const isCurrent = (c: VolvoIdCredentials) => options.current().credentials === c;
  const superseded = () => new AuthError('signed-out', MESSAGES.superseded);

  const usableAccess = (c: VolvoIdCredentials, rejected: string | null): string | null =>
    c.access && c.access.expiresAt > clock.now() && c.access.token !== rejected
      ? c.access.token
      : null;

  const keepAlive = (c: VolvoIdCredentials) =>
    timer.schedule(KEEP_ALIVE_MS, () => {
      if (!isCurrent(c)) return;
      logger.info('auth.keep-alive');
      refresh(c, null).catch(() => {});
    });

  const refresh = (c: VolvoIdCredentials, rejected: string | null): Promise<string> => {
    if (inFlight) return inFlight;
    if (backoff && backoff.notBefore > clock.now()) {
      const usable = usableAccess(c, rejected);
      return usable ? Promise.resolve(usable) : Promise.reject(backoff.error);
    }
    const run = runRefresh(c, options.current().ended, rejected);
    inFlight = run;
    const done = () => {
      if (inFlight === run) inFlight = null;
    };
    run.then(done, done);
    return run;
  };

  const runRefresh = async (
    c: VolvoIdCredentials,
    ended: AbortSignal,
    rejected: string | null,
  ): Promise<string> => {
    logger.debug('auth.refresh.start', { mode: c.mode });
    let tokens: TokenSet;
    try {
      tokens = await refreshTokens(c.endpoints, c.client, ports, c.refreshToken);
    } catch (error) {
      if (ended.aborted) throw superseded();
      return refreshFailed(c, error, rejected);
    }
    if (ended.aborted) throw superseded();
    // Volvo rotates refresh tokens: the old one is already dead at the server. The new one must
    // be on disk before its access token reaches anyone, so a crash at any point loses nothing.
    const rotated = tokens.refreshToken ?? c.refreshToken;
    let message = signedInMessage(c);
    try {
      await store.saveRotation(c, rotated, options.memoryOnly, ended);
      message = signedInMessage(c);
    } catch (error) {
      // The rotated token is now the only one that works; using it beats losing the sign-in.
      logger.error('auth.vault.write-failed', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      message = MESSAGES.vaultWriteFailed;
    }
    if (ended.aborted) throw superseded();
    c.refreshToken = rotated;
    const expiresInSeconds = tokens.expiresInSeconds ?? DEFAULT_ACCESS_TOKEN_SECONDS;
    c.access = { token: tokens.accessToken, expiresAt: clock.now() + expiresInSeconds * 1000 };
    backoff = null;
    keepAlive(c);
    options.said({ renewed: true, message });
    logger.info('auth.refresh.ok', {
      expiresInSeconds,
      rotated: tokens.refreshToken !== undefined,
    });
    return c.access.token;
  };

  const refreshFailed = async (
    c: VolvoIdCredentials,
    error: unknown,
    rejected: string | null,
  ): Promise<string> => {
    const failure = classifyTokenFailure(error);
    if (failure.kind === 'invalid-grant') {
      logger.warn('auth.refresh.invalid-grant', { mode: c.mode });
      await options.expired();
      throw new AuthError('expired', MESSAGES.expired);
    }
    const attempts = (backoff?.attempts ?? 0) + 1;
    const delay = Math.min(RETRY_FIRST_MS * 2 ** (attempts - 1), RETRY_MAX_MS);
    const retry = `volvo-tray will try again in ${durationInWords(delay)}.`;
    const message =
      failure.kind === 'refused'
        ? `${refusedMessage(failure.oauthError)} ${retry}`
        : `${unreachableMessage(failure.detail, 'renew your sign-in')} ${retry}`;
    const authError = new AuthError(failure.kind, message);
    backoff = { attempts, notBefore: clock.now() + delay, error: authError };
    logger.warn('auth.refresh.failed', {
      reason: failure.kind,
      detail: failure.kind === 'refused' ? failure.oauthError : failure.detail,
      retryInMs: delay,
    });
    timer.schedule(delay, () => {
      if (isCurrent(c)) refresh(c, null).catch(() => {});
    });
    options.said({ renewed: false, message });
    const usable = usableAccess(c, rejected);
    if (usable) return usable;
    throw authError;
  };

  return {
    refresh,
    usableAccess,
    keepAlive,
    reset() {
      inFlight = null;
      backoff = null;
    },
  };
}
