import { describe, expect, test } from 'vitest';
import { loopbackOnlyFetch, type Scenario } from '../../../test-support/scenario';
import {
  activityTexts,
  CAR,
  OTHER,
  scenarioStarter,
  vehicleView as view,
} from '../../../test-support/scenario-suite';
import type { Fetch } from '../ports';

/**
 * The monitor's must-shows, on a FakeClock against the real simulator over real HTTP: what a
 * person would notice (notifications, the popover's words, the requests Volvo counts).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const start = scenarioStarter();

function notified(scenario: Scenario, rule: string) {
  return scenario.deps.notifier.shown.filter((shown) => shown.id.includes(`:${rule}:`));
}

/** Advances in steps until `seen()` holds; returns how long it took (ms), or Infinity. */
async function timeUntil(
  scenario: Scenario,
  seen: () => boolean,
  limitMs: number,
  stepMs = 5 * SECOND,
) {
  const startedAt = scenario.clock.now();
  while (!seen()) {
    if (scenario.clock.now() - startedAt >= limitMs) return Number.POSITIVE_INFINITY;
    await scenario.advance(stepMs);
  }
  return scenario.clock.now() - startedAt;
}

describe('alerts', () => {
  test('a door left open 5 minutes gives one notification, a reminder later, none after it closes', async () => {
    const scenario = await start();
    const car = scenario.sim().vehicle(CAR);
    car.setLock('UNLOCKED');
    car.setDoor('frontLeft', 'OPEN');
    await scenario.service.intents.refresh();
    expect(view(scenario).summary).toBe('open');

    await scenario.advance(4 * MINUTE + 50 * SECOND);
    expect(notified(scenario, 'door-open')).toHaveLength(0);

    await scenario.advance(70 * SECOND);
    const first = notified(scenario, 'door-open');
    expect(first).toHaveLength(1);
    expect(first[0]?.body).toContain('front left door');
    expect(first[0]?.actions).toEqual([{ id: 'lock', label: 'Lock now' }]);
    expect(view(scenario).alerts.map((alert) => alert.rule)).toContain('door-open');

    // Polled every minute meanwhile, but no second notification until the reminder is due.
    await scenario.advance(25 * MINUTE);
    expect(notified(scenario, 'door-open')).toHaveLength(1);
    await scenario.advance(6 * MINUTE);
    const withReminder = notified(scenario, 'door-open');
    expect(withReminder).toHaveLength(2);
    expect(withReminder[1]?.title).toMatch(/^Reminder/);
    expect(withReminder[1]?.id).toBe(withReminder[0]?.id);

    car.setDoor('frontLeft', 'CLOSED');
    await scenario.advance(3 * HOUR);
    expect(notified(scenario, 'door-open')).toHaveLength(2);
    expect(view(scenario).alerts.map((alert) => alert.rule)).not.toContain('door-open');
    expect(await activityTexts(scenario)).toEqual(
      expect.arrayContaining(['Front left door opened', 'Front left door closed']),
    );
  });

  test('an episode survives a restart without notifying twice', async () => {
    const first = await start();
    const car = first.sim().vehicle(CAR);
    car.setLock('UNLOCKED');
    car.setDoor('rearRight', 'OPEN');
    await first.service.intents.refresh();
    await first.advance(6 * MINUTE);
    expect(notified(first, 'door-open')).toHaveLength(1);
    await first.close();
    const saved = first.deps.state.load();

    // The app starts again 2 minutes later; the door is still open.
    const second = await start({
      state: saved,
      prepareSimulator: (sim) => {
        sim.vehicle(CAR).setLock('UNLOCKED');
        sim.vehicle(CAR).setDoor('rearRight', 'OPEN');
      },
      clock: first.clock,
    });
    await second.advance(2 * MINUTE);
    expect(notified(second, 'door-open')).toHaveLength(0);
    expect(view(second).alerts.map((alert) => alert.rule)).toContain('door-open');
    // The activity log was kept too.
    expect(await activityTexts(second)).toEqual(
      expect.arrayContaining([
        'Rear right door opened',
        'Alert: The rear right door of XC40 2023 · 000001 has been open for 5 min.',
      ]),
    );
  });
});

