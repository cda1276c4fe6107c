import { afterEach } from 'vitest';
import type { VehicleView } from '../shared/snapshot';
import { type Scenario, type ScenarioOptions, startScenario } from './scenario';

/** What the service test files share: the demo cars, scenarios closed after each test, views. */

/** The simulator's two demo cars: a 2023 car with reduced guard, a 2022 "classic" one without. */
export const CAR = 'YV1XZK9V2PA000001';
export const OTHER = 'YV4A22PL3N1000002';

/**
 * Registers an `afterEach` that closes every scenario the returned function started, so a
 * failing test leaves no simulator or timer behind.
 */
export function scenarioStarter(): (options?: ScenarioOptions) => Promise<Scenario> {
  let running: Scenario[] = [];
  afterEach(async () => {
    const closing = running;
    running = [];
    await Promise.all(closing.map((scenario) => scenario.close()));
  });
  return async (options) => {
    const scenario = await startScenario(options);
    running.push(scenario);
    return scenario;
  };
}

/** The car as the popover shows it now. */
export function vehicleView(scenario: Scenario, vin = CAR): VehicleView {
  const found = scenario.service.snapshot().vehicles.find((vehicle) => vehicle.vin === vin);
  if (!found) throw new Error(`no vehicle ${vin} in the snapshot`);
  return found;
}

/** The lines of a car's activity log, newest first. */
export async function activityTexts(scenario: Scenario, vin = CAR): Promise<string[]> {
  const entries = await scenario.service.intents.getActivity(vin);
  return entries.map((entry) => entry.text);
}
