import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../../test-support/scenario';
import { scenarioStarter, vehicleView as view } from '../../../test-support/scenario-suite';

/** Volvo's own outages, on a FakeClock against the simulator standing in for the portal. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOTICE = 'Connected Vehicle API is experiencing disturbances.';

const start = scenarioStarter();

const statusReads = (scenario: Scenario) =>
  scenario.http.requests.filter((request) => request.url.pathname === '/api/v1/backend-status');

describe("Volvo's own outages", () => {
  test("an outage: the status line names Volvo's service, and once it ends the car is live again", async () => {
    const scenario = await start();
    await scenario.advance(MINUTE);
    expect(view(scenario).freshness.state).toBe('live');

    scenario.sim().setOutage(NOTICE);
    await scenario.service.intents.refresh();
    await scenario.advance(0);
    const during = view(scenario);
    expect(during.freshness).toMatchObject({
      state: 'stale',
      reason: `Volvo's service reports a problem: ${NOTICE}`,
    });
    expect(during.lastError).toBe(`Volvo's service reports a problem: ${NOTICE}`);
    expect(during.summary).toBe('locked'); // the last known state stays

    scenario.sim().setOutage(null);
    await scenario.service.intents.refresh();
    await scenario.advance(0);
    expect(view(scenario).freshness.state).toBe('live');
    expect(view(scenario).lastError).toBeNull();
  });

  test('costs no request while checks succeed, and one per 5 minutes at most during an outage', async () => {
    const scenario = await start();
    await scenario.advance(24 * HOUR);
    expect(statusReads(scenario)).toHaveLength(0);

    scenario.sim().setOutage(NOTICE);
    await scenario.service.intents.setPopoverOpen(true); // checks every minute
    await scenario.advance(HOUR);
    const reads = statusReads(scenario).length;
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(12);
    expect(view(scenario).freshness).toMatchObject({ reason: expect.stringContaining(NOTICE) });
  });

  test('a failure the status page calls healthy keeps its own words', async () => {
    const scenario = await start();
    await scenario.advance(MINUTE);
    scenario.sim().setFault({ kind: 'status', status: 503 });
    await scenario.service.intents.refresh();
    await scenario.advance(0);
    expect(statusReads(scenario)).toHaveLength(1);
    expect(view(scenario).freshness.state).toBe('stale');
    expect(view(scenario).lastError).toMatch(/^(?!Volvo's service reports)/);
  });

  test('not asked for a refused sign-in or a used-up quota', async () => {
    const scenario = await start();
    await scenario.advance(MINUTE);
    scenario.sim().setFault({ kind: 'quota-exhausted' });
    await scenario.service.intents.refresh();
    await scenario.advance(0);
    expect(statusReads(scenario)).toHaveLength(0);
  });
});
