import { createHash } from 'node:crypto';
import type { AccessTokens } from './access-tokens';
import type { SimClock } from './clock';
import type { GrantStore } from './grants';
import { type Handler, header, jsonReply, mediaTypes, type Reply, type SimRequest } from './http';
import { type IdTokenFault, issueIdToken, jwks } from './id-tokens';
import { parseScopes, SUPPORTED_SCOPES } from './scopes';
import { sameSecret } from './secrets';

/** A client registered with the Volvo ID stand-in; `secret` null for a public client. */
export interface RegisteredClient {
  id: string;
  secret: string | null;
}

export interface GrantCounts {
  authorization_code: number;
  refresh_token: number;
}

export interface VolvoIdDeps {
  baseUrl: string;
  clock: SimClock;
  clients: readonly RegisteredClient[];
  grants: GrantStore;
  accessTokens: AccessTokens;
  /** Successful grants, counted for `stats()`. */
  counts: GrantCounts;
  /** The one demo user every sign-in approves. */
  subject: string;
  /** The scopes Volvo has approved for the registered apps. */
  approvedScopes: readonly string[];
  /** Accepted when asked for, but never granted. */
  withheldScopes: readonly string[];
  /** What is wrong with the id_tokens issued now, if anything. */
  idTokenFault(): IdTokenFault | null;
}

export const AUTHORIZE_PATH = '/as/authorization.oauth2';
export const TOKEN_PATH = '/as/token.oauth2';
export const DISCOVERY_PATH = '/.well-known/openid-configuration';
export const JWKS_PATH = '/as/jwks';

/** PKCE: 43..128 characters from the unreserved set (RFC 7636). */
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;
/** An explicit-port loopback redirect URI, as Volvo ID allows for desktop apps. */
const LOOPBACK_REDIRECT = /^http:\/\/(?:127\.0\.0\.1|localhost):(\d{1,5})(?:[/?]|$)/;
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/**
 * The Volvo ID stand-in at Volvo ID's own paths: OIDC discovery, an authorization endpoint that
 * approves the demo user at once, and a token endpoint as strict as the real one (PKCE S256,
 * single-use codes, rotating refresh tokens, HTTP Basic for confidential clients).
 */
export function createVolvoId(deps: VolvoIdDeps): Handler {
  return (request) => {
    const path = request.url.pathname;
    if (path === DISCOVERY_PATH) return discovery(request, deps);
    if (path === AUTHORIZE_PATH) return authorize(request, deps);
    if (path === TOKEN_PATH) return token(request, deps);
    if (path === JWKS_PATH) return jsonReply(200, jwks());
    return jsonReply(404, { error: 'not_found', error_description: 'There is no such endpoint.' });
  };
}

function discovery(request: SimRequest, deps: VolvoIdDeps): Reply {
  if (request.method !== 'GET') return methodNotAllowed('GET');
  return jsonReply(200, {
    issuer: deps.baseUrl,
    authorization_endpoint: `${deps.baseUrl}${AUTHORIZE_PATH}`,
    token_endpoint: `${deps.baseUrl}${TOKEN_PATH}`,
    jwks_uri: `${deps.baseUrl}${JWKS_PATH}`,
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
    scopes_supported: SUPPORTED_SCOPES,
    subject_types_supported: ['public'],
  });
}

function authorize(request: SimRequest, deps: VolvoIdDeps): Reply {
  if (request.method !== 'GET') return methodNotAllowed('GET');
  const params = request.url.searchParams;
  const repeated = repeatedParameter(params);

  // Until the client and its redirect URI are known good, errors stay on our own page (RFC 6749 4.1.2.1).
  if (repeated === 'client_id' || repeated === 'redirect_uri') {
    return errorPage(`The parameter ${repeated} appears more than once.`);
  }
  const clientId = params.get('client_id');
  if (clientId === null) return errorPage('The request has no client_id.');
  if (!deps.clients.some((client) => client.id === clientId)) {
    return errorPage('The client_id is not registered with Volvo ID.');
  }
  const redirectUri = params.get('redirect_uri');
  if (redirectUri === null) return errorPage('The request has no redirect_uri.');
  if (!isLoopbackRedirect(redirectUri)) {
    return errorPage(
      'The redirect_uri is not a registered loopback address (http://127.0.0.1:PORT/... or http://localhost:PORT/...).',
    );
  }

  const state = params.get('state');
  const fail = (error: string, description: string) =>
    redirectTo(redirectUri, { error, error_description: description, state });
  if (repeated !== null)
    return fail('invalid_request', `The parameter ${repeated} appears more than once.`);
  const responseType = params.get('response_type');
  if (responseType === null) return fail('invalid_request', 'response_type is required.');
  if (responseType !== 'code') {
    return fail('unsupported_response_type', 'Only response_type=code is supported.');
  }
  const scopes = parseScopes(params.get('scope'));
  if (!scopes.ok) {
    return fail(
      'invalid_scope',
      scopes.unknown.length > 0
        ? `Unknown scope: ${scopes.unknown.join(' ')}.`
        : 'The request asks for no scope.',
    );
  }
  const notApproved = scopes.scopes.filter((scope) => !deps.approvedScopes.includes(scope));
  if (notApproved.length > 0) {
    return fail('invalid_scope', `The application is not approved for ${notApproved.join(' ')}.`);
  }
  const codeChallenge = params.get('code_challenge');
  if (codeChallenge === null)
    return fail('invalid_request', 'PKCE is required: send code_challenge.');
  if (params.get('code_challenge_method') !== 'S256') {
    return fail('invalid_request', 'code_challenge_method must be S256.');
  }
  if (!PKCE_VALUE.test(codeChallenge)) {
    return fail('invalid_request', 'code_challenge is not a valid S256 challenge.');
  }
  if (state === null || state.length === 0) return fail('invalid_request', 'state is required.');

  const code = deps.grants.issueCode({
    clientId,
    redirectUri,
    scopes: scopes.scopes.filter((scope) => !deps.withheldScopes.includes(scope)),
    codeChallenge,
  });
  return redirectTo(redirectUri, { code, state });
}

