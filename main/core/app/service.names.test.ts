import { describe, expect, test } from 'vitest';
import { loopbackOnlyFetch } from '../../../test-support/scenario';
import {
  CAR,
  OTHER,
  scenarioStarter,
  vehicleView as view,
} from '../../../test-support/scenario-suite';

const start = scenarioStarter();
/** The path of `/vehicles/{vin}`, what Volvo says a car is. */
const DETAILS = /\/vehicles\/[A-Z0-9]{17}$/;

describe('what the cars are called', () => {
  test('each car goes by the model Volvo reports, and says what it is', async () => {
    const scenario = await start();
    await scenario.advance(1000);
    expect(view(scenario).name).toBe('XC40 2023 · 000001');
    expect(view(scenario).description).toBe('XC40 · 2023 · Crystal White');
    // Volvo's answer for the classic car has no colour: it is left out, not made up.
    expect(view(scenario, OTHER)).toMatchObject({
      name: 'V60 2022 · 000002',
      description: 'V60 · 2022',
    });
    // One details request per car for the connection, not one per check.
    await scenario.advance(30 * 60_000);
    const details = scenario
      .apiRequests()
      .filter((r) => /\/vehicles\/[A-Z0-9]{17}$/.test(r.url.pathname));
    expect(details).toHaveLength(2);
  });

  test('a name the person gives wins everywhere, and an empty one gives the model’s back', async () => {
    const scenario = await start({ settings: { alerts: { doorOpen: { minutes: 1 } } } });
    await scenario.advance(1000);
    await scenario.service.intents.updateSettings({ vehicleNames: { [CAR]: 'Anna’s car' } });
    expect(view(scenario).name).toBe('Anna’s car');
    expect(scenario.settings.load().settings.vehicleNames).toEqual({ [CAR]: 'Anna’s car' });
    // The notification names the car as the person does.
    scenario.sim().vehicle(CAR).setDoor('rearLeft', 'OPEN');
    await scenario.service.intents.refresh();
    await scenario.advance(3 * 60_000);
    expect(scenario.deps.notifier.shown[0]?.title).toBe('Anna’s car: Rear left door left open');
    await scenario.service.intents.updateSettings({ vehicleNames: { [CAR]: '' } });
    expect(view(scenario).name).toBe('XC40 2023 · 000001');
  });

  test('names survive a restart while Volvo cannot describe the cars', async () => {
    const first = await start();
    await first.advance(1000);
    await first.service.stop();
    // The demo signs in afresh (its session's tokens were in the first run's vault).
    const { auth: _, ...state } = first.deps.state.load() as Record<string, unknown>;
    const second = await start({
      state,
      // The details request fails (a 503); everything else answers.
      fetch: (input, init) =>
        DETAILS.test(new URL(String(input)).pathname)
          ? Promise.resolve(new Response('{}', { status: 503 }))
          : loopbackOnlyFetch(input, init),
    });
    await second.advance(1000);
    expect(view(second).name).toBe('XC40 2023 · 000001');
    expect(second.apiRequests().filter((r) => DETAILS.test(r.url.pathname))).toHaveLength(2);
  });

  test('API v1 does not describe cars: the name comes from the VIN', async () => {
    const scenario = await start({ settings: { connection: { apiVersion: 'v1' } } });
    await scenario.advance(1000);
    expect(view(scenario)).toMatchObject({ name: 'Volvo 2023 · 000001', description: null });
  });
});
