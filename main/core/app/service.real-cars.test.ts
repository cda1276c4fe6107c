import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../../test-support/scenario';
import { CAR, scenarioStarter, vehicleView as view } from '../../../test-support/scenario-suite';

/**
 * The app against cars that answer as real ones do (the simulator's quirks): every timestamp
 * moving at each upload, parts answered UNSPECIFIED, fields missing. Each test fails on an app
 * built for the documentation's ideal answers.
 */

const MINUTE = 60_000;
const start = scenarioStarter();

const notices = (scenario: Scenario, rule: string) =>
  scenario.deps.notifier.shown.filter((shown) => shown.id.includes(`:${rule}:`));

describe('timestamps are the last upload, not the last change', () => {
  test('a door open for 5 minutes on a car uploading every 2 minutes notifies at 5 minutes', async () => {
    const scenario = await start({ simulator: { quirks: { uploadEveryMs: 2 * MINUTE } } });
    scenario.sim().vehicle(CAR).setDoor('rearLeft', 'OPEN');
    await scenario.service.intents.refresh();
    await scenario.advance(4 * MINUTE);
    expect(notices(scenario, 'door-open')).toHaveLength(0);
    // Every upload since has moved the door's timestamp; the alert still dates from the first.
    await scenario.advance(2 * MINUTE);
    expect(notices(scenario, 'door-open')).toHaveLength(1);
    expect(notices(scenario, 'door-open')[0]?.title).toBe(
      'XC40 2023 · 000001: Rear left door left open',
    );
  });

  test('unlocked with every door closed notifies after its 10 minutes, uploads or not', async () => {
    const scenario = await start({ simulator: { quirks: { uploadEveryMs: 2 * MINUTE } } });
    scenario.sim().vehicle(CAR).setLock('UNLOCKED');
    await scenario.service.intents.refresh();
    await scenario.advance(9 * MINUTE);
    expect(notices(scenario, 'unlocked')).toHaveLength(0);
    await scenario.advance(3 * MINUTE);
    expect(notices(scenario, 'unlocked')).toHaveLength(1);
  });
});

describe('UNSPECIFIED for any part', () => {
  test('an UNSPECIFIED hood is unknown (not reported), and "left unlocked" still fires', async () => {
    const scenario = await start({ simulator: { quirks: { unspecified: ['hood'] } } });
    scenario.sim().vehicle(CAR).setLock('UNLOCKED');
    await scenario.service.intents.refresh();
    expect(view(scenario).doors?.hood).toMatchObject({ value: 'UNKNOWN', reported: 'UNSPECIFIED' });
    expect(view(scenario).doors?.frontLeft?.value).toBe('CLOSED');
    await scenario.advance(12 * MINUTE);
    expect(notices(scenario, 'unlocked')).toHaveLength(1);
  });

  test('a locked car with an UNSPECIFIED door and window is not summed up as locked and closed', async () => {
    const scenario = await start({
      simulator: { quirks: { unspecified: ['frontLeftDoor', 'rearRightWindow'] } },
    });
    await scenario.service.intents.refresh();
    const car = view(scenario);
    expect(car.lock?.value).toBe('LOCKED');
    expect(car.doors?.frontLeft).toMatchObject({ value: 'UNKNOWN', reported: 'UNSPECIFIED' });
    expect(car.windows?.rearRight).toMatchObject({ value: 'UNKNOWN', reported: 'UNSPECIFIED' });
    expect(car.summary).toBe('unknown');
  });

  test('an UNSPECIFIED lock says "not reported", the door alert still works, and polling stays parked', async () => {
    const scenario = await start({ simulator: { quirks: { unspecified: ['centralLock'] } } });
    await scenario.service.intents.refresh();
    const lock = view(scenario).lock;
    expect(lock).toMatchObject({ value: 'UNKNOWN', reported: 'UNSPECIFIED' });
    const before = scenario.apiRequests(CAR).length;
    await scenario.advance(3 * 60 * MINUTE);
    const spent = scenario.apiRequests(CAR).length - before;
    // Fast polling would be about 2 requests a minute (360 in 3 hours); parked is far fewer.
    expect(spent).toBeLessThan(80);
    scenario.sim().vehicle(CAR).setDoor('frontRight', 'OPEN');
    await scenario.advance(20 * MINUTE);
    expect(notices(scenario, 'door-open')).toHaveLength(1);
    // No verdict on an unknown lock: neither "unlocked" nor "window open while locked".
    expect(notices(scenario, 'unlocked')).toHaveLength(0);
  });
});

describe('missing fields', () => {
  test('a doors answer without hood, with tailGate spelled as documented, shows the lock and the other doors', async () => {
    const scenario = await start({
      simulator: { quirks: { omitted: ['hood'], tailgateField: 'tailGate' } },
    });
    scenario.sim().vehicle(CAR).setDoor('tailgate', 'OPEN');
    await scenario.service.intents.refresh();
    const car = view(scenario);
    expect(car.lock?.value).toBe('LOCKED');
    expect(car.doors).not.toHaveProperty('hood');
    expect(car.doors?.tailgate?.value).toBe('OPEN');
    expect(car.lastError).toBeNull();
  });
});

describe('the unlock deadline', () => {
  test("readyToUnlockUntil given as seconds left (Volvo's doc page) opens a window that many seconds long", async () => {
    const scenario = await start({ simulator: { quirks: { unlockDeadline: 'seconds-left' } } });
    await scenario.service.intents.refresh();
    const { token } = await scenario.service.intents.prepareUnlock(CAR);
    await scenario.service.intents.unlock(CAR, token);
    const until = view(scenario).command.unlockWindowUntil;
    expect(until).not.toBeNull();
    expect(Date.parse(until ?? '') - scenario.clock.now()).toBe(120_000);
  });
});

describe('errors as they really come', () => {
  test('a lock failing with "Error returned from car" says the car refused or was out of reach, and the state stands', async () => {
    const scenario = await start({ simulator: { quirks: { commandsFailInCar: true } } });
    await scenario.service.intents.refresh();
    scenario.sim().vehicle(CAR).setLock('UNLOCKED');
    await scenario.service.intents.refresh();
    await scenario.service.intents.lock(CAR);
    const car = view(scenario);
    expect(car.command.last).toMatchObject({ ok: false });
    expect(car.command.last?.message).toContain(
      'The car refused the request or could not be reached',
    );
    expect(car.lock?.value).toBe('UNLOCKED');
  });

  test('a model without engine-status (404 "Car model is not supported") shows no engine and no error', async () => {
    const scenario = await start({ simulator: { quirks: { unsupported: ['engine-status'] } } });
    scenario.sim().vehicle(CAR).setLock('UNLOCKED');
    await scenario.service.intents.refresh();
    await scenario.advance(5 * MINUTE);
    expect(view(scenario).lastError).toBeNull();
    expect(view(scenario).freshness.state).toBe('live');
  });
});