describe('polling', () => {
  test('a parked day costs at most 600 requests per car, yet a door opened on an unlocked car is noticed within 2 minutes', async () => {
    const scenario = await start();
    const before = {
      car: scenario.apiRequests(CAR).length,
      other: scenario.apiRequests(OTHER).length,
    };
    await scenario.advance(24 * HOUR);
    const parkedDay = {
      car: scenario.apiRequests(CAR).length - before.car,
      other: scenario.apiRequests(OTHER).length - before.other,
    };
    expect(parkedDay.car).toBeLessThanOrEqual(600);
    expect(parkedDay.other).toBeLessThanOrEqual(600);
    // ...and it did keep watching: at least every 10 minutes (2 requests each).
    expect(parkedDay.car).toBeGreaterThanOrEqual(2 * 144);

    // Someone unlocks the car; after the app has seen that, the door opens at an odd moment.
    scenario.sim().vehicle(CAR).setLock('UNLOCKED');
    await scenario.advance(12 * MINUTE + 17 * SECOND);
    expect(view(scenario).lock?.value).toBe('UNLOCKED');
    scenario.sim().vehicle(CAR).setDoor('rearLeft', 'OPEN');
    const delay = await timeUntil(
      scenario,
      () => view(scenario).doors?.rearLeft?.value === 'OPEN',
      5 * MINUTE,
    );
    expect(delay).toBeLessThanOrEqual(2 * MINUTE);
    expect(scenario.service.snapshot().quota.usedToday).toBeGreaterThan(0);
  });

  test('a car just parked is checked often at first, then every 5 minutes with the doors alone', async () => {
    const scenario = await start();
    const car = scenario.sim().vehicle(CAR);
    car.setLock('UNLOCKED');
    await scenario.service.intents.refresh();
    await scenario.advance(3 * MINUTE);
    car.setLock('LOCKED');
    const lockedSeen = await timeUntil(
      scenario,
      () => view(scenario).lock?.value === 'LOCKED',
      MINUTE,
    );
    expect(lockedSeen).toBeLessThanOrEqual(MINUTE);

    const doorsChecks = () =>
      scenario.apiRequests(CAR).filter((request) => request.url.pathname.endsWith('/doors'));
    const checksOver = async (ms: number) => {
      const before = doorsChecks().length;
      await scenario.advance(ms);
      return doorsChecks().length - before;
    };
    // Someone who just walked away may come back: checks start every minute and spread out...
    expect(await checksOver(30 * MINUTE)).toBeGreaterThanOrEqual(10);
    // ...so a car unlocked 40 minutes after parking is noticed within 5 minutes, not 10.
    car.setLock('UNLOCKED');
    expect(
      await timeUntil(scenario, () => view(scenario).lock?.value === 'UNLOCKED', 10 * MINUTE),
    ).toBeLessThanOrEqual(5 * MINUTE);
    car.setLock('LOCKED');
    await scenario.advance(4 * HOUR);
    // ...and a car parked for hours is checked every 5 minutes, with the doors request alone
    // (the lock and every door); its windows, which cannot change while it stays locked, once
    // in 4 hours.
    const before = scenario.apiRequests(CAR).length;
    expect(await checksOver(4 * HOUR)).toBe(4 * 12);
    expect(scenario.apiRequests(CAR).length - before).toBe(4 * 12 + 1);
  });

  test('a 429 pauses every check until Retry-After, then checks resume', async () => {
    const scenario = await start();
    scenario.sim().setFault({ kind: 'rate-limit', retryAfterSeconds: 300 });
    await scenario.service.intents.refresh();
    const hitAt = scenario.clock.now();
    const countAtHit = scenario.apiRequests().length;
    expect(scenario.service.snapshot().vehicles[0]?.freshness).toMatchObject({
      state: 'stale',
      reason: expect.stringContaining('slow down'),
    });
    scenario.sim().setFault(null);

    await scenario.advance(299 * SECOND);
    expect(scenario.apiRequests().length).toBe(countAtHit);
    await scenario.advance(2 * SECOND);
    expect(scenario.apiRequests().length).toBeGreaterThan(countAtHit);
    expect(scenario.clock.now() - hitAt).toBeLessThanOrEqual(301 * SECOND);
    expect(view(scenario).freshness.state).toBe('live');
  });

  test('a quota 403 pauses until Volvo replenishes the quota, says when, and resumes', async () => {
    const scenario = await start();
    scenario.sim().setFault({ kind: 'quota-exhausted' });
    await scenario.service.intents.refresh();
    const countAtHit = scenario.apiRequests().length;
    const snapshot = scenario.service.snapshot();
    // The FakeClock starts at 08:00 UTC: Volvo's quota returns at midnight UTC, 16 h later.
    expect(snapshot.quota.exhaustedUntil).toBe('2026-11-28T00:00:00.000Z');
    expect(snapshot.quota.message).toMatch(
      /quota .* used up\. Checks resume at \d\d:\d\d \(in 16 h\)/,
    );
    expect(notified(scenario, 'quota-out')).toHaveLength(1);
    // One activity entry says so: the alert's, not a second "Car checks paused" with the same words.
    const quotaEntries = (await activityTexts(scenario)).filter((text) => /quota/.test(text));
    expect(quotaEntries).toHaveLength(1);
    expect(quotaEntries[0]).toMatch(/^Alert: /);
    await scenario.service.intents.lock(CAR);
    expect(view(scenario).command.last).toMatchObject({ status: 'REFUSED', ok: false });
    expect(view(scenario).command.last?.message).toMatch(/quota/);

    // While the quota is out, Volvo is asked once an hour, one request, and still refuses.
    await scenario.advance(3 * HOUR + 30 * MINUTE);
    expect(scenario.apiRequests().length).toBe(countAtHit + 3);
    expect(scenario.service.snapshot().quota.exhaustedUntil).toBe('2026-11-28T00:00:00.000Z');
    expect(notified(scenario, 'quota-out')).toHaveLength(1);

    // The quota comes back hours before midnight: the next hourly ask finds it, checks resume.
    scenario.sim().setFault(null);
    await scenario.advance(31 * MINUTE);
    expect(scenario.service.snapshot().quota.exhaustedUntil).toBeNull();
    expect(view(scenario).freshness.state).toBe('live');
    expect(await activityTexts(scenario)).toContain('Car checks resumed');
    await scenario.service.intents.lock(CAR);
    expect(view(scenario).command.last).toMatchObject({ ok: true });
  });

  test('sleep and wake-up: nothing while asleep, one catch-up on resume', async () => {
    const scenario = await start();
    await scenario.advance(MINUTE);
    scenario.service.systemSuspended();
    const atSleep = scenario.apiRequests().length;
    await scenario.advance(3 * HOUR);
    expect(scenario.apiRequests().length).toBe(atSleep);
    expect(view(scenario).freshness).toMatchObject({ state: 'stale' });

    scenario.service.systemResumed();
    await scenario.http.idle();
    // The doors of each car, once (locked and closed: the windows are read when that changes).
    expect(scenario.apiRequests().length - atSleep).toBe(2);
    expect(view(scenario).freshness.state).toBe('live');
    await scenario.advance(4 * MINUTE);
    expect(scenario.apiRequests().length - atSleep).toBe(2);
  });

  test('offline: checks stop and the popover says offline; back online, one catch-up', async () => {
    const scenario = await start();
    scenario.service.setOnline(false);
    const atOffline = scenario.apiRequests().length;
    await scenario.advance(HOUR);
    expect(scenario.apiRequests().length).toBe(atOffline);
    expect(view(scenario).freshness.state).toBe('offline');
    scenario.service.setOnline(true);
    await scenario.http.idle();
    // The doors of each car, once.
    expect(scenario.apiRequests().length - atOffline).toBe(2);
  });

  test('doors and windows are read together; when one fails the other is kept, and it says which', async () => {
    const failing: { part: 'doors' | 'windows' | null } = { part: null };
    const fetch: Fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      return failing.part !== null && url.pathname.endsWith(`/${failing.part}`)
        ? Promise.reject(new TypeError('fetch failed'))
        : loopbackOnlyFetch(input, init);
    };
    const scenario = await start({ fetch });
    const car = scenario.sim().vehicle(CAR);
    car.setDoor('rearLeft', 'OPEN');
    car.setWindow('frontLeft', 'OPEN');

    failing.part = 'windows';
    const before = scenario.apiRequests(CAR).length;
    await scenario.service.intents.refresh();
    const asked = scenario.apiRequests(CAR).slice(before);
    expect(asked.map((request) => request.url.pathname.split('/').at(-1)).sort()).toEqual([
      'doors',
      'windows',
    ]);
    expect(view(scenario).doors?.rearLeft?.value).toBe('OPEN');
    expect(view(scenario).windows?.frontLeft?.value).toBe('CLOSED');
    expect(view(scenario).freshness).toMatchObject({
      state: 'stale',
      reason: expect.stringMatching(/^The windows could not be read/),
    });

    failing.part = 'doors';
    car.setDoor('rearLeft', 'CLOSED');
    await scenario.service.intents.refresh();
    expect(view(scenario).windows?.frontLeft?.value).toBe('OPEN');
    expect(view(scenario).doors?.rearLeft?.value).toBe('OPEN');
    expect(view(scenario).lock?.value).toBe('LOCKED');
    expect(view(scenario).freshness).toMatchObject({
      state: 'stale',
      reason: expect.stringMatching(/^The doors and lock could not be read/),
    });

    failing.part = null;
    await scenario.service.intents.refresh();
    expect(view(scenario).doors?.rearLeft?.value).toBe('CLOSED');
    expect(view(scenario).freshness.state).toBe('live');
  });

  test('signing out during a pause does not claim that the checks resumed', async () => {
    const scenario = await start({ settings: { alerts: { notifyCleared: true } } });
    scenario.sim().setFault({ kind: 'quota-exhausted' });
    await scenario.service.intents.refresh();
    expect(notified(scenario, 'quota-out')).toHaveLength(1);

    await scenario.service.intents.signOut();

    const titles = scenario.deps.notifier.shown.map((shown) => shown.title);
    expect(titles).not.toContain('Car checks resumed');
    expect(await activityTexts(scenario)).not.toContain('Car checks resumed');
  });

  test('opening the popover refreshes old data at once and polls fast while it is open', async () => {
    const scenario = await start();
    // Data a few seconds old is shown as it is: no request.
    await scenario.advance(20 * SECOND);
    const fresh = scenario.apiRequests(CAR).length;
    scenario.service.intents.setPopoverOpen(true);
    await scenario.http.idle();
    expect(scenario.apiRequests(CAR).length).toBe(fresh);
    scenario.service.intents.setPopoverOpen(false);

    await scenario.advance(2 * MINUTE);
    const atOpen = scenario.apiRequests(CAR).length;
    scenario.service.intents.setPopoverOpen(true);
    await scenario.http.idle();
    // Doors and windows, whether the car takes commands (first time open, then hourly) and
    // its warnings (then every 6 hours); then the doors every minute (a locked, closed car).
    expect(scenario.apiRequests(CAR).length - atOpen).toBe(4);
    await scenario.advance(3 * MINUTE);
    expect(scenario.apiRequests(CAR).length - atOpen).toBe(4 + 3);
    scenario.service.intents.setPopoverOpen(false);
    const atClose = scenario.apiRequests(CAR).length;
    // Back to the slow interval (5 minutes) counted from the last check.
    await scenario.advance(4 * MINUTE);
    expect(scenario.apiRequests(CAR).length).toBe(atClose);
  });

  test('server errors back off and the popover says why, then recover', async () => {
    const scenario = await start();
    scenario.sim().setFault({ kind: 'status', status: 503, count: 4 });
    await scenario.service.intents.refresh();
    expect(view(scenario).freshness).toMatchObject({ state: 'stale' });
    expect(view(scenario).lastError).toBeTruthy();
    // Last known values stay on screen.
    expect(view(scenario).summary).toBe('locked');
    await scenario.advance(HOUR);
    expect(view(scenario).freshness.state).toBe('live');
    expect(view(scenario).lastError).toBeNull();
  });
});

