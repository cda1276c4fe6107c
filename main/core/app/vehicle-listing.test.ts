import { describe, expect, test } from 'vitest';
import type { CommandKind } from '../../../shared/vehicle';
import { silentLogger } from '../ports';
import { FakeClock } from '../testing/fake-clock';
import { VolvoApiError } from '../volvo/errors';
import type { VehicleApi } from '../volvo/model';
import { createVehicleListing } from './vehicle-listing';

const SECOND = 1000;
const VINS = ['YV1XZK9V2PA000001', 'YV4A22PL3N1000002'];

/** An API whose listing answers come from `answers`, one per call (then the VINs). */
function fakeApi(answers: (string[] | Error)[], supported: CommandKind[] = ['lock', 'unlock']) {
  const calls: number[] = [];
  const clock = new FakeClock();
  const api = {
    async listVehicles() {
      calls.push(clock.now());
      const answer = answers.shift() ?? VINS;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    async supportedCommands() {
      return supported;
    },
    async vehicleDetails(vin: string) {
      if (vin.endsWith('2')) throw new VolvoApiError('server', 'Volvo is not answering.');
      return { model: 'XC40', modelYear: 2023, colour: null };
    },
  } as unknown as VehicleApi;
  return { api, calls, clock };
}

function listing(clock: FakeClock) {
  const events: string[] = [];
  const created = createVehicleListing({
    clock,
    random: () => 0.5,
    logger: silentLogger,
    retryMs: 30 * SECOND,
    maxRetryMs: 30 * 60 * SECOND,
    onListed: (vins) => events.push(`listed ${vins.length}`),
    onFailed: (reason) => events.push(`failed: ${reason}`),
    onCapabilities: (vin, capabilities) =>
      events.push(`${vin.slice(-1)} reduced guard ${capabilities.lockReducedGuard}`),
    onDetails: (vin, details) => events.push(`${vin.slice(-1)} is ${details?.model}`),
  });
  return { events, listing: created };
}

describe('vehicle listing', () => {
  test('a failed listing says why and is tried again with growing waits until it works', async () => {
    const down = new VolvoApiError('server', 'Volvo is not answering right now.', { status: 503 });
    const { api, calls, clock } = fakeApi([down, down]);
    const { events, listing: cars } = listing(clock);

    await cars.start(api);
    await clock.advance(10 * 60 * SECOND);

    const start = Date.UTC(2026, 10, 27, 8);
    // Backoff with jitter (here its middle): 45 s, then 90 s.
    expect(calls.map((at) => (at - start) / SECOND)).toEqual([0, 45, 135]);
    expect(events).toEqual([
      'failed: Volvo is not answering right now.',
      'failed: Volvo is not answering right now.',
      'listed 2',
    ]);
  });

  test('after a 429 or the quota 403 it asks again only when Volvo allows', async () => {
    const resetsAt = Date.UTC(2026, 10, 28);
    const { api, calls, clock } = fakeApi([
      new VolvoApiError('rate-limited', 'Too many requests.', {
        status: 429,
        retryAfterMs: 120_000,
      }),
      new VolvoApiError('quota', 'Out of quota.', { status: 403, quotaResetsAt: resetsAt }),
    ]);
    const { events, listing: cars } = listing(clock);

    await cars.start(api);
    await clock.advance(resetsAt - clock.now());

    const start = Date.UTC(2026, 10, 27, 8);
    expect(calls.map((at) => at - start)).toEqual([0, 120_000, resetsAt - start]);
    expect(events.at(-1)).toBe('listed 2');
  });

  test('stopped (signed out): no more tries, and a late answer is dropped', async () => {
    const { api, calls, clock } = fakeApi([new VolvoApiError('network', 'Offline.')]);
    const { events, listing: cars } = listing(clock);
    await cars.start(api);
    cars.stop();
    await clock.advance(60 * 60 * SECOND);
    expect(calls).toHaveLength(1);
    expect(clock.pending()).toBe(0);

    let answer: (vins: string[]) => void = () => {};
    const slow = {
      listVehicles: () => new Promise<string[]>((resolve) => (answer = resolve)),
    } as unknown as VehicleApi;
    const late = cars.start(slow);
    cars.stop();
    answer(VINS);
    await late;
    expect(events).toEqual(['failed: Offline.']);
  });

  test('reads what each car is and which can lock with reduced guard, each on its own', async () => {
    const { api, clock } = fakeApi([], ['lock', 'unlock', 'lock-reduced-guard']);
    const { events, listing: cars } = listing(clock);
    await cars.start(api);
    await cars.describe(VINS);
    // The second car's details fail: it keeps its commands, and the first its details.
    expect(events.sort()).toEqual(
      ['listed 2', '1 reduced guard true', '1 is XC40', '2 reduced guard true'].sort(),
    );
  });
});
