import { afterEach, expect, test } from 'vitest';
import type { Snapshot } from '../../../shared/snapshot';
import { type Scenario, startScenario } from '../../../test-support/scenario';
import { CAR, OTHER } from '../../../test-support/scenario-suite';
import type { Simulator } from '../../../test-support/simulator';
import type { Fetch, Logger } from '../ports';

/**
 * After a full demo session (sign-in, alerts, commands, faults, settings, sign-out, the other
 * sign-in modes failing), no secret the app ever handled appears in any Snapshot, activity
 * entry, notification, log line, saved settings or saved state.
 */

const MINUTE = 60_000;

let scenario: Scenario | null = null;
afterEach(async () => {
  await scenario?.close();
  scenario = null;
});

/** A fetch that notes every credential on the wire and lets nothing leave this computer. */
function secretCollectingFetch(secrets: Set<string>): Fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.hostname !== '127.0.0.1') throw new TypeError('fetch failed (test: no network)');
    const bearer = request.headers.get('authorization')?.replace(/^Bearer /, '');
    if (bearer) secrets.add(bearer);
    const apiKey = request.headers.get('vcc-api-key');
    if (apiKey) secrets.add(apiKey);
    const response = await globalThis.fetch(input, init);
    if (url.pathname === '/as/token.oauth2' && response.ok) {
      const body = (await response.clone().json()) as Record<string, unknown>;
      for (const field of ['access_token', 'refresh_token', 'id_token']) {
        const value = body[field];
        if (typeof value === 'string') secrets.add(value);
      }
    }
    return response;
  };
}

test('no secret reaches a Snapshot, the activity log, a notification, the logs or saved files', async () => {
  const secrets = new Set<string>();
  const simulators: Simulator[] = [];
  const logLines: string[] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    logLines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  const logger: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  scenario = await startScenario({
    fetch: secretCollectingFetch(secrets),
    logger,
    prepareSimulator: (sim) => simulators.push(sim),
  });
  const { service, deps } = scenario;
  const { intents } = service;
  const snapshots: Snapshot[] = [];
  service.onSnapshot((snapshot) => snapshots.push(snapshot));

  // A day in demo mode: popover, a door left open, commands, faults, settings.
  await intents.setPopoverOpen(true);
  await intents.demo({ kind: 'door', vin: CAR, door: 'frontLeft', value: 'OPEN' });
  await scenario.advance(6 * MINUTE);
  await intents.lock(CAR);
  await intents.demo({ kind: 'door', vin: CAR, door: 'frontLeft', value: 'CLOSED' });
  const { token } = await intents.prepareUnlock(CAR);
  await intents.unlock(CAR, token);
  await intents.lock(CAR);
  for (const fault of [
    'unknown-values',
    'malformed',
    'server-error',
    'rate-limit',
    'quota',
  ] as const) {
    await intents.demo({ kind: 'fault', fault });
    await intents.refresh();
    await scenario.advance(2 * MINUTE);
  }
  await intents.demo({ kind: 'fault', fault: 'none' });
  await intents.updateSettings({ polling: { fastSeconds: 90 }, alerts: { notifyCleared: true } });
  await intents.setShortcut('Alt+Shift+L');
  await intents.signOut();
  await intents.signIn({ mode: 'demo' });
  await scenario.advance(MINUTE);

  // The other modes, with credentials typed by a person; Volvo is out of reach here.
  const typed = {
    apiKey: 'abcdefghijklmnopqrstuvwxyz012345',
    clientSecret: 'client-secret-typed-by-a-person-1234',
    accessToken: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0In0.test-token-signature-5678',
  };
  await expect(
    intents.signIn({
      mode: 'test-token',
      accessToken: typed.accessToken,
      apiKey: typed.apiKey,
      apiVersion: 'v2',
    }),
  ).resolves.toBeUndefined();
  await scenario.advance(MINUTE);
  await expect(
    intents.signIn({
      mode: 'volvo-id',
      clientId: 'my-volvo-app',
      clientSecret: typed.clientSecret,
      apiKey: typed.apiKey,
      redirectPort: 8765,
      apiVersion: 'v2',
    }),
  ).rejects.toThrow();
  await intents.signOut();
  await scenario.http.idle();
  snapshots.push(service.snapshot());

  for (const sim of simulators) {
    secrets.add(sim.apiKey);
    secrets.add(sim.client.secret);
  }
  for (const value of Object.values(typed)) secrets.add(value);
  // The session really ran: tokens were issued and used, the day had alerts and commands.
  expect(secrets.size).toBeGreaterThan(8);
  expect(deps.notifier.shown.length).toBeGreaterThan(2);
  expect(snapshots.length).toBeGreaterThan(20);

  const activity = [CAR, OTHER].map((vin) => intents.getActivity(vin));
  const everything = JSON.stringify({
    snapshots,
    activity,
    notifications: deps.notifier.shown,
    logLines,
    settings: scenario.settings.saved,
    state: deps.state.load(),
  });
  const leaked = [...secrets].filter((secret) => everything.includes(secret));
  expect(leaked).toEqual([]);
  // The sign-in errors were still shown in words.
  expect(snapshots.some((snapshot) => snapshot.lastError !== null)).toBe(true);
});
