import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../../test-support/scenario';
import { CAR, scenarioStarter, vehicleView as view } from '../../../test-support/scenario-suite';

/** Whether the car takes commands (v2 command-accessibility), on a FakeClock against the simulator. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const start = scenarioStarter();

const accessibilityReads = (scenario: Scenario) =>
  scenario
    .apiRequests(CAR)
    .filter((request) => request.url.pathname.endsWith('/command-accessibility'));

describe('car reachable or asleep', () => {
  test('power-saving mode is said before Lock, and a Lock sent anyway gets the sleep answer', async () => {
    const scenario = await start();
    scenario.sim().vehicle(CAR).setOutOfReach('POWER_SAVING_MODE');
    await scenario.service.intents.setPopoverOpen(true);
    await scenario.advance(HOUR);
    expect(view(scenario).reachability).toBe(
      'The car is in power-saving mode: commands may not reach it.',
    );
    await scenario.service.intents.lock(CAR);
    expect(view(scenario).command.last?.ok).toBe(false);
    expect(view(scenario).command.last?.message).toMatch(/asleep|sleep/i);
  });

  test('never read on a parked day with the popover closed', async () => {
    const scenario = await start();
    await scenario.advance(24 * HOUR);
    expect(accessibilityReads(scenario)).toHaveLength(0);
  });

  test('read at most hourly while the popover is open', async () => {
    const scenario = await start();
    await scenario.service.intents.setPopoverOpen(true);
    await scenario.advance(MINUTE);
    const first = accessibilityReads(scenario).length;
    expect(first).toBe(1);
    await scenario.advance(6 * HOUR);
    expect(accessibilityReads(scenario).length - first).toBeLessThanOrEqual(6);
    expect(view(scenario).reachability).toBeNull();
  });

  test('a command the sleeping car did not take: asked again at once, and said when it wakes', async () => {
    const scenario = await start();
    await scenario.advance(MINUTE);
    const car = scenario.sim().vehicle(CAR);
    car.setOutOfReach('NO_INTERNET');
    await scenario.service.intents.lock(CAR);
    await scenario.advance(MINUTE);
    expect(view(scenario).reachability).toBe(
      'The car has no internet connection: commands may not reach it.',
    );
    car.setOutOfReach(null);
    await scenario.service.intents.setPopoverOpen(true);
    await scenario.advance(2 * HOUR);
    expect(view(scenario).reachability).toBeNull();
  });
});