function lockPosts(scenario: Scenario, vin = CAR) {
  return scenario.http.requests.filter(
    (request) =>
      request.method === 'POST' && request.url.pathname.endsWith(`/vehicles/${vin}/commands/lock`),
  );
}

describe('commands', () => {
  test('lock with a door open sends no command and names the door', async () => {
    const scenario = await start();
    const car = scenario.sim().vehicle(CAR);
    car.setLock('UNLOCKED');
    car.setDoor('rearLeft', 'OPEN');
    await scenario.service.intents.lock(CAR);
    await scenario.http.idle();
    expect(lockPosts(scenario)).toHaveLength(0);
    const last = view(scenario).command.last;
    expect(last).toMatchObject({ command: 'lock', status: 'REFUSED', ok: false });
    expect(last?.message).toContain('rear left door');
    expect(view(scenario).command.inProgress).toBeNull();
    expect((await activityTexts(scenario))[0]).toMatch(
      /^Lock refused: The car could not lock because the rear left door is open/,
    );
  });

  test('the shortcut pressed 5 times quickly sends one lock command and confirms once', async () => {
    const scenario = await start();
    scenario.sim().vehicle(CAR).setLock('UNLOCKED');
    await scenario.service.intents.refresh();
    for (let press = 0; press < 5; press++) {
      scenario.deps.shortcuts.press();
      await scenario.advance(300);
    }
    await scenario.http.idle();
    expect(lockPosts(scenario)).toHaveLength(1);
    const confirmations = scenario.deps.notifier.shown.filter((shown) =>
      shown.id.startsWith('command:'),
    );
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]?.title).toMatch(/locked$/);
    expect(view(scenario).lock?.value).toBe('LOCKED');
    expect(await activityTexts(scenario)).toContain('Locked via shortcut');
  });

  test('unlock needs a fresh confirmation token, used once, and shows the unlock window', async () => {
    const scenario = await start();
    const { intents } = scenario.service;
    await expect(intents.unlock(CAR, 'not-a-real-token')).rejects.toThrow(/Press Unlock again/);
    const { token } = await intents.prepareUnlock(CAR);
    await intents.unlock(CAR, token);
    await scenario.http.idle();
    expect(view(scenario).command.last).toMatchObject({ command: 'unlock', ok: true });
    expect(view(scenario).command.unlockWindowUntil).not.toBeNull();
    expect(view(scenario).lock?.value).toBe('UNLOCKED');
    // The log tells what was asked apart from what the car then reported.
    expect(await activityTexts(scenario)).toEqual(
      expect.arrayContaining(['Unlocked from volvo-tray', 'Car unlocked']),
    );
    await expect(intents.unlock(CAR, token)).rejects.toThrow(/already used/);

    const late = await intents.prepareUnlock(CAR);
    await scenario.advance(16 * SECOND);
    await expect(intents.unlock(CAR, late.token)).rejects.toThrow(/expired/);
  });

  test('a notification\'s "Lock now" locks the car, but nothing but the popover unlocks', async () => {
    const scenario = await start();
    scenario.sim().vehicle(CAR).setLock('UNLOCKED');
    await scenario.service.intents.refresh();
    await scenario.service.notificationAction(CAR, 'lock');
    await scenario.http.idle();
    expect(lockPosts(scenario)).toHaveLength(1);
    expect(view(scenario).lock?.value).toBe('LOCKED');
  });

  test('a command the car never answers does not stay in progress forever', async () => {
    const scenario = await start({ idleMaxMs: 200 });
    scenario.sim().vehicle(CAR).setLock('UNLOCKED');
    await scenario.service.intents.refresh();
    scenario.sim().setFault({ kind: 'timeout' });
    const locking = scenario.service.intents.lock(CAR);
    await scenario.http.idle(200);
    expect(view(scenario).command.inProgress).not.toBeNull();
    await scenario.advance(3 * MINUTE);
    await locking;
    expect(view(scenario).command.inProgress).toBeNull();
    expect(view(scenario).command.last?.ok).toBe(false);
  });
});

