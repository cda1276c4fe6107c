import { expect, test } from 'vitest';
import { CAR, scenarioStarter, vehicleView } from '../../../test-support/scenario-suite';

/**
 * The wall clock is not steady: NTP steps it back, and after a long sleep it is days ahead of
 * the timers, which do not count time asleep. Neither may leave the car unwatched, nor set
 * off a storm of catch-up requests, nor get the quota day wrong.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const start = scenarioStarter();

test('the clock steps back an hour: opening the popover still refreshes and checks every minute', async () => {
  const scenario = await start();
  await scenario.advance(5 * MINUTE);
  scenario.clock.jump(-HOUR);
  const before = scenario.apiRequests(CAR).length;

  scenario.service.intents.setPopoverOpen(true);
  await scenario.http.idle();
  // Data "from the future" is of unknown age: refreshed at once (doors and windows, and the
  // first command-accessibility and warnings reads of an open popover).
  expect(scenario.apiRequests(CAR).length - before).toBe(4);
  await scenario.advance(3 * MINUTE);
  // Then the doors every minute (locked and closed).
  expect(scenario.apiRequests(CAR).length - before).toBe(4 + 3);
});

test('three days asleep in a quota pause: one catch-up on waking, a new day, no storm', async () => {
  const scenario = await start();
  scenario.sim().setFault({ kind: 'quota-exhausted' });
  await scenario.service.intents.refresh();
  expect(scenario.service.snapshot().quota.exhaustedUntil).not.toBeNull();
  scenario.sim().setFault(null);

  scenario.service.systemSuspended();
  scenario.clock.jump(3 * DAY);
  const atWake = scenario.apiRequests().length;
  scenario.service.systemResumed();
  await scenario.http.idle();
  // Doors and windows, once per car; the count is the new day's.
  expect(scenario.apiRequests().length - atWake).toBe(4);
  const snapshot = scenario.service.snapshot();
  expect(snapshot.quota).toMatchObject({ exhaustedUntil: null, usedToday: 4 });
  expect(vehicleView(scenario).freshness.state).toBe('live');

  // Then the parked rhythm: every 10 minutes per car, not a burst.
  await scenario.advance(30 * MINUTE);
  expect(scenario.apiRequests().length - atWake).toBe(4 + 3 * 4);
});
