import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../../test-support/scenario';
import { CAR, scenarioStarter, vehicleView as view } from '../../../test-support/scenario-suite';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = scenarioStarter();

const warningReads = (scenario: Scenario) =>
  scenario.apiRequests(CAR).filter((request) => request.url.pathname.endsWith('/warnings'));

describe('the car’s own warnings', () => {
  test('a parked day with the popover closed asks for none', async () => {
    const scenario = await start();
    await scenario.advance(24 * HOUR);
    expect(warningReads(scenario)).toHaveLength(0);
  });

  test('shown while someone looks, asked at most every 6 hours', async () => {
    const scenario = await start();
    scenario.sim().vehicle(CAR).setLampFailure('brakeLightCenterWarning', true);
    await scenario.advance(MINUTE);
    await scenario.service.intents.setPopoverOpen(true);
    await scenario.advance(MINUTE);
    expect(view(scenario).warnings).toEqual(['Centre brake light: failure']);
    // An hour of looking: still the one request.
    await scenario.advance(HOUR);
    expect(warningReads(scenario)).toHaveLength(1);
    scenario.sim().vehicle(CAR).setLampFailure('brakeLightCenterWarning', false);
    await scenario.advance(6 * HOUR);
    expect(warningReads(scenario)).toHaveLength(2);
    expect(view(scenario).warnings).toEqual([]);
    // No notification for a bulb.
    expect(scenario.deps.notifier.shown).toHaveLength(0);
  });
});
