import type { DemoAction, SignInRequest } from '../../../shared/contract';
import type { Settings } from '../../../shared/settings';
import type { SignInMode } from '../../../shared/snapshot';
import type { ApiVersion } from '../../../shared/vehicle';
import { APP_WORDS } from '../../../shared/words/app';
import { createRedirectFollower } from '../auth/redirect-follower';
import type { AuthSession } from '../auth/types';
import { VOLVO_ID_ISSUER, volvoIdConfig } from '../auth/volvo-id';
import type {
  BrowserOpener,
  Clock,
  DemoBackend,
  Fetch,
  Logger,
  SecretVault,
  StartDemoBackend,
} from '../ports';
import { createVehicleApi, VOLVO_API_BASE } from '../volvo/client';
import type { VehicleApi } from '../volvo/model';

/**
 * How the app reaches a car: demo mode's backend signed in through the real OAuth code
 * (demo), the person's own Volvo ID app, or a pasted test token, each ending in a
 * {@link VehicleApi} with the right base URL and API key. Owns the demo backend's lifetime.
 */

export interface Connected {
  api: VehicleApi;
  mode: SignInMode;
  /** The VCC API key the requests use (for the quota count; never shown). */
  apiKey: string;
  /** Demo mode: its backend stands in for Volvo's status page too (else the setting says where). */
  backendStatusBaseUrl?: string;
}

export interface ConnectorOptions {
  clock: Clock;
  fetch: Fetch;
  vault: SecretVault;
  logger: Logger;
  auth: AuthSession;
  /** Starts demo mode's stand-in for Volvo. */
  startDemo: StartDemoBackend;
  /** Every HTTP request to the Connected Vehicle API (the quota count). */
  onRequest(): void;
  /** v1: how long to follow a command's async.href before calling it timed out. */
  commandTimeoutMs: number;
  /** Told every secret this module handles, so nothing shown or logged can carry it. */
  rememberSecret(secret: string | undefined): void;
}

export interface Connector {
  /** Signs in; demo mode speaks `demoApiVersion` (the setting), the others their request's. */
  connect(request: SignInRequest, demoApiVersion: ApiVersion): Promise<Connected>;
  /**
   * The saved session (volvo-id or test-token), or null when there is none to restore. A saved
   * sign-in whose API key is gone is signed out, with an Error saying so.
   */
  restore(): Promise<Connected | null>;
  /** The same connection speaking another API version. */
  withVersion(connected: Connected, version: ApiVersion): Connected;
  /** Demo mode only: changes the simulated car or makes the simulated API misbehave. */
  demo(action: DemoAction, defaultVin: string | null): string;
  /** Closes the demo backend, if one runs. */
  close(): Promise<void>;
}

/** The connection settings after a successful sign-in with `request`. */
export function connectionSettingsFor(
  request: SignInRequest,
  current: Settings['connection'],
): Settings['connection'] {
  switch (request.mode) {
    case 'demo':
      return { ...current, mode: 'demo' };
    case 'volvo-id':
      return {
        mode: 'volvo-id',
        apiVersion: request.apiVersion,
        clientId: request.clientId,
        redirectPort: request.redirectPort,
        access: request.access ?? 'full',
        findMyCar: request.findMyCar ?? false,
      };
    case 'test-token':
      return { ...current, mode: 'test-token', apiVersion: request.apiVersion };
  }
}

/** A browser opener that, in demo mode, follows the demo's redirect itself. */
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
  let backend: DemoBackend | null = null;
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

  const connectDemo = async (version: ApiVersion): Promise<Connected> => {
    const startedHere = backend === null;
    // The demo's Volvo ID accepts any loopback port: port 0 picks a free one.
    backend ??= await options.startDemo({ clock: options.clock, logger: options.logger });
    const sim = backend;
    const wasDemo = demoActive;
    demoActive = true;
    try {
      await auth.signInWithVolvoId(
        // The demo's app is approved for every scope, find my car included.
        volvoIdConfig(sim.baseUrl, sim.client.id, sim.client.secret, 0, 'full', true),
        'demo',
        version,
      );
    } catch (error) {
      demoActive = wasDemo;
      if (startedHere) await closeDemo();
      throw error;
    }
    return {
      api: api(sim.baseUrl, version, sim.apiKey),
      mode: 'demo',
      apiKey: sim.apiKey,
      backendStatusBaseUrl: sim.baseUrl,
    };
  };

  const closeDemo = async () => {
    const running = backend;
    backend = null;
    demoActive = false;
    await running?.close();
  };

  return {
    demoActive: () => demoActive,
    async connect(request, demoApiVersion) {
      if (request.mode === 'demo') return connectDemo(demoApiVersion);
      options.rememberSecret(request.apiKey);
      if (request.mode === 'volvo-id') {
        options.rememberSecret(request.clientSecret);
      } else {
        options.rememberSecret(request.accessToken);
        // The session strips a pasted "Bearer " prefix; the bare token is the secret on the wire.
        options.rememberSecret(request.accessToken.trim().replace(/^bearer\s+/i, ''));
      }
      const wasDemo = demoActive;
      // The person's own sign-in opens the real browser.
      demoActive = false;
      try {
        if (request.mode === 'volvo-id') {
          await auth.signInWithVolvoId(
            volvoIdConfig(
              VOLVO_ID_ISSUER,
              request.clientId,
              request.clientSecret || undefined,
              request.redirectPort,
              request.access,
              request.findMyCar,
            ),
            'volvo-id',
            request.apiVersion,
          );
        } else {
          // biome-ignore lint/correctness/useHookAtTopLevel: a method of AuthSession, not a React hook.
          await auth.useTestToken(request.accessToken, request.apiVersion);
        }
      } catch (error) {
        demoActive = wasDemo;
        throw error;
      }
      await vault.set('apiKey', request.apiKey);
      // Only now is the demo over: after a failed sign-in the app goes back to it.
      await closeDemo();
      return {
        api: api(VOLVO_API_BASE, request.apiVersion, request.apiKey),
        mode: request.mode,
        apiKey: request.apiKey,
      };
    },
    async restore() {
      await auth.restore();
      const state = auth.state();
      if (state.status !== 'signed-in' || state.mode === null || state.mode === 'demo') return null;
      const apiKey = await vault.get('apiKey');
      if (apiKey === undefined) {
        // Signed in, but no request can be made: start over rather than show an empty app.
        await auth.signOut();
        throw new Error(APP_WORDS.apiKeyMissing);
      }
      options.rememberSecret(apiKey);
      return { api: api(VOLVO_API_BASE, state.apiVersion, apiKey), mode: state.mode, apiKey };
    },
    withVersion(connected, version) {
      const baseUrl = endpoints.get(connected.api)?.baseUrl ?? VOLVO_API_BASE;
      return { ...connected, api: api(baseUrl, version, connected.apiKey) };
    },
    demo(action, defaultVin) {
      const sim = backend;
      if (!demoActive || sim === null) {
        throw new Error(APP_WORDS.demoOnly);
      }
      const forCar = action.kind !== 'fault' && action.kind !== 'outage';
      const vin = (
        (forCar ? action.vin : undefined) ??
        defaultVin ??
        sim.vins[0] ??
        ''
      ).toUpperCase();
      if (forCar && !sim.vins.includes(vin)) {
        throw new Error(APP_WORDS.noSuchDemoCar(vin));
      }
      sim.apply(action, vin);
      return vin;
    },
    close: closeDemo,
  };
}
