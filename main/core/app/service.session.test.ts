import { afterEach, expect, test } from 'vitest';
import type { VehicleView } from './snapshot';
import { type Scenario, type ScenarioOptions, startScenario } from './testing/scenario';

/** Sign-in, API versions, odd answers and settings, as the popover shows them. */

const CAR = 'YV1XZK9V2PA000001';
const OTHER = 'YV4A22PL3N1000002';
const MINUTE = 60_000;

let scenarios: Scenario[] = [];
afterEach(async () => {
  await Promise.all(scenarios.map((scenario) => scenario.close()));
  scenarios = [];
});

async function start(options: ScenarioOptions = {}): Promise<Scenario> {
  const scenario = await startScenario(options);
  scenarios.push(scenario);
  return scenario;
}

function view(scenario: Scenario, vin = CAR): VehicleView {
  const found = scenario.service.snapshot().vehicles.find((vehicle) => vehicle.vin === vin);
  if (!found) throw new Error(`no vehicle ${vin} in the snapshot`);
  return found;
}

test('a first start with no credentials signs in to the demo car through the real OAuth code', async () => {
  const scenario = await start();
  const snapshot = scenario.service.snapshot();
  expect(snapshot.signIn).toMatchObject({ state: 'signed-in', mode: 'demo' });
  expect(snapshot.vehicles.map((vehicle) => [vehicle.vin, vehicle.name, vehicle.summary])).toEqual([
    [CAR, 'Volvo 2023 · 000001', 'locked'],
    [OTHER, 'Volvo 2022 · 000002', 'locked'],
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

test('v1: a lock follows async.href to the final status, with progress in words', async () => {
  const scenario = await start({ settings: { connection: { apiVersion: 'v1' } } });
  scenario.sim().vehicle(CAR).setLock('UNLOCKED');
  await scenario.service.intents.refresh();
  const locking = scenario.service.intents.lock(CAR);
  await scenario.http.idle();
  expect(view(scenario).command.inProgress?.message).toBe('Locking… waiting for the car');
  await scenario.advance(10_000);
  await locking;
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
  const log = scenario.service.intents.getActivity(CAR) as { text: string }[];
  expect(log.some((entry) => /sign-in has expired/i.test(entry.text))).toBe(true);

  // Signing in again clears it.
  await scenario.service.intents.signIn({ mode: 'demo' });
  await scenario.http.idle();
  expect(scenario.service.snapshot().signIn.state).toBe('signed-in');
  expect(view(scenario).alerts).toEqual([]);
});

test('values the app does not know show as unknown, never as closed or locked', async () => {
  const scenario = await start();
  scenario.sim().setFault({ kind: 'unknown-values' });
  await scenario.service.intents.refresh();
  const car = view(scenario);
  expect(car.summary).toBe('unknown');
  expect(car.lock?.value).toBe('UNKNOWN');
  expect(car.doors?.frontLeft).toMatchObject({ value: 'UNKNOWN', reported: 'HALF_OPEN' });
  const log = scenario.service.intents.getActivity(CAR) as { text: string }[];
  expect(log.map((entry) => entry.text)).toContain(
    'Front left door: the car reported "HALF_OPEN", which the app does not know',
  );
});

test('a broken settings file is repaired key by key and the problem is shown', async () => {
  const scenario = await start({
    settings: { polling: { slowSeconds: 'often' }, shortcut: 'Alt+K' },
  });
  const snapshot = scenario.service.snapshot();
  expect(snapshot.settingsProblems).toEqual([expect.stringContaining('polling.slowSeconds')]);
  expect(snapshot.shortcut.accelerator).toBe('Alt+K');
  expect((await scenario.service.intents.getSettings()).polling.slowSeconds).toBe(600);
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

test('sign out forgets the cars and stops all traffic', async () => {
  const scenario = await start();
  await scenario.service.intents.signOut();
  const snapshot = scenario.service.snapshot();
  expect(snapshot.signIn.state).toBe('signed-out');
  expect(snapshot.vehicles).toEqual([]);
  const after = scenario.http.requests.length;
  await scenario.advance(60 * MINUTE);
  expect(scenario.http.requests.length).toBe(after);
  await expect(scenario.service.intents.refresh()).rejects.toThrow('Sign in to Volvo first.');
});