describe('commands: the unlock window and the check before locking', () => {
  test('the unlock window ends once a door is opened, and does not come back when it closes', async () => {
    const scenario = await start();
    const { intents } = scenario.service;
    const { token } = await intents.prepareUnlock(CAR);
    await intents.unlock(CAR, token);
    await scenario.http.idle();
    expect(view(scenario).command.unlockWindowUntil).not.toBeNull();

    const car = scenario.sim().vehicle(CAR);
    car.setDoor('frontLeft', 'OPEN');
    await intents.refresh();
    car.setDoor('frontLeft', 'CLOSED');
    await intents.refresh();
    expect(view(scenario).doors?.frontLeft?.value).toBe('CLOSED');
    // The car no longer locks itself, so nothing may say it will.
    expect(view(scenario).command.unlockWindowUntil).toBeNull();
    await scenario.advance(3 * MINUTE);
    expect(view(scenario).lock?.value).toBe('UNLOCKED');
  });

  test('a Volvo API that never answers: the door check gives up when the read times out, says so, the lock is sent and fails in words', async () => {
    const scenario = await start({ idleMaxMs: 200 });
    scenario.sim().vehicle(CAR).setLock('UNLOCKED');
    await scenario.service.intents.refresh();
    scenario.sim().setFault({ kind: 'timeout' });
    const locking = scenario.service.intents.lock(CAR);
    await scenario.http.idle(200);
    expect(view(scenario).command.inProgress?.message).toBe('Checking the doors before locking…');
    expect(lockPosts(scenario)).toHaveLength(0);

    // The client's own header timeout (10 s) ends the read before the check's 20 s.
    await scenario.advance(10 * SECOND);
    expect(view(scenario).command.inProgress?.message).toBe(
      'Could not check the doors before locking: The Volvo API did not start answering within 10 s. Locking anyway: the car refuses if a door is open…',
    );
    expect(lockPosts(scenario)).toHaveLength(1);

    await scenario.advance(10 * SECOND);
    await locking;
    const last = view(scenario).command.last;
    expect(last).toMatchObject({ status: 'ERROR', ok: false });
    expect(last?.message).toBe(
      'The Volvo API did not start answering within 10 s; the command may still reach the car, so check the lock state.',
    );
  });

  test('a door check that fails says so instead of speaking for the car', async () => {
    const scenario = await start();
    const car = scenario.sim().vehicle(CAR);
    car.setLock('UNLOCKED');
    car.setDoor('rearLeft', 'OPEN');
    await scenario.service.intents.refresh();
    scenario.sim().setFault({ kind: 'status', status: 503, count: 1 });
    await scenario.service.intents.lock(CAR);
    expect(lockPosts(scenario)).toHaveLength(0);
    const last = view(scenario).command.last;
    expect(last).toMatchObject({ status: 'REFUSED', ok: false });
    expect(last?.message).toMatch(/^Could not check the doors before locking: /);
    expect(last?.message).toMatch(
      /The last reading had the rear left door open: close it and try again\.$/,
    );
  });
});

