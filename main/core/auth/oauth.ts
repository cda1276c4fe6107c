import * as oauth from 'oauth4webapi';
import { fetchWithLimits, MAX_ANSWER_BYTES } from '../bounded-answer';
import { isLoopbackHttp } from '../loopback-address';
import type { Clock, Fetch, Logger } from '../ports';
import type { VolvoIdConfig } from './types';

/**
 * Glue between the session and oauth4webapi: every protocol step (discovery, PKCE, code
 * exchange, refresh, response checks) is oauth4webapi's; this module only feeds it our ports.
 */

/** How long and how much one answer from Volvo ID may take before it counts as "unreachable". */
const VOLVO_ID_LIMITS = { maxBytes: MAX_ANSWER_BYTES, headerTimeoutMs: 15_000, deadlineMs: 30_000 };

/** The authorization server as the session remembers it across restarts (no secrets). */
export interface ServerEndpoints {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** From discovery: the ID token algorithms oauth4webapi should accept. */
  idTokenSigningAlgs?: string[];
}

/** The client as oauth4webapi needs it: id, optional secret (HTTP Basic), scopes. */
export interface OAuthClient {
  clientId: string;
  clientSecret?: string;
  scopes: readonly string[];
}

/** What a token endpoint answered, reduced to what the session keeps. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string | undefined;
  expiresInSeconds: number | undefined;
  /** The scopes Volvo ID granted, when it says (it may grant fewer than asked for). */
  grantedScopes: string[] | undefined;
}

/** The outside world oauth4webapi talks through. */
export interface OAuthPorts {
  fetch: Fetch;
  clock: Clock;
  /** Told when an id_token had to be ignored. */
  logger?: Logger;
}

function requestOptions<Method extends string, Body extends BodyInit | undefined>(
  ports: OAuthPorts,
  url: string,
): oauth.HttpRequestOptions<Method, Body> {
  return {
    // oauth4webapi reads the bodies itself: it gets them already read, capped and in time.
    [oauth.customFetch]: fetchWithLimits(ports.fetch, VOLVO_ID_LIMITS, ports.clock),
    // Plain http is only ever allowed to this computer (the simulator), never to Volvo.
    [oauth.allowInsecureRequests]: isLoopbackHttp(url),
  };
}

/**
 * Finds the endpoints by OIDC discovery at the issuer; falls back to the configured endpoints
 * when discovery fails or is not offered (logged, not an error).
 */
export async function discoverEndpoints(
  config: VolvoIdConfig,
  ports: OAuthPorts,
  logger: Logger,
): Promise<ServerEndpoints> {
  const fallback: ServerEndpoints = {
    issuer: config.issuer,
    authorizationEndpoint: config.authorizationEndpoint,
    tokenEndpoint: config.tokenEndpoint,
  };
  try {
    const issuer = new URL(config.issuer);
    const response = await oauth.discoveryRequest(issuer, requestOptions(ports, config.issuer));
    const as = await oauth.processDiscoveryResponse(issuer, response);
    logger.info('auth.discovery.ok', { issuer: as.issuer });
    return {
      issuer: as.issuer,
      authorizationEndpoint: as.authorization_endpoint ?? fallback.authorizationEndpoint,
      tokenEndpoint: as.token_endpoint ?? fallback.tokenEndpoint,
      ...(as.id_token_signing_alg_values_supported
        ? { idTokenSigningAlgs: [...as.id_token_signing_alg_values_supported] }
        : {}),
    };
  } catch (error) {
    logger.warn('auth.discovery.fallback', {
      issuer: config.issuer,
      reason: error instanceof Error ? error.message : 'unknown',
    });
    return fallback;
  }
}

function authorizationServer(endpoints: ServerEndpoints): oauth.AuthorizationServer {
  return {
    issuer: endpoints.issuer,
    authorization_endpoint: endpoints.authorizationEndpoint,
    token_endpoint: endpoints.tokenEndpoint,
    ...(endpoints.idTokenSigningAlgs
      ? { id_token_signing_alg_values_supported: endpoints.idTokenSigningAlgs }
      : {}),
  };
}

/** oauth4webapi checks ID token times against Date.now(); the skew makes it use our clock. */
function clientMetadata(client: OAuthClient, clock: Clock): oauth.Client {
  return {
    client_id: client.clientId,
    [oauth.clockSkew]: Math.round((clock.now() - Date.now()) / 1000),
  };
}

