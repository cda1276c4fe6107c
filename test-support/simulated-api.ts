import { afterEach } from 'vitest';
import type { AccessTokenProvider } from '../main/core/auth/types';
import { FakeClock } from '../main/core/testing/fake-clock';
import { createVehicleApi, type VehicleApiOptions } from '../main/core/volvo/client';
import type { VehicleApi } from '../main/core/volvo/model';
import { recordingLogger } from '../main/core/volvo/testing/fake-fetch';
import { startSimulator } from '../main/simulator/index';
import type { Simulator, SimulatorOptions } from '../main/simulator/types';
import type { ApiVersion } from '../shared/vehicle';

/** A token provider over the simulator that counts what the client asks of it. */
export interface CountingTokens extends AccessTokenProvider {
  /** Tokens the client handed back as refused. */
  readonly refused: string[];
}

/**
 * Hands out `initial` (default: a fresh all-scope token); after a 401 it issues a new token
 * from the simulator, or null when `canRefresh` is false.
 */
export function countingTokens(
  sim: Simulator,
  options: { initial?: string; canRefresh?: boolean } = {},
): CountingTokens {
  let current = options.initial ?? sim.issueAccessToken();
  const tokens: CountingTokens = {
    refused: [],
    async accessToken() {
      return current;
    },
    async refreshAfterUnauthorized(rejected) {
      tokens.refused.push(rejected);
      if (options.canRefresh === false) return null;
      current = sim.issueAccessToken();
      return current;
    },
  };
  return tokens;
}

export interface SimulatedApi {
  sim: Simulator;
  api: VehicleApi;
  clock: FakeClock;
  tokens: CountingTokens;
  logger: ReturnType<typeof recordingLogger>;
  /** What the client reported through onRequest. */
  requests: { method: string; path: string; status: number | null }[];
}

/**
 * A simulator on 127.0.0.1 and a client speaking `version` to it, sharing one FakeClock.
 * The caller closes `sim` in afterEach.
 */
export async function simulatedApi(
  version: ApiVersion,
  options: {
    sim?: SimulatorOptions;
    api?: Partial<VehicleApiOptions>;
    tokens?: (sim: Simulator) => CountingTokens;
  } = {},
): Promise<SimulatedApi> {
  const clock = new FakeClock();
  const sim = await startSimulator({ clock, commandStepMs: 1_500, ...options.sim });
  const tokens = options.tokens ? options.tokens(sim) : countingTokens(sim);
  const logger = recordingLogger();
  const requests: SimulatedApi['requests'] = [];
  const api = createVehicleApi({
    baseUrl: sim.baseUrl,
    version,
    apiKey: sim.apiKey,
    tokens,
    clock,
    logger,
    timeoutMs: 5_000,
    commandPollMs: 1_000,
    onRequest: (request) => requests.push(request),
    ...options.api,
  });
  return { sim, api, clock, tokens, logger, requests };
}

/**
 * For a test file: returns a `start` that sets up {@link simulatedApi} and closes every
 * simulator it started after each test.
 */
export function simulatedApis(): (
  version: ApiVersion,
  options?: Parameters<typeof simulatedApi>[1],
) => Promise<SimulatedApi> {
  let running: Simulator[] = [];
  afterEach(async () => {
    await Promise.all(running.map((sim) => sim.close()));
    running = [];
  });
  return async (version, options = {}) => {
    const setup = await simulatedApi(version, options);
    running.push(setup.sim);
    return setup;
  };
}
