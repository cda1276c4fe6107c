import { expect, test } from 'vitest';
import { loopbackOnlyFetch } from '../../../test-support/scenario';
import {
  activityTexts,
  CAR,
  scenarioStarter,
  vehicleView,
} from '../../../test-support/scenario-suite';
import type { Fetch } from '../ports';

/**
 * Stopping and starting the app: stop() leaves no timer and no listening socket behind, even
 * with a command or a check still waiting for the car; answers that arrive later change
 * nothing; and the app starts again as it did the first time.
 */

const start = scenarioStarter();

/**
 * Sockets this process listens on (the demo simulator, the sign-in's loopback listener), once
 * the event loop has finished closing the ones that were closed.
 */
async function listening(): Promise<number> {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
  return process.getActiveResourcesInfo().filter((name) => name === 'TCPServerWrap').length;
}

/**
 * A fetch that, after `hold()`, keeps each answer to `/doors` back once received until
 * `release()`: an answer on its way while the app moves on.
 */
function holdingDoorAnswers() {
  let holding = false;
  let waiting: (() => void)[] = [];
  const fetch: Fetch = async (input, init) => {
    const response = await loopbackOnlyFetch(input, init);
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (!holding || !url.pathname.endsWith('/doors')) return response;
    const body = await response.arrayBuffer();
    await new Promise<void>((resolve) => waiting.push(resolve));
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return {
    fetch,
    hold() {
      holding = true;
    },
    held: () => waiting.length,
    release() {
      const released = waiting;
      waiting = [];
      holding = false;
      for (const resolve of released) resolve();
    },
  };
}

test('stop() with a command and a check waiting for the car leaves no timer and no socket', async () => {
  const before = await listening();
  const scenario = await start({ idleMaxMs: 200 });
  expect(await listening()).toBe(before + 1);
  scenario.sim().vehicle(CAR).setLock('UNLOCKED');
  await scenario.service.intents.refresh();
  // The car stops answering: the lock and the next check both wait.
  scenario.sim().setFault({ kind: 'timeout' });
  const locking = scenario.service.intents.lock(CAR);
  const checking = scenario.service.intents.refresh();
  await scenario.http.idle(200);
  expect(vehicleView(scenario).command.inProgress).not.toBeNull();

  await scenario.service.stop();
  await Promise.all([locking, checking]);
  expect(scenario.clock.pending()).toBe(0);
  expect(await listening()).toBe(before);
  const log = await activityTexts(scenario);
  expect(log[0]).toMatch(/^Lock failed: volvo-tray was closed before the car answered/);

  // Time goes on: nothing is sent, nothing changes.
  const sent = scenario.http.requests.length;
  const revision = scenario.service.snapshot().revision;
  await scenario.advance(60 * 60_000);
  expect(scenario.http.requests.length).toBe(sent);
  expect(scenario.service.snapshot().revision).toBe(revision);
  expect(await activityTexts(scenario)).toEqual(log);
});

test('start() after stop() signs in again and keeps the sign-in alive; stop() again is clean', async () => {
  const scenario = await start();
  const first = scenario.sim();
  await scenario.service.stop();
  expect(scenario.clock.pending()).toBe(0);

  await scenario.service.start();
  await scenario.http.idle();
  expect(scenario.sim()).not.toBe(first);
  expect(scenario.service.snapshot().signIn).toMatchObject({ state: 'signed-in', mode: 'demo' });
  expect(vehicleView(scenario).freshness.state).toBe('live');
  // A check timer per car and the sign-in's keep-alive refresh.
  expect(scenario.clock.pending()).toBe(3);

  await scenario.service.stop();
  expect(scenario.clock.pending()).toBe(0);
});

test('stop() while the demo is still signing in leaves no simulator running', async () => {
  const before = await listening();
  const scenario = await start({
    start: false,
    // The simulator is up and the sign-in not yet begun when the app is told to stop.
    prepareSimulator: () => void scenario.service.stop(),
  });
  await scenario.service.start();
  await scenario.http.idle();
  expect(await listening()).toBe(before);
  expect(scenario.clock.pending()).toBe(0);
});

test('a door check answered after stop() changes nothing', async () => {
  const network = holdingDoorAnswers();
  const scenario = await start({ fetch: network.fetch });
  const car = scenario.sim().vehicle(CAR);
  car.setLock('UNLOCKED');
  await scenario.service.intents.refresh();
  car.setDoor('rearLeft', 'OPEN');
  network.hold();
  const locking = scenario.service.intents.lock(CAR);
  while (network.held() === 0) await new Promise((resolve) => setImmediate(resolve));

  await scenario.service.stop();
  await locking;
  const log = await activityTexts(scenario);
  network.release();
  await scenario.http.idle();
  expect(await activityTexts(scenario)).toEqual(log);
  expect(log).not.toContain('Rear left door opened');
  expect(vehicleView(scenario).doors?.rearLeft?.value).toBe('CLOSED');
});