/** HTTP Basic with a client secret (as Volvo's peers do); a public client otherwise. */
function clientAuthentication(client: OAuthClient): oauth.ClientAuth {
  return client.clientSecret ? oauth.ClientSecretBasic(client.clientSecret) : oauth.None();
}

/** One authorization request: PKCE verifier and state stay in memory, never logged. */
export interface AuthorizationRequest {
  url: string;
  state: string;
  codeVerifier: string;
}

/** Builds the authorization URL with PKCE (S256) and a fresh state. */
export async function createAuthorizationRequest(
  endpoints: ServerEndpoints,
  client: OAuthClient,
  redirectUri: string,
): Promise<AuthorizationRequest> {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(endpoints.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', client.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', client.scopes.join(' '));
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  return { url: url.href, state, codeVerifier };
}

/**
 * Checks the browser's callback parameters (state, iss, error) with oauth4webapi. Throws its
 * errors unchanged; the caller words them for a person.
 */
export function validateCallback(
  endpoints: ServerEndpoints,
  client: OAuthClient,
  clock: Clock,
  parameters: URLSearchParams,
  expectedState: string,
): URLSearchParams {
  return oauth.validateAuthResponse(
    authorizationServer(endpoints),
    clientMetadata(client, clock),
    parameters,
    expectedState,
  );
}

/** Exchanges the authorization code (with the PKCE verifier) for tokens. */
export async function exchangeCode(
  endpoints: ServerEndpoints,
  client: OAuthClient,
  ports: OAuthPorts,
  callback: URLSearchParams,
  redirectUri: string,
  codeVerifier: string,
): Promise<TokenSet> {
  const as = authorizationServer(endpoints);
  const metadata = clientMetadata(client, ports.clock);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    metadata,
    clientAuthentication(client),
    callback,
    redirectUri,
    codeVerifier,
    requestOptions(ports, endpoints.tokenEndpoint),
  );
  return processTokenAnswer(response, ports, (answer) =>
    oauth.processAuthorizationCodeResponse(as, metadata, answer),
  );
}

/** Redeems a refresh token; Volvo answers with a new (rotated) refresh token. */
export async function refreshTokens(
  endpoints: ServerEndpoints,
  client: OAuthClient,
  ports: OAuthPorts,
  refreshToken: string,
): Promise<TokenSet> {
  const as = authorizationServer(endpoints);
  const metadata = clientMetadata(client, ports.clock);
  const response = await oauth.refreshTokenGrantRequest(
    as,
    metadata,
    clientAuthentication(client),
    refreshToken,
    requestOptions(ports, endpoints.tokenEndpoint),
  );
  return processTokenAnswer(response, ports, (answer) =>
    oauth.processRefreshTokenResponse(as, metadata, answer),
  );
}

/**
 * Reads a token answer with oauth4webapi. Volvo ID sends an `id_token` with every answer and
 * oauth4webapi checks it (issuer, audience, times, algorithm); volvo-tray needs no identity, so
 * an answer whose only fault is its id_token is read without it, logged, and kept: the rotated
 * refresh token in it is the only one that still works, and losing it would sign the person out.
 */
async function processTokenAnswer(
  response: Response,
  ports: OAuthPorts,
  process: (answer: Response) => Promise<oauth.TokenEndpointResponse>,
): Promise<TokenSet> {
  const copy = response.clone();
  try {
    return tokenSet(await process(response));
  } catch (error) {
    const body: unknown = await copy.json().catch(() => null);
    if (typeof body !== 'object' || body === null || !('id_token' in body)) throw error;
    const { id_token: _ignored, ...withoutIdToken } = body;
    const answer = new Response(JSON.stringify(withoutIdToken), {
      status: copy.status,
      headers: copy.headers,
    });
    const tokens = tokenSet(await process(answer).catch(() => Promise.reject(error)));
    ports.logger?.warn('Volvo ID sent an id_token volvo-tray could not validate; ignored', {
      reason: error instanceof Error ? error.message : String(error),
    });
    return tokens;
  }
}

function tokenSet(response: oauth.TokenEndpointResponse): TokenSet {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresInSeconds: response.expires_in,
    grantedScopes: response.scope?.split(' ').filter(Boolean),
  };
}
