import type { ApiVersion } from '../../../shared/vehicle';
import { MESSAGES } from '../../../shared/words/sign-in';
import type { BrowserOpener, Clock, Fetch, JsonStore, Logger, SecretVault } from '../ports';
import { signInThroughBrowser } from './browser-sign-in';
import {
  type Credentials,
  commandsAllowed,
  findMyCarAllowed,
  signedInMessage,
  type TestTokenCredentials,
} from './credentials';
import { AuthError, signInFailure } from './errors';
import type { LoopbackListener } from './loopback';
import { readSavedSession } from './saved-session';
import { loadSessionMeta, talksOnlyTo } from './session-meta';
import { createSessionStore } from './session-store';
import { createSessionTimer } from './session-timer';
import { parseTestToken } from './test-token';
import { createTokenRefresher, DEFAULT_ACCESS_TOKEN_SECONDS } from './token-refresher';
import { type AuthSession, type AuthState, SIGNED_OUT, type VolvoIdConfig } from './types';
import { validateVolvoIdConfig } from './volvo-id';

/** What the session needs from its world. */
export interface AuthSessionDeps {
  fetch: Fetch;
  clock: Clock;
  vault: SecretVault;
  browser: BrowserOpener;
  logger: Logger;
  /** Whether the user allows secrets on disk when the vault is 'plaintext'. */
  allowPlaintextSecrets: () => boolean;
  /** Where non-secret session facts (mode, apiVersion, issuer/endpoints, clientId, redirectPort) persist. */
  meta: JsonStore<unknown>;
  /**
   * The one Volvo ID a restored 'volvo-id' sign-in may use (the app: Volvo's own). Saved
   * endpoints on any other origin are not trusted: the session starts signed out. Unset: any.
   */
  restoreIssuer?: string;
}

/** Access tokens are renewed this long before they expire, so no request carries a dying one. */
const REFRESH_AHEAD_MS = 60_000;
/** A browser sign-in not finished in this time is abandoned. */
const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/**
 * The Volvo ID session, as a state machine (signed out, signing in, signed in, expired): signs
 * in with authorization code + PKCE through a loopback redirect or takes a test token, restores
 * the saved sign-in, hands out access tokens (kept fresh by the {@link createTokenRefresher}
 * refresher), and ends the session once, cleanly, when Volvo ID says the refresh token is no
 * longer valid. Logs events only: never a token, code, verifier or secret.
 */
