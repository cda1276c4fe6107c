import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignInAccess } from '../../../shared/contract';
import { type Simulator, startSimulator } from '../../../test-support/simulator';
import type { BrowserOpener, Fetch, SecretName } from '../ports';
import { FakeClock, flush } from '../testing/fake-clock';
import { recordingLogger } from '../testing/recording-logger';
import { createVehicleApi } from '../volvo/client';
import { AuthError } from './errors';
import { createRedirectFollower } from './redirect-follower';
import { createAuthSession } from './session';
import { freePort, memoryStore, type RecordingVault, recordingVault, until } from './test-support';
import { type AuthState, STATUS_SCOPES, type VolvoIdConfig } from './types';
import { volvoIdConfig } from './volvo-id';

const ACCESS_TTL_S = 299;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

let sim: Simulator;
let clock: FakeClock;
const cleanups: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  clock = new FakeClock();
  sim = await startSimulator({ clock, accessTokenTtlSeconds: ACCESS_TTL_S });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await sim.close();
});

interface NetworkOptions {
  /** Token endpoint calls fail as if offline. */
  offline?: boolean;
  /** Discovery answers 404, so the explicit endpoints are used. */
  noDiscovery?: boolean;
  /** Replaces the PKCE code_verifier sent with the code exchange. */
  forgeVerifier?: boolean;
}

/**
 * fetch as the session sees it, observing every secret on the wire (codes, verifiers, tokens,
 * Basic credentials) so a test can check none of them leaks into logs or state.
 */
function observingFetch(network: NetworkOptions) {
  const secrets = new Set<string>();
  const calls = { token: 0, refresh: 0, discovery: 0 };
  const requestBodies: URLSearchParams[] = [];
  const requestHeaders: Record<string, string>[] = [];
  const observed: Fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/.well-known/openid-configuration') {
      calls.discovery += 1;
      if (network.noDiscovery) return new Response('no discovery here', { status: 404 });
    }
    if (url.pathname === '/as/token.oauth2') {
      calls.token += 1;
      const body = init?.body instanceof URLSearchParams ? init.body : new URLSearchParams();
      if (body.get('grant_type') === 'refresh_token') calls.refresh += 1;
      for (const name of ['code', 'code_verifier', 'refresh_token']) {
        const value = body.get(name);
        if (value) secrets.add(value);
      }
      const headers = new Headers(init?.headers);
      const authorization = headers.get('authorization');
      if (authorization) secrets.add(authorization.replace(/^Basic /, ''));
      requestBodies.push(new URLSearchParams(body));
      requestHeaders.push(Object.fromEntries(headers));
      if (network.offline) throw new TypeError('fetch failed');
      if (network.forgeVerifier && body.has('code_verifier')) {
        body.set('code_verifier', 'x'.repeat(43));
      }
    }
    const response = await fetch(input, init);
    const location = response.headers.get('location');
    if (location) {
      const params = new URL(location, url).searchParams;
      for (const name of ['code', 'state']) {
        const value = params.get(name);
        if (value) secrets.add(value);
      }
    }
    if (url.pathname === '/as/token.oauth2') {
      const json: unknown = await response
        .clone()
        .json()
        .catch(() => null);
      if (json && typeof json === 'object') {
        for (const name of ['access_token', 'refresh_token'] as const) {
          const value: unknown = (json as Record<string, unknown>)[name];
          if (typeof value === 'string') secrets.add(value);
        }
      }
    }
    return response;
  };
  return { fetch: observed, secrets, calls, requestBodies, requestHeaders };
}

interface HarnessOptions {
  vault?: RecordingVault;
  meta?: ReturnType<typeof memoryStore>;
  browser?: BrowserOpener;
  allowPlaintext?: boolean;
  restoreIssuer?: string;
}

