import type { ApiVersion } from '../../../shared/vehicle';
import { MESSAGES } from '../../../shared/words/sign-in';
import type { OAuthClient, ServerEndpoints } from './oauth';
import type { SessionMeta } from './session-meta';
import { mayCommand, mayFindCar } from './types';

/** What a session holds to authorize API calls, and the non-secret facts saved with it. */

/** An access token in memory and when it expires (epoch ms). */
export interface AccessToken {
  token: string;
  expiresAt: number;
}

/** A Volvo ID (or simulator) sign-in. */
export interface VolvoIdCredentials {
  kind: 'volvo-id';
  mode: 'demo' | 'volvo-id';
  endpoints: ServerEndpoints;
  client: OAuthClient;
  redirectPort: number;
  refreshToken: string;
  /**
   * Access tokens stay in memory only: they live ~5 minutes, so after a restart one is almost
   * always stale anyway, and not writing them keeps one more secret off the disk and saves a
   * vault write every refresh. The refresh token is what survives a restart.
   */
  access: AccessToken | null;
  /** The vault may not keep the refresh token ('plaintext' vault, not allowed): session only. */
  memoryOnly: boolean;
}

/** A pasted developer-portal test access token (kept in the vault: it is the only credential). */
export interface TestTokenCredentials {
  kind: 'test-token';
  token: string;
  expiresAt: number;
  memoryOnly: boolean;
}

export type Credentials = VolvoIdCredentials | TestTokenCredentials;

/** Whether these credentials may lock and unlock (a pasted test token: as its scopes allow, unknown here). */
export function commandsAllowed(credentials: Credentials): boolean {
  return credentials.kind === 'test-token' || mayCommand(credentials.client.scopes);
}

/** Whether these credentials may honk and flash (a pasted test token: as its scopes allow, unknown here). */
export function findMyCarAllowed(credentials: Credentials): boolean {
  return credentials.kind === 'test-token' || mayFindCar(credentials.client.scopes);
}

/** What the person should know about a working sign-in, or null when there is nothing to say. */
export function signedInMessage(credentials: Credentials): string | null {
  const parts = [
    credentials.kind === 'test-token' ? MESSAGES.testTokenActive : null,
    credentials.memoryOnly ? MESSAGES.memoryOnly : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The facts saved next to the credentials, so a restart knows where and how to refresh. */
export function metaFor(credentials: Credentials, apiVersion: ApiVersion): SessionMeta {
  if (credentials.kind === 'test-token') {
    return {
      version: 1,
      status: 'signed-in',
      mode: 'test-token',
      apiVersion,
      testTokenExpiresAt: credentials.expiresAt,
    };
  }
  const { endpoints, client, redirectPort } = credentials;
  return {
    version: 1,
    status: 'signed-in',
    mode: credentials.mode,
    apiVersion,
    volvoId: {
      endpoints,
      clientId: client.clientId,
      confidential: client.clientSecret !== undefined,
      redirectPort,
      scopes: [...client.scopes],
    },
  };
}
