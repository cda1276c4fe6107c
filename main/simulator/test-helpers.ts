import { afterEach, beforeEach } from 'vitest';
import { ManualClock } from './clock';
import { startSimulator } from './index';
import type { Simulator, SimulatorOptions } from './types';

/** What {@link simulatorPerTest} gives each test. */
export interface SimulatorFixture {
  /** This test's simulator, on {@link clock}. */
  readonly sim: Simulator;
  /** A ManualClock at 2026-11-27T08:00:00Z; time stands still until the test advances it. */
  readonly clock: ManualClock;
  /** The first demo car: modern (sunroof, lock-reduced-guard). */
  readonly vin: string;
  /** The second demo car: classic. */
  readonly classicVin: string;
  /** One more simulator for this test (on the same clock unless `options` say otherwise). */
  start(options?: SimulatorOptions): Promise<Simulator>;
}

/**
 * For a test file: a fresh simulator for each test, started with `options` on a new ManualClock,
 * and closed after the test together with any the test started with `start`.
 */
export function simulatorPerTest(options: SimulatorOptions = {}): SimulatorFixture {
  let current: { sim: Simulator; clock: ManualClock } | null = null;
  let running: Simulator[] = [];
  const now = () => {
    if (current === null) throw new Error('The simulator fixture is only there inside a test.');
    return current;
  };
  const start = async (clock: ManualClock, more: SimulatorOptions) => {
    const sim = await startSimulator({ clock, ...more });
    running.push(sim);
    return sim;
  };
  beforeEach(async () => {
    const clock = new ManualClock();
    current = { clock, sim: await start(clock, options) };
  });
  afterEach(async () => {
    await Promise.all(running.map((sim) => sim.close()));
    running = [];
    current = null;
  });
  return {
    get sim() {
      return now().sim;
    },
    get clock() {
      return now().clock;
    },
    get vin() {
      return now().sim.vins[0] ?? '';
    },
    get classicVin() {
      return now().sim.vins[1] ?? '';
    },
    start: (more = {}) => start(now().clock, more),
  };
}

/** Test support: one HTTP call to the simulator, answered as status, headers and parsed body. */
export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
}

export async function call(sim: Simulator, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(new URL(path, sim.baseUrl), { redirect: 'manual', ...init });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, headers: response.headers, body };
}

export const V1_READ = 'application/vnd.volvocars.api.connected-vehicle.vehicledata.v1+json';
export const V1_LOCK = 'application/vnd.volvocars.api.connected-vehicle.lock.v1+json';
export const V1_UNLOCK = 'application/vnd.volvocars.api.connected-vehicle.unlock.v1+json';

/** Headers of a correct call: token with every scope, the demo API key, and the media type. */
export function apiHeaders(
  sim: Simulator,
  media: Record<string, string>,
  token: string = sim.issueAccessToken(),
): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'vcc-api-key': sim.apiKey, ...media };
}

/** A v2 read of `path` (below /connected-vehicle/v2). */
export function v2Get(sim: Simulator, path: string, token?: string): Promise<Answer> {
  return call(sim, `/connected-vehicle/v2${path}`, {
    headers: apiHeaders(sim, { accept: 'application/json' }, token),
  });
}

/** A v2 command (below /connected-vehicle/v2/vehicles/{vin}/commands/). */
export function v2Command(sim: Simulator, vin: string, command: string, token?: string) {
  return call(sim, `/connected-vehicle/v2/vehicles/${vin}/commands/${command}`, {
    method: 'POST',
    headers: apiHeaders(sim, { 'content-type': 'application/json' }, token),
    body: '{}',
  });
}

/** A POST to the control API with a JSON body. */
export function control(sim: Simulator, path: string, body?: unknown): Promise<Answer> {
  return call(sim, `/_simulator${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? '' : JSON.stringify(body),
  });
}
