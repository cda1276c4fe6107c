import { afterEach, expect, test } from 'vitest';
import { MESSAGES } from '../../../shared/words/sign-in';
import { loopbackOnlyFetch } from '../../../test-support/scenario';
import {
  activityTexts,
  CAR,
  OTHER,
  scenarioStarter,
  vehicleView as view,
} from '../../../test-support/scenario-suite';
import { type Simulator, startSimulator } from '../../../test-support/simulator';
import { createRedirectFollower } from '../auth/redirect-follower';
import { createAuthSession } from '../auth/session';
import { STATUS_SCOPES } from '../auth/types';
import { volvoIdConfig } from '../auth/volvo-id';
import { type Fetch, silentLogger } from '../ports';
import { FakeClock } from '../testing/fake-clock';
import { memoryJsonStore, memoryVault } from './memory-ports';

/** Sign-in, API versions, odd answers and settings, as the popover shows them. */

const MINUTE = 60_000;

const start = scenarioStarter();

/** The state an earlier run left after signing in with the person's own Volvo app at `issuer`. */
function savedVolvoIdSignIn(issuer: string, { confidential }: { confidential: boolean }) {
  return {
    auth: {
      version: 1,
      status: 'signed-in',
      mode: 'volvo-id',
      apiVersion: 'v2',
      volvoId: {
        endpoints: {
          issuer,
          authorizationEndpoint: `${issuer}/as/authorization.oauth2`,
          tokenEndpoint: `${issuer}/as/token.oauth2`,
        },
        clientId: 'my-volvo-app',
        confidential,
        redirectPort: 8765,
        scopes: ['openid'],
      },
    },
  };
}

test('a first start with no credentials signs in to the demo car through the real OAuth code', async () => {
  const scenario = await start();
  const snapshot = scenario.service.snapshot();
  expect(snapshot.signIn).toMatchObject({ state: 'signed-in', mode: 'demo' });
  expect(snapshot.vehicles.map((vehicle) => [vehicle.vin, vehicle.name, vehicle.summary])).toEqual([
    [CAR, 'XC40 2023 · 000001', 'locked'],
    [OTHER, 'V60 2022 · 000002', 'locked'],
  ]);
  expect(snapshot.selectedVin).toBe(CAR);
  expect(view(scenario).capabilities.lockReducedGuard).toBe(true);
  expect(view(scenario, OTHER).capabilities.lockReducedGuard).toBe(false);
  expect(scenario.sim().stats().grants.authorization_code).toBe(1);
  expect(snapshot.quota.usedToday).toBe(scenario.apiRequests().length);
  await expect(scenario.service.intents.lock(OTHER, { reducedGuard: true })).rejects.toThrow(
    /does not support locking with reduced guard/,
  );
});

test('lock with reduced guard on a car that has it', async () => {
  const scenario = await start();
  scenario.sim().vehicle(CAR).setLock('UNLOCKED');
  await scenario.service.intents.lock(CAR, { reducedGuard: true });
  await scenario.http.idle();
  expect(
    scenario.http.requests.filter((request) =>
      request.url.pathname.endsWith('/commands/lock-reduced-guard'),
    ),
  ).toHaveLength(1);
  expect(view(scenario).command.last).toMatchObject({ command: 'lock-reduced-guard', ok: true });
  expect(view(scenario).lock?.value).toBe('LOCKED');
});