export function createAuthSession(deps: AuthSessionDeps): AuthSession {
  const { clock, vault, logger } = deps;
  const listeners = new Set<(state: AuthState) => void>();
  const store = createSessionStore(vault, deps.meta);
  const timer = createSessionTimer(clock);

  let state: AuthState = SIGNED_OUT;
  let credentials: Credentials | null = null;
  /** Aborted whenever the credentials are replaced or dropped: late results of work on them change nothing. */
  let ended = new AbortController();
  let pendingSignIn: LoopbackListener<URLSearchParams> | null = null;

  const memoryOnly = () => vault.protection() === 'plaintext' && !deps.allowPlaintextSecrets();

  const setState = (patch: Partial<AuthState>) => {
    const next = { ...state, ...patch };
    const changed = (Object.keys(next) as (keyof AuthState)[]).some((k) => next[k] !== state[k]);
    if (!changed) return;
    state = next;
    for (const listener of listeners) {
      try {
        listener({ ...state });
      } catch (error) {
        logger.error('auth.listener.failed', {
          error: error instanceof Error ? error.name : 'unknown',
        });
      }
    }
  };

  const refresher = createTokenRefresher({
    fetch: deps.fetch,
    clock,
    logger,
    timer,
    store,
    memoryOnly,
    current: () => ({ credentials, ended: ended.signal }),
    expired: () => endSession('expired', MESSAGES.expired),
    said({ renewed, message }) {
      // A refresh of the old credentials during a new sign-in must not end the "signing-in" state.
      if (!renewed) setState({ message });
      else if (state.status !== 'signing-in') setState({ status: 'signed-in', message });
    },
  });

  const notAvailable = () =>
    state.status === 'expired'
      ? new AuthError('expired', state.message ?? MESSAGES.expired)
      : new AuthError('signed-out', MESSAGES.notSignedIn);

  const scheduleTestTokenExpiry = (c: TestTokenCredentials) =>
    timer.schedule(c.expiresAt - clock.now(), () => {
      if (credentials !== c) return;
      if (clock.now() < c.expiresAt) scheduleTestTokenExpiry(c);
      else void expireTestToken(c);
    });

  /** Work on the credentials in use ends; returns the signal of the ones to come. */
  const endWork = (): AbortSignal => {
    ended.abort();
    ended = new AbortController();
    refresher.reset();
    timer.clear();
    return ended.signal;
  };

  /** Forgets the current credentials in memory; late results of work on them are ignored. */
  const dropCredentials = () => {
    endWork();
    credentials = null;
  };

  /** Ends the session with one state change, then deletes its tokens. */
  const endSession = async (status: 'signed-out' | 'expired', message: string | null) => {
    const endedCredentials = credentials;
    const mode = status === 'expired' ? state.mode : null;
    dropCredentials();
    setState({
      status,
      mode,
      tokenExpiresAt:
        status === 'expired' && endedCredentials?.kind === 'test-token'
          ? endedCredentials.expiresAt
          : null,
      message,
      commandsAllowed: true,
      findMyCarAllowed: false,
    });
    await store.forgetTokens({ version: 1, status, mode, apiVersion: state.apiVersion });
  };

  const expireTestToken = async (c: TestTokenCredentials) => {
    if (credentials !== c) return;
    logger.info('auth.test-token.expired');
    await endSession('expired', MESSAGES.testTokenExpired);
  };

  /**
   * Stores new credentials (secrets first, durably), then makes them current. When the vault
   * refuses (a full disk, a secrets file linked elsewhere), the sign-in still holds for this
   * run, and says so: refusing it would lose what the person just did.
   */
  const install = async (c: Credentials, apiVersion: ApiVersion) => {
    const mine = endWork();
    let unsaved = false;
    try {
      await store.save(c, apiVersion);
    } catch (error) {
      logger.error('auth.vault.write-failed', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      unsaved = true;
    }
    if (mine.aborted) throw new AuthError('sign-in-failed', MESSAGES.superseded);
    credentials = c;
    if (c.kind === 'volvo-id') refresher.keepAlive(c);
    else scheduleTestTokenExpiry(c);
    setState({
      status: 'signed-in',
      mode: c.kind === 'test-token' ? 'test-token' : c.mode,
      apiVersion,
      tokenExpiresAt: c.kind === 'test-token' ? c.expiresAt : null,
      message: unsaved ? MESSAGES.signInNotSaved : signedInMessage(c),
      commandsAllowed: commandsAllowed(c),
      findMyCarAllowed: findMyCarAllowed(c),
    });
  };

  const cancelPendingSignIn = (reason: string) => {
    const listener = pendingSignIn;
    pendingSignIn = null;
    listener?.close(new AuthError('sign-in-failed', reason));
  };

  const signInWithVolvoId = async (
    unchecked: VolvoIdConfig,
    mode: 'demo' | 'volvo-id',
    apiVersion: ApiVersion,
  ) => {
    const config = validateVolvoIdConfig(unchecked);
    timer.revive();
    cancelPendingSignIn('A new sign-in was started, so this one was cancelled.');
    const before = state;
    setState({ status: 'signing-in', message: null });
    logger.info('auth.sign-in.start', {
      mode,
      issuer: config.issuer,
      redirectPort: config.redirectPort,
    });
    let listener: LoopbackListener<URLSearchParams> | null = null;
    try {
      const { endpoints, client, tokens } = await signInThroughBrowser({
        config,
        ports: { fetch: deps.fetch, clock, logger },
        browser: deps.browser,
        logger,
        timeoutMs: SIGN_IN_TIMEOUT_MS,
        onListening(opened) {
          listener = opened;
          pendingSignIn = opened;
        },
      });
      const expiresInSeconds = tokens.expiresInSeconds ?? DEFAULT_ACCESS_TOKEN_SECONDS;
      await install(
        {
          kind: 'volvo-id',
          mode,
          endpoints,
          client,
          redirectPort: config.redirectPort,
          refreshToken: tokens.refreshToken,
          access: { token: tokens.accessToken, expiresAt: clock.now() + expiresInSeconds * 1000 },
          memoryOnly: memoryOnly(),
        },
        apiVersion,
      );
      logger.info('auth.sign-in.ok', { mode, expiresInSeconds });
    } catch (error) {
      const failure = signInFailure(error);
      logger.warn('auth.sign-in.failed', { mode, reason: failure.kind });
      // A newer sign-in (or a sign-out) cancelled this one: the state is the newer one's.
      const cancelledByNewer = listener !== null && pendingSignIn !== listener;
      if (!cancelledByNewer) {
        const status = credentials
          ? 'signed-in'
          : before.status === 'expired'
            ? 'expired'
            : 'signed-out';
        setState({
          status,
          mode: status === 'signed-out' ? null : before.mode,
          message: failure.message,
        });
      }
      throw failure;
    } finally {
      if (listener !== null && pendingSignIn === listener) pendingSignIn = null;
    }
  };

  const restore = async () => {
    timer.revive();
    const meta = loadSessionMeta(deps.meta, logger);
    dropCredentials();
    if (meta !== null && deps.restoreIssuer && !talksOnlyTo(meta, deps.restoreIssuer)) {
      logger.warn('auth.meta.foreign-issuer', { expected: deps.restoreIssuer });
      setState({ ...SIGNED_OUT, apiVersion: meta.apiVersion, message: MESSAGES.foreignIssuer });
      await store.forgetTokens({
        version: 1,
        status: 'signed-out',
        mode: null,
        apiVersion: meta.apiVersion,
      });
      return;
    }
    const saved = await readSavedSession(meta, vault, memoryOnly(), clock.now());
    const c = saved.credentials;
    credentials = c;
    if (c?.kind === 'volvo-id') refresher.keepAlive(c);
    else if (c?.kind === 'test-token') scheduleTestTokenExpiry(c);
    setState(saved.state);
    if (saved.forget !== null) await store.forgetTokens(saved.forget);
    if (c !== null) logger.info('auth.restored', { mode: saved.state.mode });
  };

  return {
    state: () => ({ ...state }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restore,
    signInWithVolvoId,
    async useTestToken(pasted, apiVersion) {
      const parsed = parseTestToken(pasted, clock.now());
      timer.revive();
      cancelPendingSignIn('A test access token was entered, so the sign-in was cancelled.');
      await install({ kind: 'test-token', ...parsed, memoryOnly: memoryOnly() }, apiVersion);
      logger.info('auth.test-token.accepted', { expiresAt: parsed.expiresAt });
    },
    async signOut() {
      cancelPendingSignIn('You signed out, so the sign-in was cancelled.');
      await endSession('signed-out', null);
      logger.info('auth.signed-out');
    },
    async accessToken() {
      const c = credentials;
      if (c === null) throw notAvailable();
      if (c.kind === 'test-token') {
        if (clock.now() < c.expiresAt) return c.token;
        await expireTestToken(c);
        throw new AuthError('expired', MESSAGES.testTokenExpired);
      }
      if (c.access && c.access.expiresAt - REFRESH_AHEAD_MS > clock.now()) return c.access.token;
      return refresher.refresh(c, null);
    },
    async refreshAfterUnauthorized(rejected) {
      const c = credentials;
      if (c === null || c.kind === 'test-token') return null;
      // Another caller already replaced the refused token: retry with that, no second refresh.
      const newer = refresher.usableAccess(c, rejected);
      if (newer) return newer;
      logger.info('auth.unauthorized');
      try {
        return await refresher.refresh(c, rejected);
      } catch (error) {
        if (error instanceof AuthError && (error.kind === 'expired' || error.kind === 'signed-out'))
          return null;
        throw error;
      }
    },
    dispose() {
      timer.dispose();
      cancelPendingSignIn('volvo-tray is closing, so the sign-in was cancelled.');
      // Work still under way (a refresh) finds its credentials gone and schedules nothing.
      dropCredentials();
    },
  };
}
