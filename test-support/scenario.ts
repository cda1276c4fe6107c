import { createMemoryDeps, memoryJsonStore, memorySettings } from '../main/core/app/memory-ports';
import { createAppService } from '../main/core/app/service';
import {
  type TrackedRequest,
  type TrackingFetch,
  trackingFetch,
} from '../main/core/app/testing/tracking-fetch';
import type { AppService } from '../main/core/app/types';
import type { AuthSession } from '../main/core/auth/types';
import type { Fetch, JsonStore, Logger, SecretVault } from '../main/core/ports';
import type { SettingsStore } from '../main/core/settings';
import { FakeClock } from '../main/core/testing/fake-clock';
import { embeddedDemo } from '../main/demo/embedded-simulator';
import type { Simulator, SimulatorOptions } from '../main/simulator/index';

/**
 * The whole app on a FakeClock against the real embedded simulator, over real HTTP on
 * 127.0.0.1: what the scenario tests and the bench run.
 */
export interface Scenario {
  clock: FakeClock;
  service: AppService;
  deps: ReturnType<typeof createMemoryDeps>;
  /** The settings store, with every save it received. */
  settings: ReturnType<typeof memorySettings>;
  http: TrackingFetch;
  /** The simulator the app started in demo mode. */
  sim(): Simulator;
  /**
   * Lets the requests in flight finish, then moves time forward, letting the app finish each
   * timer's work before the next fires.
   */
  advance(ms: number): Promise<void>;
  /** Requests to the Connected Vehicle API (not Volvo ID), optionally for one VIN. */
  apiRequests(vin?: string): TrackedRequest[];
  close(): Promise<void>;
}

/**
 * The default network of a scenario: this computer only. Anything else (Volvo's real hosts, a
 * sign-in that tries discovery at Volvo ID) fails as it would offline, so no test and no bench
 * run ever sends traffic elsewhere.
 */
export const loopbackOnlyFetch: Fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input.toString());
  if (url.hostname !== '127.0.0.1') {
    throw new TypeError(`fetch failed (scenarios stay on this computer, not ${url.hostname})`);
  }
  return globalThis.fetch(input, init);
};

export interface ScenarioOptions {
  /** Raw settings, as a settings file would hold them. */
  settings?: unknown;
  /** Persisted app state from an earlier run (restart tests). */
  state?: unknown;
  /** Where the app keeps its state (default: a memory store holding `state`). */
  stateStore?: JsonStore<unknown>;
  /** Where the app keeps its settings (default: {@link Scenario.settings}, holding `settings`). */
  settingsStore?: SettingsStore;
  /** The secret vault, e.g. holding what an earlier run saved (default: an empty memory one). */
  vault?: SecretVault;
  clock?: FakeClock;
  simulator?: Omit<SimulatorOptions, 'clock' | 'logger'>;
  /** Called with the simulator as soon as the app started it, before the app signs in. */
  prepareSimulator?: (simulator: Simulator) => void;
  /** The fetch under the tracking one (default: {@link loopbackOnlyFetch}). */
  fetch?: Fetch;
  logger?: Logger;
  /** Longest real wait for the app to go idle after each timer (requests that never answer). */
  idleMaxMs?: number;
  /** Call `service.start()` (default true). */
  start?: boolean;
  /** A sign-in session made by the test (e.g. signed in elsewhere); default: the app's own. */
  auth?: AuthSession;
}

export async function startScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  const clock = options.clock ?? new FakeClock();
  const http = trackingFetch(options.fetch ?? loopbackOnlyFetch, () => clock.now());
  const settings = memorySettings(options.settings);
  const deps = createMemoryDeps({
    clock,
    fetch: http.fetch,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.vault ? { vault: options.vault } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
    settings: options.settingsStore ?? settings,
    state: options.stateStore ?? memoryJsonStore<unknown>(options.state),
  });
  let simulator: Simulator | null = null;
  const startDemo = embeddedDemo({
    ...(options.simulator ? { simulator: options.simulator } : {}),
    onStart(started) {
      simulator = started;
      options.prepareSimulator?.(started);
    },
  });
  const service = createAppService({ ...deps, startDemo }, { random: () => 0.5 });
  const scenario: Scenario = {
    clock,
    service,
    deps,
    settings,
    http,
    sim() {
      if (simulator === null) throw new Error('The app has not started the demo simulator.');
      return simulator;
    },
    async advance(ms) {
      // Requests already on their way are answered before time moves, as they would be.
      const settle = () => http.idle(options.idleMaxMs);
      await settle();
      await clock.advance(ms, settle);
    },
    apiRequests: (vin) =>
      http.requests.filter(
        (request) =>
          request.url.pathname.startsWith('/connected-vehicle/') &&
          (vin === undefined || request.url.pathname.includes(`/vehicles/${vin}`)),
      ),
    async close() {
      await service.stop();
    },
  };
  if (options.start ?? true) {
    await service.start();
    await http.idle(options.idleMaxMs);
  }
  return scenario;
}