test('v1: a lock follows async.href to the final status, with each step in words', async () => {
  const scenario = await start({ settings: { connection: { apiVersion: 'v1' } } });
  scenario.sim().vehicle(CAR).setLock('UNLOCKED');
  await scenario.service.intents.refresh();
  const shown: string[] = [];
  scenario.service.onSnapshot((snapshot) => {
    const car = snapshot.vehicles.find((vehicle) => vehicle.vin === CAR);
    const line = car?.command.inProgress?.message ?? car?.command.last?.message;
    if (line !== undefined && line !== shown.at(-1)) shown.push(line);
  });
  const locking = scenario.service.intents.lock(CAR);
  await scenario.http.idle();
  expect(view(scenario).command.inProgress?.message).toBe(
    'Locking… Volvo has the request and is passing it to the car',
  );
  await scenario.advance(10_000);
  await locking;
  expect(shown).toEqual([
    'Checking the doors before locking…',
    'Locking… waiting for the car',
    'Locking… Volvo has the request and is passing it to the car',
    'Locking… the car is locking',
    'The car is locked.',
  ]);
  expect(view(scenario).command.last).toMatchObject({
    command: 'lock',
    status: 'COMPLETED',
    ok: true,
  });
  expect(view(scenario).lock?.value).toBe('LOCKED');
  expect(
    scenario.http.requests.some((request) =>
      request.url.pathname.startsWith('/connected-vehicle/v1/'),
    ),
  ).toBe(true);
});

test('when Volvo ends the sign-in: one notification, polling stops, the popover says signed out', async () => {
  const scenario = await start();
  scenario.sim().revokeRefreshTokens();
  await scenario.advance(20 * MINUTE);
  const snapshot = scenario.service.snapshot();
  expect(snapshot.signIn.state).toBe('expired');
  expect(view(scenario).freshness.state).toBe('signed-out');
  const signInAlerts = scenario.deps.notifier.shown.filter((shown) =>
    shown.id.includes(':sign-in-expired:'),
  );
  expect(signInAlerts).toHaveLength(1);
  const requestsAfter = scenario.http.requests.length;
  await scenario.advance(2 * 60 * MINUTE);
  expect(scenario.http.requests.length).toBe(requestsAfter);
  expect(await activityTexts(scenario)).toContainEqual(
    expect.stringMatching(/sign-in has expired/i),
  );

  // Signing in again clears it.
  await scenario.service.intents.signIn({ mode: 'demo' });
  await scenario.http.idle();
  expect(scenario.service.snapshot().signIn.state).toBe('signed-in');
  expect(view(scenario).alerts).toEqual([]);
});

test('a failed sign-in leaves the car watched as before and says what went wrong', async () => {
  const scenario = await start();
  const { intents } = scenario.service;
  const apiKey = 'abcdefghijklmnopqrstuvwxyz012345';
  await expect(
    intents.signIn({ mode: 'test-token', accessToken: 'not a token', apiKey, apiVersion: 'v2' }),
  ).rejects.toThrow('does not look like an access token');
  // This host has no browser to open Volvo ID's sign-in page in.
  await expect(
    intents.signIn({
      mode: 'volvo-id',
      clientId: 'my-volvo-app',
      clientSecret: '',
      apiKey,
      redirectPort: 0,
      apiVersion: 'v2',
    }),
  ).rejects.toThrow('could not open the Volvo ID sign-in page');

  const snapshot = scenario.service.snapshot();
  expect(snapshot.signIn).toMatchObject({ state: 'signed-in', mode: 'demo' });
  expect(snapshot.lastError).toMatch(/could not open the Volvo ID sign-in page/);
  expect((await intents.getSettings()).connection.mode).toBe('demo');
  // Still watching the demo car: a door opened now shows up at the next check.
  scenario.sim().vehicle(CAR).setDoor('tailgate', 'OPEN');
  await scenario.advance(10 * MINUTE);
  expect(view(scenario).doors?.tailgate?.value).toBe('OPEN');
  expect(view(scenario).freshness.state).toBe('live');
});

const API_KEY = 'abcdefghijklmnopqrstuvwxyz012345';

/** A fetch for which Volvo's API (api.volvocars.com) is `account`, a simulator on this computer. */
function volvoAt(account: Simulator): Fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    return url.hostname === 'api.volvocars.com'
      ? loopbackOnlyFetch(`${account.baseUrl}${url.pathname}${url.search}`, init)
      : loopbackOnlyFetch(input, init);
  };
}

/**
 * A scenario whose "Volvo" (api.volvocars.com, where a test token's requests go) is a second
 * simulator on this computer: another account, reached once the app leaves the demo.
 */
