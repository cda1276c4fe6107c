import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../../test-support/scenario';
import {
  activityTexts,
  CAR,
  scenarioStarter,
  vehicleView as view,
} from '../../../test-support/scenario-suite';

/** Engine left running, on a FakeClock against the real simulator over real HTTP. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const start = scenarioStarter();

const engineNotices = (scenario: Scenario) =>
  scenario.deps.notifier.shown.filter((shown) => shown.id.includes(':engine-running:'));
const engineReads = (scenario: Scenario) =>
  scenario.apiRequests(CAR).filter((request) => request.url.pathname.endsWith('/engine-status'));

describe('engine left running', () => {
  test('a locked car with the engine off costs no engine reads', async () => {
    const scenario = await start();
    await scenario.advance(MINUTE);
    const afterFirst = engineReads(scenario).length;
    await scenario.advance(6 * HOUR);
    expect(engineReads(scenario).length).toBe(afterFirst);
    expect(engineNotices(scenario)).toHaveLength(0);
  });

  test('the engine running when the car locks: one notification, and the popover says so', async () => {
    const scenario = await start();
    const car = scenario.sim().vehicle(CAR);
    car.setLock('UNLOCKED');
    await scenario.service.intents.refresh();
    car.setEngine('RUNNING');
    car.setLock('LOCKED');
    await scenario.advance(5 * MINUTE);
    const shown = engineNotices(scenario);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('XC40 2023 · 000001: Engine running, car parked');
    expect(shown[0]?.body).toContain('running while the car is locked');
    expect(shown[0]?.actions ?? []).toEqual([]);
    expect(view(scenario).alerts.map((alert) => alert.title)).toContain(
      'Engine running, car parked',
    );

    // Still one while it runs (before the reminder); gone once the engine stops.
    await scenario.advance(20 * MINUTE);
    expect(engineNotices(scenario)).toHaveLength(1);
    car.setEngine('STOPPED');
    await scenario.advance(30 * MINUTE);
    expect(view(scenario).alerts.map((alert) => alert.rule)).not.toContain('engine-running');
    expect(await activityTexts(scenario)).toEqual(
      expect.arrayContaining(['Engine started', 'Engine stopped']),
    );
  });

  test('locked from the popover with the engine started since the last check: noticed at the next check', async () => {
    const scenario = await start();
    const car = scenario.sim().vehicle(CAR);
    car.setLock('UNLOCKED');
    await scenario.service.intents.refresh();
    await scenario.advance(2 * MINUTE);
    car.setEngine('RUNNING');
    await scenario.service.intents.lock(CAR);
    expect(view(scenario).command.last?.ok).toBe(true);
    await scenario.advance(5 * MINUTE);
    expect(engineNotices(scenario)).toHaveLength(1);
    expect(engineNotices(scenario)[0]?.body).toContain('running while the car is locked');
  });

  test('running unlocked with no door opened: an alert after the set minutes, not before', async () => {
    const scenario = await start({ settings: { alerts: { engineRunning: { minutes: 15 } } } });
    const car = scenario.sim().vehicle(CAR);
    car.setLock('UNLOCKED');
    car.setEngine('RUNNING');
    await scenario.service.intents.refresh();
    await scenario.advance(14 * MINUTE);
    expect(engineNotices(scenario)).toHaveLength(0);
    await scenario.advance(3 * MINUTE);
    expect(engineNotices(scenario)).toHaveLength(1);
    expect(engineNotices(scenario)[0]?.body).toContain('with no door opened');
  });

  test('unlocked with the engine off: asked every 3 minutes, not at each check; a start is seen by then', async () => {
    const scenario = await start({ settings: { alerts: { unlocked: { enabled: false } } } });
    const car = scenario.sim().vehicle(CAR);
    car.setLock('UNLOCKED');
    await scenario.service.intents.refresh();
    await scenario.advance(MINUTE);
    const before = engineReads(scenario).length;
    // Checked every minute while unlocked: 30 checks, 10 engine reads.
    await scenario.advance(30 * MINUTE);
    expect(engineReads(scenario).length - before).toBe(10);
    car.setEngine('RUNNING');
    await scenario.advance(3 * MINUTE + 5000);
    expect(await activityTexts(scenario)).toContain('Engine started');
  });

  test('a door opened means someone is at the car: no alert', async () => {
    const scenario = await start();
    const car = scenario.sim().vehicle(CAR);
    car.setLock('UNLOCKED');
    car.setEngine('RUNNING');
    car.setDoor('frontLeft', 'OPEN');
    await scenario.service.intents.refresh();
    await scenario.advance(12 * MINUTE);
    expect(engineNotices(scenario)).toHaveLength(0);
  });

  test('started and locked again between two checks: unseen by default, noticed at the next check when parked cars are watched', async () => {
    const startedUnseen = async (scenario: Scenario) => {
      const car = scenario.sim().vehicle(CAR);
      await scenario.advance(6 * HOUR);
      // Unlocked, started and locked again within a minute, between two checks of a parked car.
      car.setLock('UNLOCKED');
      car.setEngine('RUNNING');
      car.setLock('LOCKED');
    };
    const byDefault = await start();
    await startedUnseen(byDefault);
    await byDefault.advance(30 * MINUTE);
    expect(engineNotices(byDefault)).toHaveLength(0);

    const watching = await start({
      settings: { alerts: { engineRunning: { whileParked: true } } },
    });
    const readsBefore = engineReads(watching).length;
    await startedUnseen(watching);
    // A parked car is checked every 5 minutes: one check, and the alert is up.
    await watching.advance(5 * MINUTE + 5000);
    expect(engineNotices(watching)).toHaveLength(1);
    // The price: an engine read at every check of the parked car (6 h at one check per 5 min).
    expect(engineReads(watching).length - readsBefore).toBeGreaterThanOrEqual(6 * 12);
  });

  test('switched off in the settings: the engine is neither read nor judged', async () => {
    const scenario = await start({ settings: { alerts: { engineRunning: { enabled: false } } } });
    const car = scenario.sim().vehicle(CAR);
    car.setLock('UNLOCKED');
    car.setEngine('RUNNING');
    car.setLock('LOCKED');
    await scenario.advance(30 * MINUTE);
    expect(engineNotices(scenario)).toHaveLength(0);
    expect(engineReads(scenario)).toHaveLength(0);
  });
});