function token(request: SimRequest, deps: VolvoIdDeps): Reply {
  if (request.method !== 'POST') return methodNotAllowed('POST');
  if (!mediaTypes(header(request, 'content-type')).includes('application/x-www-form-urlencoded')) {
    return oauthError(
      400,
      'invalid_request',
      'The body must be application/x-www-form-urlencoded.',
    );
  }
  const form = new URLSearchParams(request.body);
  const repeated = repeatedParameter(form);
  if (repeated !== null) {
    return oauthError(400, 'invalid_request', `The parameter ${repeated} appears more than once.`);
  }
  const client = authenticateClient(request, form, deps.clients);
  if (!client.ok) return client.reply;

  const grantType = form.get('grant_type');
  if (grantType === null) return oauthError(400, 'invalid_request', 'grant_type is required.');
  if (grantType === 'authorization_code') return exchangeCode(form, client.client, deps);
  if (grantType === 'refresh_token') return refresh(form, client.client, deps);
  return oauthError(
    400,
    'unsupported_grant_type',
    'Only authorization_code and refresh_token are supported.',
  );
}

function exchangeCode(form: URLSearchParams, client: RegisteredClient, deps: VolvoIdDeps): Reply {
  const code = form.get('code');
  const redirectUri = form.get('redirect_uri');
  const verifier = form.get('code_verifier');
  if (code === null) return oauthError(400, 'invalid_request', 'code is required.');
  if (redirectUri === null) return oauthError(400, 'invalid_request', 'redirect_uri is required.');
  if (verifier === null)
    return oauthError(400, 'invalid_request', 'PKCE is required: send code_verifier.');
  if (!PKCE_VALUE.test(verifier)) {
    return oauthError(
      400,
      'invalid_request',
      'code_verifier must be 43 to 128 unreserved characters.',
    );
  }
  const record = deps.grants.code(code);
  if (!record || record.clientId !== client.id) {
    return oauthError(400, 'invalid_grant', 'The authorization code is not valid.');
  }
  if (record.used) {
    // A replayed code may be stolen: everything issued from it stops working (RFC 6749 4.1.2).
    deps.grants.revokeGrant(record.grantId);
    deps.accessTokens.revokeGrant(record.grantId);
    return oauthError(400, 'invalid_grant', 'The authorization code was already used.');
  }
  if (deps.clock.now() >= record.expiresAt) {
    return oauthError(400, 'invalid_grant', 'The authorization code has expired.');
  }
  if (redirectUri !== record.redirectUri) {
    return oauthError(
      400,
      'invalid_grant',
      'redirect_uri does not match the authorization request.',
    );
  }
  if (!sameSecret(s256(verifier), record.codeChallenge)) {
    return oauthError(400, 'invalid_grant', 'The code_verifier does not match the code_challenge.');
  }
  record.used = true;
  deps.counts.authorization_code += 1;
  return issueTokens(deps, client, record.scopes, record.grantId);
}

function refresh(form: URLSearchParams, client: RegisteredClient, deps: VolvoIdDeps): Reply {
  const refreshToken = form.get('refresh_token');
  if (refreshToken === null)
    return oauthError(400, 'invalid_request', 'refresh_token is required.');
  const record = deps.grants.refresh(refreshToken);
  if (!record || record.clientId !== client.id) {
    return oauthError(400, 'invalid_grant', 'The refresh token is not valid.');
  }
  if (record.state === 'used') {
    return oauthError(
      400,
      'invalid_grant',
      'The refresh token was already used; refresh tokens rotate.',
    );
  }
  if (record.state === 'revoked') {
    return oauthError(400, 'invalid_grant', 'The refresh token was revoked. Sign in again.');
  }
  if (deps.clock.now() >= record.expiresAt) {
    return oauthError(
      400,
      'invalid_grant',
      'The refresh token expired after 7 days unused. Sign in again.',
    );
  }
  let scopes = record.scopes;
  const requested = form.get('scope');
  if (requested !== null) {
    const parsed = parseScopes(requested);
    if (!parsed.ok || parsed.scopes.some((scope) => !record.scopes.includes(scope))) {
      return oauthError(
        400,
        'invalid_scope',
        'A refresh may only ask for scopes granted at sign-in.',
      );
    }
    scopes = parsed.scopes;
  }
  record.state = 'used';
  deps.counts.refresh_token += 1;
  return issueTokens(deps, client, scopes, record.grantId);
}