async function startWithAccount(options: { vins?: string[] } = {}) {
  const clock = new FakeClock();
  const account = await startSimulator({ clock, ...options });
  closeAfterTest.push(account);
  const fetch = volvoAt(account);
  const scenario = await start({ clock, fetch });
  const connect = async () => {
    await scenario.service.intents.signIn({
      mode: 'test-token',
      accessToken: account.issueAccessToken(),
      apiKey: account.apiKey,
      apiVersion: 'v2',
    });
    await scenario.http.idle();
  };
  return { scenario, account, connect };
}

const closeAfterTest: Simulator[] = [];
afterEach(async () => {
  await Promise.all(closeAfterTest.splice(0).map((simulator) => simulator.close()));
});

test('connecting with a test token drops the demo cars, even before the new account lists any', async () => {
  const scenario = await start();
  await scenario.service.intents.signIn({
    mode: 'test-token',
    accessToken: 'a-test-access-token-from-the-portal',
    apiKey: API_KEY,
    apiVersion: 'v2',
  });
  await scenario.http.idle();
  const snapshot = scenario.service.snapshot();
  expect(snapshot.signIn).toMatchObject({ state: 'signed-in', mode: 'test-token' });
  // Nothing answers at Volvo from here: no cars yet, and the popover says why.
  expect(snapshot.vehicles).toEqual([]);
  expect(snapshot.selectedVin).toBeNull();
  expect(snapshot.lastError).toMatch(/^Could not list the cars on this Volvo ID: /);
});

test("a new connection listing the same VINs shows none of the old one's outcomes, alerts or unlock window", async () => {
  const { scenario, connect } = await startWithAccount();
  const { intents } = scenario.service;
  const demoCar = scenario.sim().vehicle(CAR);
  demoCar.setLock('UNLOCKED');
  demoCar.setDoor('rearLeft', 'OPEN');
  await intents.refresh();
  await intents.lock(CAR);
  await scenario.advance(6 * MINUTE);
  expect(view(scenario).alerts.map((alert) => alert.rule)).toContain('door-open');
  const { token } = await intents.prepareUnlock(OTHER);
  await intents.unlock(OTHER, token);
  await scenario.http.idle();
  expect(view(scenario, OTHER).command.unlockWindowUntil).not.toBeNull();

  await connect();

  const snapshot = scenario.service.snapshot();
  expect(snapshot.signIn).toMatchObject({ state: 'signed-in', mode: 'test-token' });
  for (const vin of [CAR, OTHER]) {
    const car = view(scenario, vin);
    // The account's own car: locked and closed, as its simulator has it.
    expect(car.summary).toBe('locked');
    expect(car.alerts).toEqual([]);
    expect(car.command).toEqual({ inProgress: null, last: null, unlockWindowUntil: null });
  }
});

test("cars chosen to watch in the demo do not keep the new account's cars from being watched", async () => {
  const mine = 'YV1LFA2BCJ1234567';
  const { scenario, account, connect } = await startWithAccount({ vins: [mine] });
  await scenario.service.intents.updateSettings({ watchedVins: [OTHER] });
  await connect();
  expect(scenario.service.snapshot().selectedVin).toBe(mine);
  expect(view(scenario, mine).watched).toBe(true);
  // ...and watched it is: a door opened now shows at the next check.
  account.vehicle(mine).setDoor('tailgate', 'OPEN');
  await scenario.service.intents.refresh();
  expect(view(scenario, mine).doors?.tailgate?.value).toBe('OPEN');
});

test('signing out after the sign-in expired does not claim to be signed in again', async () => {
  const scenario = await start({ settings: { alerts: { notifyCleared: true } } });
  scenario.sim().revokeRefreshTokens();
  await scenario.advance(20 * MINUTE);
  expect(scenario.service.snapshot().signIn.state).toBe('expired');

  await scenario.service.intents.signOut();

  const titles = scenario.deps.notifier.shown.map((shown) => shown.title);
  expect(titles).toEqual(['Sign in to Volvo again']);
  expect(scenario.service.snapshot().signIn.state).toBe('signed-out');
});

