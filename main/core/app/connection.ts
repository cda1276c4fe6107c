import type { DemoAction, SignInRequest } from '../../../preload/contract';
import type { Simulator, SimulatorOptions } from '../../simulator/index';
import { createRedirectFollower, VOLVO_ID_ISSUER, volvoIdConfig } from '../auth/session';
import type { AuthSession } from '../auth/types';
import type { BrowserOpener, Clock, Fetch, Logger, SecretVault } from '../ports';
import { createVehicleApi, VOLVO_API_BASE } from '../volvo/client';
import type { ApiVersion, VehicleApi } from '../volvo/model';
import type { SignInMode } from './snapshot';

/**
 * How the app reaches a car: the embedded simulator signed in through the real OAuth code
 * (demo), the person's own Volvo ID app, or a pasted test token, each ending in a
 * {@link VehicleApi} with the right base URL and API key. Owns the demo simulator's lifetime.
 */

export interface Connected {
  api: VehicleApi;
  mode: SignInMode;
  /** The VCC API key the requests use (for the quota count; never shown). */
  apiKey: string;
}

export interface ConnectorOptions {
  clock: Clock;
  fetch: Fetch;
  vault: SecretVault;
  logger: Logger;
  auth: AuthSession;
  startSimulator(options: SimulatorOptions): Promise<Simulator>;
  /** Every HTTP request to the Connected Vehicle API (the quota count). */
  onRequest(): void;
  /** v1: how long to follow a command's async.href before calling it timed out. */
  commandTimeoutMs: number;
  /** Told every secret this module handles, so nothing shown or logged can carry it. */
  rememberSecret(secret: string): void;
}

export interface Connector {
  /** Signs in; demo mode speaks `demoApiVersion` (the setting), the others their request's. */
  connect(request: SignInRequest, demoApiVersion: ApiVersion): Promise<Connected>;
  /** The saved session (volvo-id or test-token), or null when it needs a new sign-in. */
  restore(): Promise<Connected | null>;
  /** The same connection speaking another API version. */
  withVersion(connected: Connected, version: ApiVersion): Connected;
  /** Demo mode only: changes the simulated car or makes the simulated API misbehave. */
  demo(action: DemoAction, defaultVin: string | null): string;
  /** Closes the demo simulator, if one runs. */
  close(): Promise<void>;
}

/** A browser opener that, in demo mode, follows the simulator's redirect itself. */
export function demoAwareBrowser(
  browser: BrowserOpener,
  fetch: Fetch,
  demoActive: () => boolean,
): BrowserOpener {
  const follower = createRedirectFollower(fetch);
  return { open: (url) => (demoActive() ? follower.open(url) : browser.open(url)) };
}

export function createConnector(options: ConnectorOptions): Connector & { demoActive(): boolean } {
  const { auth, vault } = options;
  let simulator: Simulator | null = null;
  let demoActive = false;
  const endpoints = new WeakMap<VehicleApi, { baseUrl: string }>();

  const api = (baseUrl: string, version: ApiVersion, apiKey: string): VehicleApi => {
    const created = createVehicleApi({
      baseUrl,
      version,
      apiKey,
      tokens: auth,
      fetch: options.fetch,
      clock: options.clock,
      logger: options.logger,
      commandTimeoutMs: options.commandTimeoutMs,
      onRequest: () => options.onRequest(),
    });
    endpoints.set(created, { baseUrl });
    return created;
  };

  const closeSimulator = async () => {
    const running = simulator;
    simulator = null;
    demoActive = false;
    await running?.close();
  };

  return {
    demoActive: () => demoActive,
    async connect(request, demoApiVersion) {
      switch (request.mode) {
        case 'demo': {
          // The simulator's Volvo ID accepts any loopback port: port 0 picks a free one.
          simulator ??= await options.startSimulator({
            clock: options.clock,
            logger: options.logger,
          });
          demoActive = true;
          const sim = simulator;
          await auth.signInWithVolvoId(
            volvoIdConfig(sim.baseUrl, sim.client.id, sim.client.secret, 0),
            'demo',
            demoApiVersion,
          );
          return {
            api: api(sim.baseUrl, demoApiVersion, sim.apiKey),
            mode: 'demo',
            apiKey: sim.apiKey,
          };
        }
        case 'volvo-id': {
          await closeSimulator();
          await auth.signInWithVolvoId(
            volvoIdConfig(
              VOLVO_ID_ISSUER,
              request.clientId,
              request.clientSecret || undefined,
              request.redirectPort,
            ),
            'volvo-id',
            request.apiVersion,
          );
          await vault.set('apiKey', request.apiKey);
          return {
            api: api(VOLVO_API_BASE, request.apiVersion, request.apiKey),
            mode: 'volvo-id',
            apiKey: request.apiKey,
          };
        }
        case 'test-token': {
          await closeSimulator();
          // biome-ignore lint/correctness/useHookAtTopLevel: a method of AuthSession, not a React hook.
          await auth.useTestToken(request.accessToken, request.apiVersion);
          await vault.set('apiKey', request.apiKey);
          return {
            api: api(VOLVO_API_BASE, request.apiVersion, request.apiKey),
            mode: 'test-token',
            apiKey: request.apiKey,
          };
        }
      }
    },
    async restore() {
      await auth.restore();
      const state = auth.state();
      if (state.status !== 'signed-in' || state.mode === null || state.mode === 'demo') return null;
      const apiKey = await vault.get('apiKey');
      if (apiKey === undefined) return null;
      return { api: api(VOLVO_API_BASE, state.apiVersion, apiKey), mode: state.mode, apiKey };
    },
    withVersion(connected, version) {
      const baseUrl = endpoints.get(connected.api)?.baseUrl ?? VOLVO_API_BASE;
      return { ...connected, api: api(baseUrl, version, connected.apiKey) };
    },
    demo(action, defaultVin) {
      const sim = simulator;
      if (!demoActive || sim === null) {
        throw new Error(
          'The demo controls only work with the demo car. Choose "Try the demo" to use them.',
        );
      }
      if (action.kind === 'fault') {
        sim.setFault(simFault(action.fault));
        return defaultVin ?? sim.vins[0] ?? '';
      }
      const vin = (action.vin ?? defaultVin ?? sim.vins[0] ?? '').toUpperCase();
      if (!sim.vins.includes(vin)) throw new Error(`The demo has no car with VIN ${vin}.`);
      const vehicle = sim.vehicle(vin);
      if (action.kind === 'door') vehicle.setDoor(action.door, action.value);
      else if (action.kind === 'window') vehicle.setWindow(action.window, action.value);
      else vehicle.setAsleep(action.asleep);
      return vin;
    },
    close: closeSimulator,
  };
}

function simFault(fault: Extract<DemoAction, { kind: 'fault' }>['fault']) {
  switch (fault) {
    case 'none':
      return null;
    case 'quota':
      return { kind: 'quota-exhausted' } as const;
    case 'rate-limit':
      return { kind: 'rate-limit', retryAfterSeconds: 60 } as const;
    case 'server-error':
      return { kind: 'status', status: 503, count: 3 } as const;
    case 'malformed':
      return { kind: 'malformed' } as const;
    case 'timeout':
      return { kind: 'timeout' } as const;
    case 'unknown-values':
      return { kind: 'unknown-values' } as const;
  }
}