function harness(options: HarnessOptions = {}) {
  const network: NetworkOptions = {};
  const wire = observingFetch(network);
  const vault = options.vault ?? recordingVault();
  const meta = options.meta ?? memoryStore();
  const logger = recordingLogger();
  const opened: string[] = [];
  const browser = options.browser ?? createRedirectFollower(wire.fetch);
  const session = createAuthSession({
    fetch: wire.fetch,
    clock,
    vault,
    browser: {
      open: (url) => {
        opened.push(url);
        return browser.open(url);
      },
    },
    logger,
    allowPlaintextSecrets: () => options.allowPlaintext ?? false,
    meta,
    ...(options.restoreIssuer ? { restoreIssuer: options.restoreIssuer } : {}),
  });
  const states: AuthState[] = [];
  session.onChange((state) => states.push(state));
  cleanups.push(() => session.dispose());
  /** Lets every refresh the clock started finish before the next timer fires. */
  const settle = async () => {
    await flush();
    const started = () => logger.lines.filter((l) => l.includes('auth.refresh.start')).length;
    const ended = () =>
      logger.lines.filter((l) => /auth\.refresh\.(ok|failed|invalid-grant)/.test(l)).length;
    await until(() => started() === ended());
    await flush(10);
  };
  return { session, vault, meta, logger, wire, network, opened, states, settle };
}

function publicConfig(port = 0): VolvoIdConfig {
  return volvoIdConfig(sim.baseUrl, sim.publicClientId, undefined, port);
}

function confidentialConfig(port = 0): VolvoIdConfig {
  return volvoIdConfig(sim.baseUrl, sim.client.id, sim.client.secret, port);
}

/** A Connected Vehicle API call authorized with `token`. */
async function listVehicles(token: string): Promise<number> {
  const response = await fetch(`${sim.baseUrl}/connected-vehicle/v2/vehicles`, {
    headers: {
      authorization: `Bearer ${token}`,
      'vcc-api-key': sim.apiKey,
      accept: 'application/json',
    },
  });
  await response.text();
  return response.status;
}

/** Redeems a refresh token directly at the simulator, as an attacker replaying it would. */
async function redeem(refreshToken: string): Promise<{ status: number; error?: string }> {
  const response = await fetch(`${sim.baseUrl}/as/token.oauth2`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: sim.publicClientId,
    }),
  });
  const body = (await response.json()) as { error?: string };
  return { status: response.status, ...(body.error ? { error: body.error } : {}) };
}

function stored(vault: RecordingVault, name: SecretName): string | undefined {
  return vault.contents().get(name);
}

async function occupiedPort(): Promise<number> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  const address = blocker.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

