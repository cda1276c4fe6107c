import type { AccessTokenProvider } from '../../main/core/auth/types';
import type { Clock, Fetch } from '../../main/core/ports';
import { createVehicleApi } from '../../main/core/volvo/client';
import type { DoorsReport } from '../../main/core/volvo/model';
import type { Simulator } from '../../main/simulator/index';

/**
 * The baselines: what peers do, poll every car at a fixed interval whatever it is doing (doors
 * and windows, or doors alone). Same API client, same simulator, same clock as the app.
 */
export interface FixedPoller {
  stop(): void;
}

export function startFixedPoller(options: {
  simulator: Simulator;
  clock: Clock;
  fetch: Fetch;
  vins: readonly string[];
  intervalMs: number;
  /** Ask for the windows too at every check (two requests a check instead of one). */
  readWindows: boolean;
  onDoors(vin: string, report: DoorsReport): void;
}): FixedPoller {
  const { simulator, clock } = options;
  // A token straight from the simulator's Volvo ID, renewed when it runs out.
  let token = simulator.issueAccessToken();
  let issuedAt = clock.now();
  const tokens: AccessTokenProvider = {
    async accessToken() {
      if (clock.now() - issuedAt > 240_000) {
        token = simulator.issueAccessToken();
        issuedAt = clock.now();
      }
      return token;
    },
    async refreshAfterUnauthorized() {
      token = simulator.issueAccessToken();
      issuedAt = clock.now();
      return token;
    },
  };
  const api = createVehicleApi({
    baseUrl: simulator.baseUrl,
    version: 'v2',
    apiKey: simulator.apiKey,
    tokens,
    fetch: options.fetch,
    clock,
  });
  let stopped = false;
  let timer = clock.setTimeout(tick, 0);
  let next = clock.now();

  function tick() {
    if (stopped) return;
    for (const vin of options.vins) {
      const windows = options.readWindows ? [api.getWindows(vin)] : [];
      void Promise.allSettled([api.getDoors(vin), ...windows]).then(([doors]) => {
        if (doors?.status === 'fulfilled') options.onDoors(vin, doors.value);
      });
    }
    next += options.intervalMs;
    timer = clock.setTimeout(tick, next - clock.now());
  }

  return {
    stop() {
      stopped = true;
      clock.clearTimeout(timer);
    },
  };
}
