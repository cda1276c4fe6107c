import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../../test-support/scenario';
import { CAR, scenarioStarter, vehicleView as view } from '../../../test-support/scenario-suite';

const MINUTE = 60_000;
const start = scenarioStarter();

const lidNotices = (scenario: Scenario) =>
  scenario.deps.notifier.shown.filter((shown) => shown.id.includes(':tank-lid-open:'));

describe('tank lid left open (optional rule)', () => {
  test('off by default: an open lid notifies nothing', async () => {
    const scenario = await start();
    scenario.sim().vehicle(CAR).setDoor('tankLid', 'OPEN');
    await scenario.service.intents.refresh();
    await scenario.advance(30 * MINUTE);
    expect(lidNotices(scenario)).toHaveLength(0);
  });

  test('switched on: one notification after its minutes, gone once the lid closes', async () => {
    const scenario = await start({
      settings: { alerts: { tankLidOpen: { enabled: true, minutes: 5 } } },
    });
    const car = scenario.sim().vehicle(CAR);
    car.setDoor('tankLid', 'OPEN');
    await scenario.service.intents.refresh();
    await scenario.advance(4 * MINUTE);
    expect(lidNotices(scenario)).toHaveLength(0);
    await scenario.advance(12 * MINUTE);
    expect(lidNotices(scenario)).toHaveLength(1);
    expect(lidNotices(scenario)[0]?.title).toBe('XC40 2023 · 000001: Tank lid left open');
    car.setDoor('tankLid', 'CLOSED');
    await scenario.advance(15 * MINUTE);
    expect(view(scenario).alerts.map((alert) => alert.rule)).not.toContain('tank-lid-open');
  });
});
