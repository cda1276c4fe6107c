import type { ApiVersion } from '../../../shared/vehicle';

/**
 * The sign-in session as the rest of the core sees it. It owns the tokens: nothing outside
 * `main/core/auth` ever holds a refresh token, and access tokens only flow into the API client.
 */

/** The scopes status, alerts and notifications need; Volvo grants them to every app. */
export const STATUS_SCOPES = [
  'openid',
  'conve:vehicle_relation',
  'conve:doors_status',
  'conve:lock_status',
  'conve:windows_status',
  'conve:commands',
  'conve:command_accessibility',
  'conve:engine_status',
  'conve:warnings',
] as const;

/**
 * Lock and unlock: restricted scopes Volvo approves per app, which can take weeks or months.
 * Asking for one the app was not granted fails the whole authorization with `invalid_scope`.
 */
export const COMMAND_SCOPES = ['conve:lock', 'conve:unlock'] as const;

/**
 * Find my car (honk and flash): restricted too, and asked for only when the person says their
 * app has it (`connection.findMyCar`), so an app approved for lock and unlock keeps signing in.
 */
export const FIND_MY_CAR_SCOPE = 'conve:honk_flash';

/** Every scope a full sign-in asks for. */
export const VOLVO_SCOPES = [...STATUS_SCOPES, ...COMMAND_SCOPES] as const;

/** Whether a sign-in with these scopes may lock and unlock. */
export function mayCommand(scopes: readonly string[]): boolean {
  return COMMAND_SCOPES.every((scope) => scopes.includes(scope));
}

/** Whether a sign-in with these scopes may honk and flash. */
export function mayFindCar(scopes: readonly string[]): boolean {
  return scopes.includes(FIND_MY_CAR_SCOPE);
}

/** Where and how to sign in with Volvo ID (or the simulator's stand-in). */
export interface VolvoIdConfig {
  /** Issuer for OIDC discovery, e.g. https://volvoid.eu.volvocars.com. */
  issuer: string;
  /** Used when discovery fails or is not offered. */
  authorizationEndpoint: string;
  tokenEndpoint: string;
  clientId: string;
  /** Optional: sent with HTTP Basic at the token endpoint, as Volvo expects. */
  clientSecret?: string;
  /** The loopback port registered with Volvo; the redirect URI is http://127.0.0.1:PORT/callback. */
  redirectPort: number;
  scopes: readonly string[];
}

/** What the UI may know about the session. No token ever appears here. */
export interface AuthState {
  status: 'signed-out' | 'signing-in' | 'signed-in' | 'expired';
  mode: 'demo' | 'volvo-id' | 'test-token' | null;
  apiVersion: ApiVersion;
  /** Test tokens: when the pasted token stops working (epoch ms). */
  tokenExpiresAt: number | null;
  /** What happened or what to do, in words (e.g. "Your Volvo sign-in expired. Sign in again."). */
  message: string | null;
  /** False for a status-only sign-in: Volvo has not granted lock and unlock to this app. */
  commandsAllowed: boolean;
  /** True when the sign-in holds `conve:honk_flash` (a pasted test token: unknown, so true). */
  findMyCarAllowed: boolean;
}

/** Nobody signed in, nothing to say. */
export const SIGNED_OUT: AuthState = {
  status: 'signed-out',
  mode: null,
  apiVersion: 'v2',
  tokenExpiresAt: null,
  message: null,
  commandsAllowed: true,
  findMyCarAllowed: false,
};

/** Supplies access tokens to the API client; see `main/core/volvo`. */
export interface AccessTokenProvider {
  /** A valid access token, refreshed ahead of expiry; concurrent callers share one refresh. */
  accessToken(): Promise<string>;
  /**
   * Called once after a 401 with the token that was refused. Resolves with a new token to retry
   * with once, or null when there is none (signed out, test token expired): never loops.
   */
  refreshAfterUnauthorized(rejected: string): Promise<string | null>;
}

/** The session: sign in, stay signed in, sign out. */
export interface AuthSession extends AccessTokenProvider {
  state(): AuthState;
  /** Subscribes to state changes; returns the unsubscribe function. */
  onChange(listener: (state: AuthState) => void): () => void;
  /** Restores a session from the vault at start-up (no network unless a refresh is due). */
  restore(): Promise<void>;
  /**
   * Authorization code + PKCE (S256) in the system browser with a loopback redirect. Resolves
   * once tokens are stored; rejects with an Error whose message is for a person.
   */
  signInWithVolvoId(
    config: VolvoIdConfig,
    mode: 'demo' | 'volvo-id',
    apiVersion: ApiVersion,
  ): Promise<void>;
  /** A developer-portal test access token: no refresh; expires after ~60 minutes. */
  useTestToken(accessToken: string, apiVersion: ApiVersion): Promise<void>;
  /** Forgets every token (keeps non-secret settings). */
  signOut(): Promise<void>;
  /**
   * Stops timers (the daily keep-alive refresh) and cancels a sign-in under way; the tokens
   * stay in the vault. A later `restore()` or sign-in starts the session again.
   */
  dispose(): void;
}
