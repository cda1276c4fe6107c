import { expect, test } from 'vitest';
import {
  activityTexts,
  CAR,
  scenarioStarter,
  vehicleView,
} from '../../../test-support/scenario-suite';
import { SetAsideError } from '../ports';
import { memoryJsonStore, memoryVault } from './memory-ports';

/**
 * The state file (state.json) as people and older versions leave it: each unreadable section
 * starts afresh, the readable ones are kept, nothing crashes, and the file shrinks back to
 * what the app keeps.
 */

const start = scenarioStarter();

test('a hand-edited state file: bad sections start afresh, good ones are kept, junk goes', async () => {
  const entry = (i: number) => ({
    at: new Date(Date.UTC(2026, 10, 20) + i * 1000).toISOString(),
    vin: CAR,
    text: `Event ${i}`,
    kind: 'info',
  });
  const scenario = await start({
    state: {
      quota: { day: '2026-11-27', counts: 'lots' },
      alerts: { episodes: { door: 'open' } },
      activity: {
        byVin: { [CAR]: [...Array.from({ length: 20_000 }, (_, i) => entry(i)), { at: 5 }] },
      },
      auth: ['not', 'a', 'session'],
      fromAnOlderVersion: { history: Array.from({ length: 50_000 }, (_, i) => i) },
    },
  });
  expect(scenario.service.snapshot().signIn.state).toBe('signed-in');
  expect(vehicleView(scenario).summary).toBe('locked');
  const log = await activityTexts(scenario);
  expect(log).toHaveLength(200);
  expect(log.at(-1)).not.toBe('Event 0');

  scenario.sim().vehicle(CAR).setLock('UNLOCKED');
  await scenario.service.intents.refresh();
  await scenario.service.stop();
  const saved = scenario.deps.state.load() as Record<string, unknown>;
  expect(Object.keys(saved).sort()).toEqual(['activity', 'alerts', 'auth', 'cars', 'quota']);
  expect(JSON.stringify(saved).length).toBeLessThan(60_000);
  expect(saved.quota).toMatchObject({ counts: expect.any(Object) });
});

test('a state file set aside at start: the popover says so, and the app saves afresh', async () => {
  const fresh = memoryJsonStore<unknown>();
  const aside = '/home/someone/.config/volvo-tray/state.damaged-2026-11-27T08-00-00-000Z.json';
  let loads = 0;
  const scenario = await start({
    stateStore: {
      load() {
        loads += 1;
        if (loads === 1) throw new SetAsideError('damaged', aside);
        return fresh.load();
      },
      save: (value) => fresh.save(value),
    },
  });
  expect(scenario.service.snapshot().stateSetAside).toBe(
    `volvo-tray could not read its saved activity log and alerts (the file was damaged), so they start afresh. The old file is kept as ${aside}.`,
  );
  expect(vehicleView(scenario).summary).toBe('locked');
  scenario.sim().vehicle(CAR).setLock('UNLOCKED');
  await scenario.service.intents.refresh();
  expect(fresh.load()).toMatchObject({ activity: expect.any(Object) });
  // Said for the whole run, not only until the next write.
  expect(scenario.service.snapshot().stateSetAside).toContain('start afresh');
});

test('a saved test token "expiring" beyond any date: signed out, not a crash', async () => {
  const vault = memoryVault('os-encrypted');
  await vault.set('accessToken', 'a-pasted-developer-portal-test-token');
  await vault.set('apiKey', 'abcdefghijklmnopqrstuvwxyz012345');
  const scenario = await start({
    vault,
    settings: { connection: { mode: 'test-token' } },
    state: {
      auth: {
        version: 1,
        status: 'signed-in',
        mode: 'test-token',
        apiVersion: 'v2',
        testTokenExpiresAt: 1e300,
      },
    },
  });
  expect(scenario.service.snapshot().signIn.state).toBe('signed-out');
  expect(scenario.http.requests).toEqual([]);
});

test('a settings store that cannot read starts the app with the defaults and says so', async () => {
  const scenario = await start({ start: false });
  scenario.settings.load = () => {
    throw new Error('EACCES: permission denied, open settings.json');
  };
  await scenario.service.start();
  await scenario.http.idle();
  const snapshot = scenario.service.snapshot();
  expect(snapshot.settingsProblems).toEqual([
    'The settings could not be read, so every setting is at its default for now. Changing one saves them all again.',
  ]);
  expect(snapshot.signIn).toMatchObject({ state: 'signed-in', mode: 'demo' });
});