describe('sign-in through the loopback redirect', () => {
  it('signs a public client in with PKCE (S256) at the registered port', async () => {
    const { session, vault, opened, states, wire } = harness();
    const port = await freePort();

    await session.signInWithVolvoId(publicConfig(port), 'volvo-id', 'v2');

    expect(session.state()).toEqual({
      status: 'signed-in',
      mode: 'volvo-id',
      apiVersion: 'v2',
      tokenExpiresAt: null,
      message: null,
      commandsAllowed: true,
      findMyCarAllowed: false,
    });
    expect(states.map((s) => s.status)).toEqual(['signing-in', 'signed-in']);
    const authorize = new URL(opened[0] ?? '');
    expect(authorize.origin + authorize.pathname).toBe(`${sim.baseUrl}/as/authorization.oauth2`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${port}/callback`);
    expect(authorize.searchParams.get('scope')?.split(' ')).toContain('conve:lock');
    expect(wire.calls.discovery).toBe(1);
    expect(sim.stats().grants.authorization_code).toBe(1);
    expect(stored(vault, 'refreshToken')).toBeTruthy();
    expect(stored(vault, 'clientSecret')).toBeUndefined();
    expect(await listVehicles(await session.accessToken())).toBe(200);
  });

  it('signs a confidential client in with HTTP Basic and keeps its secret in the vault', async () => {
    const { session, vault, wire } = harness();

    await session.signInWithVolvoId(confidentialConfig(), 'volvo-id', 'v1');

    expect(session.state()).toMatchObject({ status: 'signed-in', apiVersion: 'v1' });
    expect(wire.requestHeaders[0]?.authorization).toMatch(/^Basic /);
    expect(wire.requestBodies[0]?.has('client_secret')).toBe(false);
    expect(wire.requestBodies[0]?.get('code_verifier')).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    expect(stored(vault, 'clientSecret')).toBe(sim.client.secret);
    expect(await listVehicles(await session.accessToken())).toBe(200);
  });

  it('stays signed in for this run when the vault refuses the new sign-in, and says so', async () => {
    const refusing = recordingVault();
    refusing.set = () =>
      Promise.reject(
        Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
      );
    const { session, vault } = harness({ vault: refusing });

    await session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');

    expect(session.state()).toMatchObject({
      status: 'signed-in',
      message:
        'volvo-tray could not save your sign-in on this computer, so it lasts only until volvo-tray quits.',
    });
    expect(stored(vault, 'refreshToken')).toBeUndefined();
    expect(await listVehicles(await session.accessToken())).toBe(200);
  });

  it('fails when the PKCE verifier does not match: the server checks it', async () => {
    const { session, network, vault } = harness();
    network.forgeVerifier = true;

    await expect(session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2')).rejects.toThrow(
      'did not belong to this sign-in',
    );
    expect(session.state().status).toBe('signed-out');
    expect(session.state().message).toContain('Start the sign-in again');
    expect(sim.stats().grants.authorization_code).toBe(0);
    expect(stored(vault, 'refreshToken')).toBeUndefined();
  });

  it('uses the configured endpoints when discovery is not offered', async () => {
    const { session, network, logger } = harness();
    network.noDiscovery = true;

    await session.signInWithVolvoId(publicConfig(), 'demo', 'v2');

    expect(session.state()).toMatchObject({ status: 'signed-in', mode: 'demo' });
    expect(logger.lines.some((line) => line.includes('auth.discovery.fallback'))).toBe(true);
  });

  it('refuses a callback with the wrong state and closes the listener', async () => {
    let redirectUri = '';
    let forgedPage = '';
    const { session, vault } = harness({
      browser: {
        async open(url) {
          // An attacker's page sends the browser to the listener with its own code and state.
          redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
          const page = await fetch(`${redirectUri}?code=forged-code&state=forged-state`);
          forgedPage = await page.text();
        },
      },
    });

    await expect(session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2')).rejects.toThrow(
      'did not belong to the sign-in volvo-tray started',
    );
    await until(() => forgedPage !== '');
    expect(forgedPage).toContain('did not belong to the sign-in volvo-tray started');
    expect(forgedPage).toContain('You can close this tab and return to volvo-tray.');
    await expect(fetch(`${redirectUri}?code=again&state=again`)).rejects.toThrow();
    expect(sim.stats().grants.authorization_code).toBe(0);
    expect(session.state()).toMatchObject({ status: 'signed-out' });
    expect(session.state().message).toContain('Start the sign-in again.');
    expect(stored(vault, 'refreshToken')).toBeUndefined();
  });

  it('says so when access is denied on the sign-in page', async () => {
    const { session } = harness({
      browser: {
        async open(url) {
          const params = new URL(url).searchParams;
          const state = params.get('state') ?? '';
          await fetch(`${params.get('redirect_uri')}?error=access_denied&state=${state}`);
        },
      },
    });

    await expect(session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2')).rejects.toThrow(
      'Access was not granted on the Volvo ID sign-in page',
    );
  });

  describe('an app Volvo has not yet approved for lock and unlock', () => {
    const restricted = async () => {
      const server = await startSimulator({ clock, approvedScopes: STATUS_SCOPES });
      cleanups.push(() => server.close());
      return (access: SignInAccess) =>
        volvoIdConfig(server.baseUrl, server.publicClientId, undefined, 0, access);
    };

    it('a full sign-in fails with invalid_scope, and the words say what to do', async () => {
      const config = await restricted();
      const { session } = harness();
      const signIn = session.signInWithVolvoId(config('full'), 'volvo-id', 'v2');
      await expect(signIn).rejects.toThrow(
        'Volvo ID refused the sign-in because your app is not approved for some of the scopes volvo-tray asks for. Volvo ID said: The application is not approved for conve:lock conve:unlock.',
      );
      await expect(signIn).rejects.toThrow(
        'Tick "Status only" and sign in again, or ask Volvo to approve conve:lock and conve:unlock for your app (and conve:honk_flash if you ticked "Find my car", or untick it).',
      );
      expect(session.state().status).toBe('signed-out');
    });

    it('a status-only sign-in works, says it may not send commands, and keeps saying so after a restart', async () => {
      const config = await restricted();
      const vault = recordingVault();
      const meta = memoryStore();
      const { session } = harness({ vault, meta });
      await session.signInWithVolvoId(config('status-only'), 'volvo-id', 'v2');
      expect(session.state()).toMatchObject({ status: 'signed-in', commandsAllowed: false });
      session.dispose();
      const after = harness({
        vault: recordingVault('os-encrypted', vault.contents()),
        meta: memoryStore(meta.load()),
      });
      await after.session.restore();
      expect(after.session.state()).toMatchObject({ status: 'signed-in', commandsAllowed: false });
    });
  });

  it('a full sign-in Volvo approves may send commands', async () => {
    const { session } = harness();
    await session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    expect(session.state().commandsAllowed).toBe(true);
  });

  it('names the port when the redirect port is in use, before opening the browser', async () => {
    const { session, opened } = harness();
    const port = await occupiedPort();

    const attempt = session.signInWithVolvoId(publicConfig(port), 'volvo-id', 'v2');

    await expect(attempt).rejects.toThrow(`Port ${port} on this computer is already in use`);
    expect(opened).toEqual([]);
    expect(session.state().status).toBe('signed-out');
    expect(session.state().message).toContain(`Port ${port}`);
  });

  it('abandons a sign-in nobody finishes within 5 minutes', async () => {
    let redirectUri = '';
    const { session } = harness({
      browser: {
        async open(url) {
          redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
        },
      },
    });

    const attempt = session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    attempt.catch(() => {});
    await until(() => redirectUri !== '');
    expect(session.state().status).toBe('signing-in');
    await clock.advance(5 * 60_000);

    await expect(attempt).rejects.toThrow('not finished within 5 minutes');
    expect(session.state().status).toBe('signed-out');
    await expect(fetch(`${redirectUri}?code=late&state=late`)).rejects.toThrow();
  });

  it('a newer sign-in or a sign-out cancels a pending sign-in without its failure showing', async () => {
    const redirects: string[] = [];
    const { session } = harness({
      browser: {
        async open(url) {
          redirects.push(new URL(url).searchParams.get('redirect_uri') ?? '');
        },
      },
    });
    const first = session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    first.catch(() => {});
    await until(() => redirects.length === 1);
    const second = session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    second.catch(() => {});

    await expect(first).rejects.toThrow('A new sign-in was started, so this one was cancelled.');
    await until(() => redirects.length === 2);
    expect(session.state()).toMatchObject({ status: 'signing-in', message: null });

    await session.signOut();
    await expect(second).rejects.toThrow('You signed out, so the sign-in was cancelled.');
    await flush();
    expect(session.state()).toMatchObject({ status: 'signed-out', message: null });
    for (const redirectUri of redirects) {
      await expect(fetch(`${redirectUri}?code=late&state=late`)).rejects.toThrow();
    }
  });

  it('refuses a configuration with a bad field before anything starts', async () => {
    const { session, opened } = harness();
    await expect(
      session.signInWithVolvoId({ ...publicConfig(), redirectPort: 80 }, 'volvo-id', 'v2'),
    ).rejects.toThrow('between 1024 and 65535');
    expect(opened).toEqual([]);
    expect(session.state().status).toBe('signed-out');
  });
});

describe('token lifecycle', () => {
  it('rotates the refresh token and stores the new one before anyone gets the access token', async () => {
    const { session, vault } = harness();
    await session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    const first = await session.accessToken();
    const oldRefresh = stored(vault, 'refreshToken') ?? '';
    vault.events.length = 0;

    await clock.advance(ACCESS_TTL_S * 1000);
    const renewed = await session.accessToken().then((token) => {
      vault.events.push({ event: 'handed-out', value: token });
      return token;
    });

    expect(renewed).not.toBe(first);
    const newRefresh = stored(vault, 'refreshToken');
    expect(newRefresh).toBeTruthy();
    expect(newRefresh).not.toBe(oldRefresh);
    expect(vault.events.map((e) => ('name' in e ? `${e.event}:${e.name}` : e.event))).toEqual([
      'set:refreshToken',
      'handed-out',
    ]);
    expect(await redeem(oldRefresh)).toEqual({ status: 400, error: 'invalid_grant' });
    expect(await listVehicles(renewed)).toBe(200);
    expect(await listVehicles(first)).toBe(401);
  });

  it('refreshes ahead of expiry, not before', async () => {
    const { session, wire } = harness();
    await session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    const first = await session.accessToken();

    await clock.advance((ACCESS_TTL_S - 61) * 1000);
    expect(await session.accessToken()).toBe(first);
    expect(wire.calls.refresh).toBe(0);

    await clock.advance(2_000);
    expect(await session.accessToken()).not.toBe(first);
    expect(wire.calls.refresh).toBe(1);
  });

  it('lets 50 concurrent callers with an expired access token share exactly one refresh', async () => {
    const { session } = harness();
    await session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    const expired = await session.accessToken();
    await clock.advance(ACCESS_TTL_S * 1000 + 1);

    const tokens = await Promise.all(Array.from({ length: 50 }, () => session.accessToken()));

    expect(sim.stats().grants.refresh_token).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(expired);
    expect(await listVehicles(tokens[0] ?? '')).toBe(200);
  });

  it('lets 50 concurrent API calls through the real client share one refresh', async () => {
    const { session } = harness();
    await session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    const api = createVehicleApi({
      baseUrl: sim.baseUrl,
      version: 'v2',
      apiKey: sim.apiKey,
      tokens: session,
      clock,
    });
    await clock.advance(ACCESS_TTL_S * 1000 + 1);

    const lists = await Promise.all(Array.from({ length: 50 }, () => api.listVehicles()));

    expect(sim.stats().grants.refresh_token).toBe(1);
    expect(lists.every((vins) => vins.length === sim.vins.length)).toBe(true);
  });

  it('after a 401, refreshes at most once per refused token', async () => {
    const { session } = harness();
    await session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    const refused = await session.accessToken();

    const retries = await Promise.all(
      Array.from({ length: 20 }, () => session.refreshAfterUnauthorized(refused)),
    );
    expect(sim.stats().grants.refresh_token).toBe(1);
    expect(new Set(retries).size).toBe(1);
    expect(retries[0]).not.toBe(refused);

    // A late 401 for the old token: the session already has a newer one and does not refresh.
    expect(await session.refreshAfterUnauthorized(refused)).toBe(retries[0]);
    expect(sim.stats().grants.refresh_token).toBe(1);
    expect(await listVehicles(retries[0] ?? '')).toBe(200);
  });

  it('starts again signed in after a crash right after a refresh', async () => {
    const vault = recordingVault();
    const meta = memoryStore();
    const before = harness({ vault, meta });
    await before.session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    const signInRefresh = stored(vault, 'refreshToken');
    const crash: { vault?: Map<SecretName, string>; meta?: unknown } = {};
    vault.afterWrite = (event) => {
      if ('name' in event && event.name === 'refreshToken' && event.event === 'set') {
        // The process dies the moment the rotated token is durable.
        crash.vault = vault.contents();
        crash.meta = meta.load();
      }
    };
    await clock.advance(ACCESS_TTL_S * 1000);
    await before.session.accessToken();
    before.session.dispose();
    expect(crash.vault?.get('refreshToken')).toBeTruthy();
    expect(crash.vault?.get('refreshToken')).not.toBe(signInRefresh);

    const after = harness({
      vault: recordingVault('os-encrypted', crash.vault ?? []),
      meta: memoryStore(crash.meta),
    });
    await after.session.restore();

    expect(after.session.state()).toMatchObject({ status: 'signed-in', mode: 'volvo-id' });
    expect(after.wire.calls.token).toBe(0);
    const token = await after.session.accessToken();
    expect(await listVehicles(token)).toBe(200);
    expect(sim.stats().grants.refresh_token).toBe(2);
  });

  it.each(['wrong-audience', 'expired', 'bad-signature'] as const)(
    'an id_token that fails validation (%s) on refresh costs nothing: signed in, the rotated refresh token saved, still signed in after a restart',
    async (fault) => {
      const vault = recordingVault();
      const meta = memoryStore();
      const { session, logger } = harness({ vault, meta });
      await session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
      const signInRefresh = stored(vault, 'refreshToken') ?? '';
      sim.setIdTokenFault(fault);
      await clock.advance(ACCESS_TTL_S * 1000);

      const renewed = await session.accessToken();
      expect(session.state()).toMatchObject({ status: 'signed-in', message: null });
      expect(await listVehicles(renewed)).toBe(200);
      const rotated = stored(vault, 'refreshToken');
      expect(rotated).toBeTruthy();
      expect(rotated).not.toBe(signInRefresh);
      // Volvo ID has rotated the old token out: only the saved one works now.
      expect(await redeem(signInRefresh)).toEqual({ status: 400, error: 'invalid_grant' });
      if (fault !== 'bad-signature') {
        expect(logger.lines.some((line) => line.includes('could not validate'))).toBe(true);
      }
      session.dispose();

      const after = harness({
        vault: recordingVault('os-encrypted', vault.contents()),
        meta: memoryStore(meta.load()),
      });
      await after.session.restore();
      expect(after.session.state()).toMatchObject({ status: 'signed-in', mode: 'volvo-id' });
      expect(await listVehicles(await after.session.accessToken())).toBe(200);
    },
  );

  it('ends in "expired" once when Volvo ID answers invalid_grant, without a retry storm', async () => {
    const vault = recordingVault('os-encrypted', [['apiKey', sim.apiKey]]);
    const meta = memoryStore();
    const { session, states, wire } = harness({ vault, meta });
    await session.signInWithVolvoId(confidentialConfig(), 'volvo-id', 'v2');
    const old = await session.accessToken();
    states.length = 0;
    sim.revokeRefreshTokens();
    await clock.advance(ACCESS_TTL_S * 1000);

    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 10 }, () => session.accessToken()),
      ...Array.from({ length: 5 }, () => session.refreshAfterUnauthorized(old)),
    ]);

    expect(wire.calls.refresh).toBe(1);
    expect(states).toHaveLength(1);
    expect(states[0]).toMatchObject({ status: 'expired', mode: 'volvo-id' });
    expect(states[0]?.message).toBe('Your Volvo sign-in has expired. Sign in again in Settings.');
    for (const outcome of outcomes.slice(0, 10)) {
      expect(outcome.status).toBe('rejected');
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(AuthError);
    }
    expect(
      outcomes.slice(10).map((o) => (o.status === 'fulfilled' ? o.value : 'rejected')),
    ).toEqual([null, null, null, null, null]);
    expect(stored(vault, 'refreshToken')).toBeUndefined();
    expect(stored(vault, 'clientSecret')).toBe(sim.client.secret);
    expect(stored(vault, 'apiKey')).toBe(sim.apiKey);

    await expect(session.accessToken()).rejects.toThrow('Sign in again');
    await clock.advance(3 * DAY);
    expect(wire.calls.refresh).toBe(1);
    expect(states).toHaveLength(1);

    const restarted = harness({ vault, meta });
    await restarted.session.restore();
    expect(restarted.session.state()).toMatchObject({ status: 'expired', mode: 'volvo-id' });
  });

  it('refreshes at least daily while signed in, so the 7-day idle expiry never bites', async () => {
    const { session, settle, wire } = harness();
    await session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');

    await clock.advance(DAY, settle);
    expect(wire.calls.refresh).toBeGreaterThanOrEqual(1);

    await clock.advance(7 * DAY, settle);
    expect(wire.calls.refresh).toBeGreaterThanOrEqual(8);
    expect(session.state()).toMatchObject({ status: 'signed-in', message: null });
    expect(await listVehicles(await session.accessToken())).toBe(200);
  });

  it('after dispose, a restore keeps the sign-in alive again (the app stopped and started)', async () => {
    const { session, settle, wire } = harness();
    await session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    session.dispose();
    expect(clock.pending()).toBe(0);

    await session.restore();
    expect(session.state()).toMatchObject({ status: 'signed-in', mode: 'volvo-id' });
    await clock.advance(8 * DAY, settle);
    expect(wire.calls.refresh).toBeGreaterThanOrEqual(8);
    expect(session.state()).toMatchObject({ status: 'signed-in', message: null });
    expect(await listVehicles(await session.accessToken())).toBe(200);
  });

  it('keeps the sign-in through a network outage and retries with backoff', async () => {
    const { session, network, vault, wire, settle } = harness();
    await session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    await clock.advance(ACCESS_TTL_S * 1000);
    network.offline = true;

    await expect(session.accessToken()).rejects.toThrow(
      'Could not reach Volvo ID to renew your sign-in. volvo-tray will try again in 15 s.',
    );
    expect(session.state()).toMatchObject({ status: 'signed-in' });
    expect(stored(vault, 'refreshToken')).toBeTruthy();
    // Callers during the backoff get the same answer without hammering Volvo ID.
    await expect(session.accessToken()).rejects.toThrow('try again in 15 s');
    expect(wire.calls.refresh).toBe(1);

    await clock.advance(15_000, settle);
    expect(wire.calls.refresh).toBe(2);
    expect(session.state().message).toContain('try again in 30 s');

    network.offline = false;
    await clock.advance(30_000, settle);
    expect(wire.calls.refresh).toBe(3);
    expect(session.state()).toMatchObject({ status: 'signed-in', message: null });
    expect(await listVehicles(await session.accessToken())).toBe(200);
    expect(wire.calls.refresh).toBe(3);
  });

  it('restores only a sign-in whose saved endpoints are on the trusted issuer', async () => {
    const vault = recordingVault();
    const meta = memoryStore();
    const first = harness({ vault, meta });
    await first.session.signInWithVolvoId(confidentialConfig(), 'volvo-id', 'v2');
    first.session.dispose();
    const saved = { vault: vault.contents(), meta: meta.load() };

    // Its own issuer: restored as usual.
    const trusting = harness({ vault, meta, restoreIssuer: sim.baseUrl });
    await trusting.session.restore();
    expect(trusting.session.state()).toMatchObject({ status: 'signed-in', mode: 'volvo-id' });
    trusting.session.dispose();

    // The saved facts name another server than the app trusts (as an edited state file would):
    // neither the refresh token nor the client secret goes there.
    const edited = harness({
      vault: recordingVault('os-encrypted', saved.vault),
      meta: memoryStore(saved.meta),
      restoreIssuer: 'https://volvoid.eu.volvocars.com',
    });
    await edited.session.restore();
    expect(edited.session.state()).toMatchObject({ status: 'signed-out', mode: null });
    expect(edited.session.state().message).toContain('other than Volvo ID');
    await expect(edited.session.accessToken()).rejects.toThrow('You are not signed in.');
    expect(edited.wire.calls.token).toBe(0);
    expect(stored(edited.vault, 'refreshToken')).toBeUndefined();
  });

  it('keeps the sign-in when Volvo ID refuses the client secret, and says what to check', async () => {
    const vault = recordingVault();
    const meta = memoryStore();
    const first = harness({ vault, meta });
    await first.session.signInWithVolvoId(confidentialConfig(), 'volvo-id', 'v2');
    first.session.dispose();
    await vault.set('clientSecret', 'not-the-secret');

    const { session } = harness({ vault, meta });
    await session.restore();
    await expect(session.accessToken()).rejects.toThrow(
      'Volvo ID did not accept the client id or client secret of your Volvo developer app (invalid_client). Check them in Settings.',
    );
    expect(session.state().status).toBe('signed-in');
    expect(stored(vault, 'refreshToken')).toBeTruthy();
  });

  it('keeps the refresh token in memory only on an unencrypted vault, and says so', async () => {
    const vault = recordingVault('plaintext');
    const meta = memoryStore();
    const { session } = harness({ vault, meta });
    await session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');

    expect(session.state().message).toContain('kept only until volvo-tray quits');
    expect(vault.events.filter((e) => e.event === 'set')).toEqual([]);
    await clock.advance(ACCESS_TTL_S * 1000);
    expect(await listVehicles(await session.accessToken())).toBe(200);
    expect(vault.events.filter((e) => e.event === 'set')).toEqual([]);

    const restarted = harness({ vault, meta });
    await restarted.session.restore();
    expect(restarted.session.state()).toMatchObject({ status: 'signed-out' });
    expect(restarted.session.state().message).toContain('Sign in again');
  });

  it('stores the refresh token on an unencrypted vault when the person allows it', async () => {
    const vault = recordingVault('plaintext');
    const { session } = harness({ vault, allowPlaintext: true });
    await session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    expect(stored(vault, 'refreshToken')).toBeTruthy();
    expect(session.state().message).toBeNull();
  });

  it('takes the refresh token off an unencrypted disk when the person withdraws consent', async () => {
    const vault = recordingVault('plaintext');
    const meta = memoryStore();
    const allowed = harness({ vault, meta, allowPlaintext: true });
    await allowed.session.signInWithVolvoId(publicConfig(), 'volvo-id', 'v2');
    allowed.session.dispose();

    const { session } = harness({ vault, meta, allowPlaintext: false });
    await session.restore();

    expect(session.state()).toMatchObject({ status: 'signed-in' });
    expect(session.state().message).toContain('kept only until volvo-tray quits');
    expect(stored(vault, 'refreshToken')).toBeUndefined();
    expect(await listVehicles(await session.accessToken())).toBe(200);
    expect(stored(vault, 'refreshToken')).toBeUndefined();
  });

  it('signs out: forgets the tokens, keeps the client secret and API key', async () => {
    const vault = recordingVault('os-encrypted', [['apiKey', 'the-api-key']]);
    const { session } = harness({ vault });
    await session.signInWithVolvoId(confidentialConfig(), 'volvo-id', 'v2');
    const token = await session.accessToken();

    await session.signOut();

    expect(session.state()).toEqual({
      status: 'signed-out',
      mode: null,
      apiVersion: 'v2',
      tokenExpiresAt: null,
      message: null,
      commandsAllowed: true,
      findMyCarAllowed: false,
    });
    expect([...vault.contents().keys()].sort()).toEqual(['apiKey', 'clientSecret']);
    await expect(session.accessToken()).rejects.toThrow('You are not signed in.');
    expect(await session.refreshAfterUnauthorized(token)).toBeNull();
  });
});

describe('test access tokens', () => {
  function jwt(claims: Record<string, unknown>): string {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'RS256' })}.${part(claims)}.c2ln`;
  }

  it('uses an opaque token for 60 minutes, never refreshes it, then asks for a new one', async () => {
    const { session, wire } = harness();
    const token = sim.issueAccessToken();

    await session.useTestToken(token, 'v2');

    expect(session.state()).toMatchObject({
      status: 'signed-in',
      mode: 'test-token',
      tokenExpiresAt: clock.now() + 60 * 60_000,
    });
    expect(session.state().message).toContain('paste a new one when it expires');
    expect(await session.accessToken()).toBe(token);
    expect(await listVehicles(token)).toBe(200);
    expect(await session.refreshAfterUnauthorized(token)).toBeNull();

    await clock.advance(60 * 60_000);
    expect(session.state().status).toBe('expired');
    expect(session.state().message).toContain('Get a new one from the Volvo developer portal');
    await expect(session.accessToken()).rejects.toThrow('Your test access token has expired.');
    expect(wire.calls.token).toBe(0);
  });

  it('takes the expiry of a JWT test token from its exp claim, also after a restart', async () => {
    const vault = recordingVault();
    const meta = memoryStore();
    const { session } = harness({ vault, meta });
    const exp = Math.floor(clock.now() / 1000) + 20 * 60;

    await session.useTestToken(jwt({ exp }), 'v1');
    expect(session.state()).toMatchObject({ tokenExpiresAt: exp * 1000, apiVersion: 'v1' });

    const restarted = harness({ vault, meta });
    await restarted.session.restore();
    expect(restarted.session.state()).toMatchObject({
      status: 'signed-in',
      mode: 'test-token',
      apiVersion: 'v1',
      tokenExpiresAt: exp * 1000,
    });
    expect(await restarted.session.accessToken()).toBe(jwt({ exp }));

    await clock.advance(20 * 60_000);
    expect(restarted.session.state().status).toBe('expired');
    expect(stored(vault, 'accessToken')).toBeUndefined();
  });

  it('refuses a pasted text that is not a token, changing nothing', async () => {
    const { session, states } = harness();
    await expect(session.useTestToken('not a token', 'v2')).rejects.toThrow(
      'does not look like an access token',
    );
    expect(states).toEqual([]);
  });
});

describe('secrets', () => {
  it('never logs a token, code, verifier, state or secret, nor shows one in state', async () => {
    const vault = recordingVault();
    const meta = memoryStore();
    const { session, logger, wire, states } = harness({ vault, meta });

    await session.signInWithVolvoId(confidentialConfig(), 'volvo-id', 'v2');
    const first = await session.accessToken();
    await session.refreshAfterUnauthorized(first);
    await clock.advance(ACCESS_TTL_S * 1000);
    await session.accessToken();
    sim.revokeRefreshTokens();
    await clock.advance(ACCESS_TTL_S * 1000);
    await session.accessToken().catch(() => {});
    const testToken = sim.issueAccessToken();
    await session.useTestToken(testToken, 'v2');
    await session.signOut();

    const secrets = [...wire.secrets, sim.client.secret, testToken];
    expect(secrets.length).toBeGreaterThan(8);
    const visible = [logger.lines.join('\n'), JSON.stringify(states), JSON.stringify(meta.saved)];
    for (const secret of secrets) {
      for (const text of visible) expect(text).not.toContain(secret);
    }
    expect(logger.lines.length).toBeGreaterThan(5);
  });
});