test('a saved sign-in without its API key asks to sign in again instead of showing nothing', async () => {
  const vault = memoryVault('os-encrypted');
  await vault.set('refreshToken', 'a-refresh-token-saved-by-an-earlier-run');
  const issuer = 'https://volvoid.eu.volvocars.com';
  const scenario = await start({
    vault,
    settings: { connection: { mode: 'volvo-id', clientId: 'my-volvo-app' } },
    state: savedVolvoIdSignIn(issuer, { confidential: false }),
  });
  const snapshot = scenario.service.snapshot();
  expect(snapshot.signIn.state).toBe('signed-out');
  expect(snapshot.lastError).toBe(
    'The saved VCC API key could not be found, so volvo-tray is signed out. Sign in again.',
  );
  expect(await vault.get('refreshToken')).toBeUndefined();
  expect(scenario.http.requests).toEqual([]);
});

test('a saved sign-in whose endpoints were edited to another server is not used', async () => {
  const vault = memoryVault('os-encrypted');
  await vault.set('refreshToken', 'a-refresh-token-saved-by-an-earlier-run');
  await vault.set('clientSecret', 'the-client-secret-of-my-volvo-app');
  await vault.set('apiKey', 'abcdefghijklmnopqrstuvwxyz012345');
  const elsewhere = 'https://volvoid.eu.volvocars.com.example.net';
  const scenario = await start({
    vault,
    settings: { connection: { mode: 'volvo-id', clientId: 'my-volvo-app' } },
    state: savedVolvoIdSignIn(elsewhere, { confidential: true }),
  });
  await scenario.advance(10 * MINUTE);
  const snapshot = scenario.service.snapshot();
  expect(snapshot.signIn.state).toBe('signed-out');
  expect(snapshot.signIn.message).toMatch(/other than Volvo ID/);
  expect(await vault.get('refreshToken')).toBeUndefined();
  expect(scenario.http.requests).toEqual([]);
});

test('values the app does not know show as unknown, never as closed or locked', async () => {
  const scenario = await start();
  scenario.sim().setFault({ kind: 'unknown-values' });
  await scenario.service.intents.refresh();
  const car = view(scenario);
  expect(car.summary).toBe('unknown');
  expect(car.lock?.value).toBe('UNKNOWN');
  expect(car.doors?.frontLeft).toMatchObject({ value: 'UNKNOWN', reported: 'HALF_OPEN' });
  expect(await activityTexts(scenario)).toContain(
    'Front left door: the car reported "HALF_OPEN", which volvo-tray does not know',
  );
});

test('a broken settings file is repaired key by key and the problem is shown', async () => {
  const scenario = await start({
    settings: { polling: { slowSeconds: 'often' }, shortcut: 'Alt+K' },
  });
  const snapshot = scenario.service.snapshot();
  expect(snapshot.settingsProblems).toEqual([expect.stringContaining('polling.slowSeconds')]);
  expect(snapshot.shortcut.accelerator).toBe('Alt+K');
  expect((await scenario.service.intents.getSettings()).polling.slowSeconds).toBe(300);
});

test('only the chosen cars are watched; selection is kept', async () => {
  const scenario = await start();
  await scenario.service.intents.updateSettings({ watchedVins: [OTHER] });
  await scenario.service.intents.selectVehicle(OTHER);
  const before = scenario.apiRequests(CAR).length;
  await scenario.advance(60 * MINUTE);
  expect(scenario.apiRequests(CAR).length).toBe(before);
  expect(view(scenario).watched).toBe(false);
  expect(scenario.service.snapshot().selectedVin).toBe(OTHER);
  expect(scenario.settings.saved.at(-1)).toMatchObject({
    selectedVin: OTHER,
    watchedVins: [OTHER],
  });
  await expect(scenario.service.intents.selectVehicle('YV1XZK9V2PA999999')).rejects.toThrow(
    /no car with VIN/,
  );
});

