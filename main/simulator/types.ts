import type { CarDoor, CarWindow } from './car-parts';
import type { SimClock, SimLogger } from './clock';
import type { IdTokenFault } from './id-tokens';
import type { QuirksPatch } from './quirks';

/** How to start the simulator. Every field is optional. */
export interface SimulatorOptions {
  /** Default 0: a random free port on 127.0.0.1. */
  port?: number;
  /**
   * Default wallClock. Timestamps, token expiry, v1 command progress, unlock windows,
   * rate-limit windows and the quota day all use it, derived lazily at request time (no
   * timers), so a ManualClock works without extra plumbing.
   */
  clock?: SimClock;
  /** Default two demo vehicles. The first has a sunroof and lock-reduced-guard; the rest are classic cars. */
  vins?: string[];
  /** Calls per API key per UTC day; default 10_000, resets 00:00 UTC. */
  quotaPerDay?: number;
  /** Default 299. */
  accessTokenTtlSeconds?: number;
  /** v1: WAITING -> RUNNING -> final, each step this long; default 1500. */
  commandStepMs?: number;
  /** True answers every v1 call like today's Volvo does (410 GONE). */
  v1Removed?: boolean;
  /**
   * The scopes Volvo has approved for the demo's registered apps (default: all it knows). Asking
   * for one beyond them fails the authorization with invalid_scope, as Volvo ID does for an app
   * still waiting for approval of the restricted command scopes.
   */
  approvedScopes?: readonly string[];
  /**
   * Scopes the sign-in accepts but leaves out of the grant (OAuth lets a server grant fewer
   * than asked; the token answer's `scope` says which): a sign-in asking for them succeeds, and
   * the API then refuses their endpoints with 403. Default none.
   */
  withheldScopes?: readonly string[];
  /** Real cars' quirks for every car (default: periodic uploads, every field reported). */
  quirks?: QuirksPatch;
  logger?: SimLogger;
}

/** A running simulator. */
export interface Simulator {
  /** 'http://127.0.0.1:PORT' */
  readonly baseUrl: string;
  /** A valid demo VCC API key. */
  readonly apiKey: string;
  /** The registered confidential client (HTTP Basic at the token endpoint). */
  readonly client: { id: string; secret: string };
  /** The registered public client (PKCE, no secret). */
  readonly publicClientId: string;
  readonly vins: string[];
  /** An access token for the demo user; default all scopes; lives accessTokenTtlSeconds. */
  issueAccessToken(scopes?: readonly string[]): string;
  /** The simulated car (default: the first). Throws for a VIN the simulator does not have. */
  vehicle(vin?: string): SimVehicle;
  /** Applies to API calls (not to Volvo ID) until cleared with null. */
  setFault(fault: SimFault | null): void;
  /**
   * An outage at Volvo: the developer portal's backend-status says `notice`, and every API call
   * answers 503 until it ends (null).
   */
  setOutage(notice: string | null): void;
  /** Makes the id_tokens issued from now on invalid in this way (null: valid again). */
  setIdTokenFault(fault: IdTokenFault | null): void;
  /** The next refresh with any refresh token issued so far answers invalid_grant. */
  revokeRefreshTokens(): void;
  stats(): { apiRequests: number; grants: { authorization_code: number; refresh_token: number } };
  /** Stops listening and drops every open connection (including ones held by the timeout fault). */
  close(): Promise<void>;
}

/** The car's side of the simulator: what a person does to the car itself. */
export interface SimVehicle {
  readonly vin: string;
  setDoor(door: CarDoor, value: 'OPEN' | 'CLOSED' | 'AJAR'): void;
  /** Throws for the sunroof of a car that has none. */
  setWindow(window: CarWindow, value: 'OPEN' | 'CLOSED' | 'AJAR'): void;
  setLock(value: 'LOCKED' | 'UNLOCKED'): void;
  setAsleep(asleep: boolean): void;
  setEngine(value: 'RUNNING' | 'STOPPED'): void;
  /** A lamp, by Volvo's warning field (e.g. `brakeLightCenterWarning`), fails or is fixed. */
  setLampFailure(field: string, failed: boolean): void;
  setOutOfReach(reason: 'POWER_SAVING_MODE' | 'NO_INTERNET' | 'CAR_IN_USE' | null): void;
  /** Makes this car answer with real cars' quirks (see `quirks.ts`). */
  setQuirks(patch: QuirksPatch): void;
  /** Each time the horn or the lights answered a command (honk, flash), oldest first. */
  beacons(): { kind: 'horn' | 'lights' | 'horn-and-lights'; at: number }[];
}

/** A fault injected into API calls. */
export type SimFault =
  | { kind: 'latency'; ms: number }
  /** count: only the next N calls. */
  | { kind: 'status'; status: 500 | 502 | 503 | 504; count?: number }
  /** 200 with a body that is not JSON. */
  | { kind: 'malformed' }
  /** Accepts the request and never answers (until close). */
  | { kind: 'timeout' }
  /** Readings with values like 'HALF_OPEN' / 'SECURED'. */
  | { kind: 'unknown-values' }
  /** The real quota 403 body. */
  | { kind: 'quota-exhausted' }
  /** 429 with Retry-After. */
  | { kind: 'rate-limit'; retryAfterSeconds: number };
