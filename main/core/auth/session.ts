import type { ApiVersion } from '../../../shared/vehicle';
import { MESSAGES } from '../../../shared/words/sign-in';
import { durationInWords } from '../../../shared/words/time';
import type {
  BrowserOpener,
  Clock,
  Fetch,
  JsonStore,
  Logger,
  SecretVault,
  TimerHandle,
} from '../ports';
import { timerDelay } from '../ports';
import { signInThroughBrowser } from './browser-sign-in';
import {
  type Credentials,
  commandsAllowed,
  findMyCarAllowed,
  metaFor,
  signedInMessage,
  type TestTokenCredentials,
  type VolvoIdCredentials,
} from './credentials';
import {
  AuthError,
  classifyTokenFailure,
  refusedMessage,
  signInFailure,
  unreachableMessage,
} from './errors';
import type { LoopbackListener } from './loopback';
import { refreshTokens, type TokenSet } from './oauth';
import { readSavedSession } from './saved-session';
import { loadSessionMeta, type SessionMeta, talksOnlyTo } from './session-meta';
import { parseTestToken } from './test-token';
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
/**
 * While signed in, refresh at least this often even when nothing asks for a token: an unused
 * Volvo refresh token dies after 7 days. Half a day leaves room for a timer delayed by sleep.
 */
const KEEP_ALIVE_MS = 12 * 60 * 60_000;
/** A browser sign-in not finished in this time is abandoned. */
const SIGN_IN_TIMEOUT_MS = 5 * 60_000;
/** When the token endpoint omits `expires_in`: Volvo's access tokens live 299 s. */
const DEFAULT_ACCESS_TOKEN_SECONDS = 299;
/** Backoff after a refresh that failed without ending the sign-in (offline, server error). */
const RETRY_FIRST_MS = 15_000;
const RETRY_MAX_MS = 10 * 60_000;

/**
 * The Volvo ID session: signs in with authorization code + PKCE through a loopback redirect,
 * keeps the access token fresh (single flight, rotation persisted before use, daily keep-alive),
 * and ends the session once, cleanly, when Volvo ID says the refresh token is no longer valid.
 * Logs events only: never a token, code, verifier or secret.
 */