test('sign out forgets the cars, stops all traffic and leaves no secret behind', async () => {
  const vault = memoryVault('os-encrypted');
  // What a sign-in with the person's own Volvo app left in the vault.
  await vault.set('clientSecret', 'the-client-secret-of-my-volvo-app');
  await vault.set('apiKey', 'abcdefghijklmnopqrstuvwxyz012345');
  const scenario = await start({ vault });
  await scenario.service.intents.signOut();
  for (const name of ['refreshToken', 'accessToken', 'clientSecret', 'apiKey'] as const) {
    expect(await vault.get(name)).toBeUndefined();
  }
  const snapshot = scenario.service.snapshot();
  expect(snapshot.signIn.state).toBe('signed-out');
  expect(snapshot.vehicles).toEqual([]);
  const after = scenario.http.requests.length;
  await scenario.advance(60 * MINUTE);
  expect(scenario.http.requests.length).toBe(after);
  await expect(scenario.service.intents.refresh()).rejects.toThrow('Sign in to Volvo first.');
});

test('after signing out, the next start stays signed out until demo mode is chosen again', async () => {
  const stateStore = memoryJsonStore<unknown>();
  const first = await start({ stateStore });
  expect(first.service.snapshot().signIn.state).toBe('signed-in');
  await first.service.intents.signOut();
  await first.service.stop();

  const second = await start({ stateStore });
  expect(second.service.snapshot().signIn.state).toBe('signed-out');
  expect(second.service.snapshot().vehicles).toEqual([]);
  await second.service.intents.signIn({ mode: 'demo' });
  expect(second.service.snapshot().signIn.state).toBe('signed-in');
  await second.service.stop();

  const third = await start({ stateStore });
  expect(third.service.snapshot().signIn.state).toBe('signed-in');
});

test('a status-only sign-in (an app Volvo has not approved for commands): status and alerts work, Lock and the shortcut say why not, in words', async () => {
  const clock = new FakeClock();
  const account = await startSimulator({ clock, approvedScopes: STATUS_SCOPES });
  closeAfterTest.push(account);
  const fetch = volvoAt(account);
  const vault = memoryVault();
  await vault.set('apiKey', account.apiKey);
  const auth = createAuthSession({
    fetch,
    clock,
    vault,
    browser: createRedirectFollower(fetch),
    logger: silentLogger,
    allowPlaintextSecrets: () => false,
    meta: memoryJsonStore<unknown>(),
  });
  await auth.signInWithVolvoId(
    volvoIdConfig(account.baseUrl, account.publicClientId, undefined, 0, 'status-only'),
    'volvo-id',
    'v2',
  );
  const scenario = await start({
    clock,
    fetch,
    vault,
    auth,
    settings: {
      connection: {
        mode: 'volvo-id',
        apiVersion: 'v2',
        clientId: account.publicClientId,
        redirectPort: 8765,
        access: 'status-only',
      },
    },
  });
  await scenario.http.idle();
  const snapshot = scenario.service.snapshot();
  expect(snapshot.signIn).toMatchObject({ state: 'signed-in', mode: 'volvo-id' });
  expect(snapshot.signIn.commandsRefused).toBe(MESSAGES.statusOnly);

  // Status and alerts: a door left open is seen and notified.
  account.vehicle(CAR).setLock('UNLOCKED');
  account.vehicle(CAR).setDoor('rearLeft', 'OPEN');
  await scenario.service.intents.refresh();
  expect(view(scenario).doors?.rearLeft?.value).toBe('OPEN');
  await scenario.advance(6 * MINUTE);
  expect(scenario.deps.notifier.shown.some((shown) => shown.id.includes(':door-open:'))).toBe(true);

  // Lock and the shortcut refuse in words, and send nothing.
  const commandsBefore = account.stats().apiRequests;
  await expect(scenario.service.intents.lock(CAR)).rejects.toThrow(MESSAGES.statusOnly);
  await expect(scenario.service.intents.prepareUnlock(CAR)).rejects.toThrow(MESSAGES.statusOnly);
  scenario.deps.shortcuts.press();
  await scenario.http.idle();
  expect(scenario.deps.notifier.shown.at(-1)).toMatchObject({
    title: 'Nothing was locked',
    body: MESSAGES.statusOnly,
  });
  expect(account.stats().apiRequests).toBe(commandsBefore);
});