describe('shortcut and settings', () => {
  test('a shortcut taken by another app is reported in words and the last working one stays', async () => {
    const scenario = await start();
    expect(scenario.service.snapshot().shortcut).toMatchObject({
      accelerator: 'CommandOrControl+Alt+L',
      registered: true,
    });
    const view1 = await scenario.service.intents.setShortcut('Ctrl+');
    expect(view1.registered).toBe(true);
    expect(view1.accelerator).toBe('CommandOrControl+Alt+L');
    expect(view1.message).toMatch(/Could not use Ctrl\+ as the lock shortcut/);
    expect((await scenario.service.intents.getSettings()).shortcut).toBe('CommandOrControl+Alt+L');
    const view2 = await scenario.service.intents.setShortcut('Alt+Shift+K');
    expect(view2).toEqual({ accelerator: 'Alt+Shift+K', registered: true, message: null });
    expect(scenario.deps.shortcuts.current).toBe('Alt+Shift+K');
  });

  test('settings apply live: a shorter slow interval polls a parked car more often', async () => {
    const scenario = await start();
    await scenario.service.intents.updateSettings({ polling: { slowSeconds: 120 } });
    const before = scenario.apiRequests(CAR).length;
    await scenario.advance(10 * MINUTE);
    // Every 2 minutes, the doors alone.
    expect(scenario.apiRequests(CAR).length - before).toBe(5);
    await expect(
      scenario.service.intents.updateSettings({ polling: { slowSeconds: 5 } }),
    ).rejects.toThrow('The setting "polling.slowSeconds" must be at least 60.');
  });

  test('a small budget stretches the intervals so the day stays within it', async () => {
    const scenario = await start({ settings: { polling: { dailyBudget: 200 } } });
    scenario.sim().vehicle(CAR).setLock('UNLOCKED');
    scenario.sim().vehicle(OTHER).setLock('UNLOCKED');
    await scenario.service.intents.refresh();
    await scenario.advance(16 * HOUR - MINUTE);
    const snapshot = scenario.service.snapshot();
    expect(snapshot.quota.usedToday).toBeLessThanOrEqual(200);
    expect(snapshot.quota.usedToday).toBeGreaterThan(100);
    expect(snapshot.quota.message).toBeNull();
    expect(snapshot.quota.slowdown).toMatch(/less often than your settings ask/);
  });

  test('demo controls drive the simulator and are refused outside demo mode', async () => {
    const scenario = await start();
    await scenario.service.intents.demo({ kind: 'door', vin: CAR, door: 'hood', value: 'OPEN' });
    await scenario.http.idle();
    expect(view(scenario).doors?.hood?.value).toBe('OPEN');
    await scenario.service.intents.signOut();
    await expect(scenario.service.intents.demo({ kind: 'sleep', asleep: true })).rejects.toThrow(
      /only work with the demo car/,
    );
    expect(scenario.service.snapshot().signIn.state).toBe('signed-out');
  });
});