function issueTokens(
  deps: VolvoIdDeps,
  client: RegisteredClient,
  scopes: string[],
  grantId: string,
): Reply {
  const grant = { clientId: client.id, subject: deps.subject, grantId };
  const accessToken = deps.accessTokens.issue({ ...grant, scopes: new Set(scopes) });
  const refreshToken = deps.grants.issueRefresh({ ...grant, scopes });
  return jsonReply(
    200,
    {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: deps.accessTokens.ttlSeconds,
      refresh_token: refreshToken,
      scope: scopes.join(' '),
      ...(scopes.includes('openid')
        ? {
            id_token: issueIdToken(
              {
                issuer: deps.baseUrl,
                clientId: client.id,
                subject: deps.subject,
                now: deps.clock.now(),
              },
              deps.idTokenFault(),
            ),
          }
        : {}),
    },
    NO_STORE,
  );
}

type ClientAuthentication = { ok: true; client: RegisteredClient } | { ok: false; reply: Reply };

/** HTTP Basic for confidential clients; client_id in the body (no secret) for public ones. */
function authenticateClient(
  request: SimRequest,
  form: URLSearchParams,
  clients: readonly RegisteredClient[],
): ClientAuthentication {
  const refuse = (description: string, challenge = false): ClientAuthentication => ({
    ok: false,
    reply: oauthError(401, 'invalid_client', description, challenge),
  });
  if (form.has('client_secret')) {
    return refuse('Send the client secret with HTTP Basic, not in the body.');
  }
  const bodyClientId = form.get('client_id');
  const authorization = header(request, 'authorization');
  if (authorization !== undefined) {
    const credentials = parseBasic(authorization);
    if (!credentials) return refuse('The Authorization header is not valid HTTP Basic.', true);
    const client = clients.find((candidate) => candidate.id === credentials.id);
    if (!client || client.secret === null || !sameSecret(credentials.secret, client.secret)) {
      return refuse('Client authentication failed.', true);
    }
    if (bodyClientId !== null && bodyClientId !== client.id) {
      return {
        ok: false,
        reply: oauthError(
          400,
          'invalid_request',
          'client_id does not match the authenticated client.',
        ),
      };
    }
    return { ok: true, client };
  }
  if (bodyClientId === null) return refuse('Client authentication is required.');
  const client = clients.find((candidate) => candidate.id === bodyClientId);
  if (!client) return refuse('The client_id is not registered with Volvo ID.');
  if (client.secret !== null) {
    return refuse('This client is confidential: send its id and secret with HTTP Basic.', true);
  }
  return { ok: true, client };
}

/** Basic credentials are form-encoded before base64 (RFC 6749 2.3.1). */
function parseBasic(authorization: string): { id: string; secret: string } | null {
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(authorization.trim());
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));
    return {
      id: formDecode(decoded.slice(0, colon)),
      secret: formDecode(decoded.slice(colon + 1)),
    };
  } catch {
    return null;
  }
}

function isLoopbackRedirect(value: string): boolean {
  const match = LOOPBACK_REDIRECT.exec(value);
  const port = Number(match?.[1]);
  if (!match || port < 1 || port > 65_535 || value.includes('#')) return false;
  try {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function redirectTo(redirectUri: string, params: Record<string, string | null>): Reply {
  const target = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null) target.searchParams.set(name, value);
  }
  return { status: 302, headers: { location: target.toString() }, text: '' };
}

function errorPage(message: string): Reply {
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    status: 400,
    contentType: 'text/html; charset=utf-8',
    text: `<!doctype html><title>Volvo ID</title><h1>Sign-in request refused</h1><p>${escaped}</p>`,
  };
}

function oauthError(status: number, error: string, description: string, challenge = false): Reply {
  const headers: Record<string, string> = { ...NO_STORE };
  if (challenge) headers['www-authenticate'] = 'Basic realm="Volvo ID"';
  return jsonReply(status, { error, error_description: description }, headers);
}

function methodNotAllowed(allow: string): Reply {
  return jsonReply(
    405,
    { error: 'invalid_request', error_description: `Use ${allow}.` },
    { allow },
  );
}

/** The first parameter sent more than once (OAuth forbids repeats). */
function repeatedParameter(params: URLSearchParams): string | null {
  for (const name of new Set(params.keys())) {
    if (params.getAll(name).length > 1) return name;
  }
  return null;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
