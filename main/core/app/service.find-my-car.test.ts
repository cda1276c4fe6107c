import { expect, test } from 'vitest';
import { MESSAGES } from '../../../shared/words/sign-in';
import {
  activityTexts,
  CAR,
  OTHER,
  scenarioStarter,
  vehicleView as view,
} from '../../../test-support/scenario-suite';

/** Find my car (honk and flash) through the real core against the simulator. */

const start = scenarioStarter();

test('the car that lists honk and flash offers it; pressed, the car honks once and the popover says so', async () => {
  const scenario = await start();
  expect(view(scenario).capabilities.findMyCar).toBe('available');
  expect(view(scenario, OTHER).capabilities.findMyCar).toBe('unsupported');

  await scenario.service.intents.findMyCar(CAR);
  expect(
    scenario
      .sim()
      .vehicle(CAR)
      .beacons()
      .map((event) => event.kind),
  ).toEqual(['horn-and-lights']);
  expect(view(scenario).command.last).toMatchObject({
    command: 'honk-flash',
    ok: true,
    message: 'The car honked and flashed its lights.',
  });
  expect(await activityTexts(scenario)).toContain('Honked and flashed from volvo-tray');
  // Nothing about the car's lock changed: honking is not locking.
  expect(view(scenario).summary).toBe('locked');
});

test('a car whose command list lacks it is refused in words, and nothing is sent', async () => {
  const scenario = await start();
  const before = scenario.apiRequests().length;
  await expect(scenario.service.intents.findMyCar(OTHER)).rejects.toThrow(
    /does not offer honk and flash/,
  );
  expect(scenario.apiRequests().length).toBe(before);
  expect(scenario.sim().vehicle(OTHER).beacons()).toEqual([]);
});

test('a sign-in Volvo granted without conve:honk_flash: no button, a line says why, and the intent refuses', async () => {
  const scenario = await start({ simulator: { withheldScopes: ['conve:honk_flash'] } });
  expect(scenario.service.snapshot().signIn.state).toBe('signed-in');
  expect(view(scenario).capabilities.findMyCar).toBe('scope-withheld');
  await expect(scenario.service.intents.findMyCar(CAR)).rejects.toThrow(MESSAGES.findMyCarWithheld);
  expect(scenario.sim().vehicle(CAR).beacons()).toEqual([]);
});

test('an asleep car does not honk, and the outcome says it was asleep', async () => {
  const scenario = await start();
  scenario.sim().vehicle(CAR).setAsleep(true);
  await scenario.service.intents.findMyCar(CAR);
  expect(view(scenario).command.last).toMatchObject({ ok: false });
  expect(view(scenario).command.last?.message).toMatch(/asleep and could not honk and flash/);
  expect(scenario.sim().vehicle(CAR).beacons()).toEqual([]);
});

test('neither the shortcut nor a notification action ever honks: they lock, the car stays quiet', async () => {
  const scenario = await start();
  scenario.sim().vehicle(CAR).setLock('UNLOCKED');
  await scenario.service.intents.refresh();
  scenario.deps.shortcuts.press();
  await scenario.http.idle();
  expect(view(scenario).lock?.value).toBe('LOCKED');
  // Past the window in which a second lock joins the first.
  await scenario.advance(60_000);
  scenario.sim().vehicle(CAR).setLock('UNLOCKED');
  await scenario.service.intents.refresh();
  await scenario.service.notificationAction(CAR, 'lock');
  await scenario.http.idle();
  expect(view(scenario).lock?.value).toBe('LOCKED');
  expect(scenario.sim().vehicle(CAR).beacons()).toEqual([]);
});