export function createAuthSession(deps: AuthSessionDeps): AuthSession {
  const { clock, vault, logger } = deps;
  const ports = { fetch: deps.fetch, clock, logger: deps.logger };
  const listeners = new Set<(state: AuthState) => void>();

  let state: AuthState = SIGNED_OUT;
  let credentials: Credentials | null = null;
  /** Bumped whenever the credentials are replaced or dropped; late results of older work are ignored. */
  let generation = 0;
  let inFlight: Promise<string> | null = null;
  let backoff: { attempts: number; notBefore: number; error: AuthError } | null = null;
  /** The one pending timer: keep-alive refresh, refresh retry, or test token expiry. */
  let timer: TimerHandle | null = null;
  let pendingSignIn: LoopbackListener<URLSearchParams> | null = null;
  /** Between dispose() and the next restore or sign-in: no timer may be set. */
  let disposed = false;
  /** Vault and meta writes run one after another, in the order they were asked for. */
  let writes: Promise<void> = Promise.resolve();

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

  const serially = (task: () => Promise<void>): Promise<void> => {
    const run = writes.then(task);
    writes = run.catch(() => {});
    return run;
  };

  const schedule = (ms: number, callback: () => void) => {
    clearTimer();
    if (disposed) return;
    timer = clock.setTimeout(
      () => {
        timer = null;
        callback();
      },
      // Longer waits are capped here (whatever the clock does) and re-armed when due.
      timerDelay(ms),
    );
  };

  const clearTimer = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };

  const memoryOnly = () => vault.protection() === 'plaintext' && !deps.allowPlaintextSecrets();

  const notAvailable = () =>
    state.status === 'expired'
      ? new AuthError('expired', state.message ?? MESSAGES.expired)
      : new AuthError('signed-out', MESSAGES.notSignedIn);

  const scheduleKeepAlive = (c: VolvoIdCredentials) =>
    schedule(KEEP_ALIVE_MS, () => {
      if (credentials !== c) return;
      logger.info('auth.keep-alive');
      refresh(c, null).catch(() => {});
    });

  const scheduleTestTokenExpiry = (c: TestTokenCredentials) =>
    schedule(c.expiresAt - clock.now(), () => {
      if (credentials !== c) return;
      if (clock.now() < c.expiresAt) scheduleTestTokenExpiry(c);
      else void expireTestToken(c);
    });

  /** Forgets the current credentials in memory; late results of work on them are ignored. */
  const dropCredentials = () => {
    generation++;
    credentials = null;
    inFlight = null;
    backoff = null;
    clearTimer();
  };

  /** Tokens leave the vault; client secret and API key stay (they are configuration). */
  const forgetTokens = (meta: SessionMeta) =>
    serially(async () => {
      await vault.delete('refreshToken');
      await vault.delete('accessToken');
      deps.meta.save(meta);
    });

  /** Ends the session with one state change, then deletes its tokens. */
  const endSession = async (status: 'signed-out' | 'expired', message: string | null) => {
    const ended = credentials;
    const mode = status === 'expired' ? state.mode : null;
    dropCredentials();
    setState({
      status,
      mode,
      tokenExpiresAt: status === 'expired' && ended?.kind === 'test-token' ? ended.expiresAt : null,
      message,
      commandsAllowed: true,
      findMyCarAllowed: false,
    });
    await forgetTokens({ version: 1, status, mode, apiVersion: state.apiVersion });
  };

  const expireTestToken = async (c: TestTokenCredentials) => {
    if (credentials !== c) return;
    logger.info('auth.test-token.expired');
    await endSession('expired', MESSAGES.testTokenExpired);
  };

  /** Stores new credentials (secrets first, durably), then makes them current. */
  const install = async (c: Credentials, apiVersion: ApiVersion) => {
    const gen = ++generation;
    inFlight = null;
    backoff = null;
    clearTimer();
    await serially(async () => {
      if (c.kind === 'volvo-id') {
        if (c.memoryOnly) {
          await vault.delete('refreshToken');
        } else {
          // Demo credentials belong to the simulator, not to the person's own Volvo app.
          if (c.mode === 'volvo-id' && c.client.clientSecret !== undefined) {
            await vault.set('clientSecret', c.client.clientSecret);
          }
          await vault.set('refreshToken', c.refreshToken);
        }
        await vault.delete('accessToken');
      } else {
        await vault.delete('refreshToken');
        if (c.memoryOnly) await vault.delete('accessToken');
        else await vault.set('accessToken', c.token);
      }
      deps.meta.save(metaFor(c, apiVersion));
    });
    if (gen !== generation) throw new AuthError('sign-in-failed', MESSAGES.superseded);
    credentials = c;
    if (c.kind === 'volvo-id') scheduleKeepAlive(c);
    else scheduleTestTokenExpiry(c);
    setState({
      status: 'signed-in',
      mode: c.kind === 'test-token' ? 'test-token' : c.mode,
      apiVersion,
      tokenExpiresAt: c.kind === 'test-token' ? c.expiresAt : null,
      message: signedInMessage(c),
      commandsAllowed: commandsAllowed(c),
      findMyCarAllowed: findMyCarAllowed(c),
    });
  };

  /** The current access token if it still works and is not the one just refused. */
  const usableAccess = (c: VolvoIdCredentials, rejected: string | null): string | null =>
    c.access && c.access.expiresAt > clock.now() && c.access.token !== rejected
      ? c.access.token
      : null;

  /** Single flight: every caller during a refresh shares its result. */
  const refresh = (c: VolvoIdCredentials, rejected: string | null): Promise<string> => {
    if (inFlight) return inFlight;
    if (backoff && backoff.notBefore > clock.now()) {
      const usable = usableAccess(c, rejected);
      return usable ? Promise.resolve(usable) : Promise.reject(backoff.error);
    }
    const run = runRefresh(c, generation, rejected);
    inFlight = run;
    const done = () => {
      if (inFlight === run) inFlight = null;
    };
    run.then(done, done);
    return run;
  };

  const runRefresh = async (
    c: VolvoIdCredentials,
    gen: number,
    rejected: string | null,
  ): Promise<string> => {
    logger.debug('auth.refresh.start', { mode: c.mode });
    let tokens: TokenSet;
    try {
      tokens = await refreshTokens(c.endpoints, c.client, ports, c.refreshToken);
    } catch (error) {
      if (gen !== generation) throw new AuthError('signed-out', MESSAGES.superseded);
      return refreshFailed(c, error, rejected);
    }
    if (gen !== generation) throw new AuthError('signed-out', MESSAGES.superseded);
    // Volvo rotates refresh tokens: the old one is already dead at the server. The new one must
    // be on disk before its access token reaches anyone, so a crash at any point loses nothing.
    const rotated = tokens.refreshToken ?? c.refreshToken;
    let message = signedInMessage(c);
    try {
      await serially(async () => {
        if (gen !== generation) return;
        const sessionOnly = memoryOnly();
        if (!sessionOnly) await vault.set('refreshToken', rotated);
        else if (!c.memoryOnly) await vault.delete('refreshToken');
        c.memoryOnly = sessionOnly;
      });
      message = signedInMessage(c);
    } catch (error) {
      // The rotated token is now the only one that works; using it beats losing the sign-in.
      logger.error('auth.vault.write-failed', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      message = MESSAGES.vaultWriteFailed;
    }
    if (gen !== generation) throw new AuthError('signed-out', MESSAGES.superseded);
    c.refreshToken = rotated;
    const expiresInSeconds = tokens.expiresInSeconds ?? DEFAULT_ACCESS_TOKEN_SECONDS;
    c.access = { token: tokens.accessToken, expiresAt: clock.now() + expiresInSeconds * 1000 };
    backoff = null;
    scheduleKeepAlive(c);
    // A refresh of the old credentials during a new sign-in must not end the "signing-in" state.
    if (state.status !== 'signing-in') setState({ status: 'signed-in', message });
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
      await endSession('expired', MESSAGES.expired);
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
    schedule(delay, () => {
      if (credentials === c) refresh(c, null).catch(() => {});
    });
    setState({ message });
    const usable = usableAccess(c, rejected);
    if (usable) return usable;
    throw authError;
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
    disposed = false;
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
        ports,
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
    disposed = false;
    const meta = loadSessionMeta(deps.meta, logger);
    dropCredentials();
    if (meta !== null && deps.restoreIssuer && !talksOnlyTo(meta, deps.restoreIssuer)) {
      logger.warn('auth.meta.foreign-issuer', { expected: deps.restoreIssuer });
      setState({ ...SIGNED_OUT, apiVersion: meta.apiVersion, message: MESSAGES.foreignIssuer });
      await forgetTokens({
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
    if (c?.kind === 'volvo-id') scheduleKeepAlive(c);
    else if (c?.kind === 'test-token') scheduleTestTokenExpiry(c);
    setState(saved.state);
    if (saved.forget !== null) await forgetTokens(saved.forget);
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
      disposed = false;
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
      return refresh(c, null);
    },
    async refreshAfterUnauthorized(rejected) {
      const c = credentials;
      if (c === null || c.kind === 'test-token') return null;
      // Another caller already replaced the refused token: retry with that, no second refresh.
      const newer = usableAccess(c, rejected);
      if (newer) return newer;
      logger.info('auth.unauthorized');
      try {
        return await refresh(c, rejected);
      } catch (error) {
        if (error instanceof AuthError && (error.kind === 'expired' || error.kind === 'signed-out'))
          return null;
        throw error;
      }
    },
    dispose() {
      disposed = true;
      cancelPendingSignIn('volvo-tray is closing, so the sign-in was cancelled.');
      // Work still under way (a refresh) finds its credentials gone and schedules nothing.
      dropCredentials();
    },
  };
}
