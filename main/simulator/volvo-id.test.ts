import {
  createHash,
  createPublicKey,
  type JsonWebKeyInput,
  randomBytes,
  verify,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Answer, call, simulatorPerTest, v2Get } from './test-helpers';

const t = simulatorPerTest();

const REDIRECT = 'http://127.0.0.1:53682/callback';
const SCOPE = 'openid conve:vehicle_relation conve:doors_status conve:lock_status';

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(params: Record<string, string>): string {
  return `/as/authorization.oauth2?${new URLSearchParams(params)}`;
}

/** Asks for a code as a browser would and reads the redirect's query. */
async function authorize(params: Record<string, string>): Promise<URLSearchParams> {
  const answer = await call(t.sim, authorizeUrl(params));
  expect(answer.status).toBe(302);
  const location = new URL(answer.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  return location.searchParams;
}

function tokenCall(form: Record<string, string>, basic?: { id: string; secret: string }) {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
  };
  if (basic) {
    headers.authorization = `Basic ${Buffer.from(`${basic.id}:${basic.secret}`).toString('base64')}`;
  }
  return call(t.sim, '/as/token.oauth2', {
    method: 'POST',
    headers,
    body: new URLSearchParams(form).toString(),
  });
}

function codeParams(challenge: string, clientId = t.sim.client.id): Record<string, string> {
  return {
    client_id: clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: SCOPE,
    state: 'xyz-state',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
}

/** A full sign-in of the confidential client: authorize with PKCE, then exchange the code. */
async function signInConfidential(): Promise<{
  access_token: string;
  refresh_token: string;
  id_token: string;
}> {
  const { verifier, challenge } = pkce();
  const code = (await authorize(codeParams(challenge))).get('code') ?? '';
  const answer = await tokenCall(
    { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier },
    t.sim.client,
  );
  expect(answer.status).toBe(200);
  return answer.body as { access_token: string; refresh_token: string; id_token: string };
}

function expectOAuthError(answer: Answer, status: number, error: string) {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ error, error_description: expect.any(String) });
  expect(answer.headers.get('cache-control')).toBe('no-store');
}

describe('Volvo ID discovery', () => {
  it('names the simulator as issuer and its own endpoints', async () => {
    const { status, body } = await call(t.sim, '/.well-known/openid-configuration');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      issuer: t.sim.baseUrl,
      authorization_endpoint: `${t.sim.baseUrl}/as/authorization.oauth2`,
      token_endpoint: `${t.sim.baseUrl}/as/token.oauth2`,
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      scopes_supported: expect.arrayContaining(['openid', 'conve:lock', 'conve:unlock']),
    });
  });
});

describe('id_tokens', () => {
  /** The token's claims, after checking its RS256 signature against the published JWKS. */
  async function verified(idToken: string): Promise<Record<string, unknown> | 'bad signature'> {
    const discovery = (await call(t.sim, '/.well-known/openid-configuration')).body as {
      jwks_uri: string;
      id_token_signing_alg_values_supported: string[];
    };
    expect(discovery.id_token_signing_alg_values_supported).toEqual(['RS256']);
    const { keys } = (await (await fetch(discovery.jwks_uri)).json()) as {
      keys: JsonWebKeyInput['key'][];
    };
    const [header = '', payload = '', signature = ''] = idToken.split('.');
    const key = createPublicKey({ key: keys[0] ?? {}, format: 'jwk' });
    const ok = verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${payload}`),
      key,
      Buffer.from(signature, 'base64url'),
    );
    return ok ? JSON.parse(Buffer.from(payload, 'base64url').toString()) : 'bad signature';
  }

  it('signs one for the client with every token answer, verifiable at jwks_uri', async () => {
    const signedIn = await signInConfidential();
    const now = Math.floor(t.clock.now() / 1000);
    expect(await verified(signedIn.id_token)).toEqual({
      iss: t.sim.baseUrl,
      sub: expect.any(String),
      aud: t.sim.client.id,
      iat: now,
      exp: now + 3600,
    });
    const refreshed = await tokenCall(
      { grant_type: 'refresh_token', refresh_token: signedIn.refresh_token },
      t.sim.client,
    );
    expect(await verified((refreshed.body as { id_token: string }).id_token)).toMatchObject({
      aud: t.sim.client.id,
    });
  });

  it('makes them invalid on demand: another audience, expired, a bad signature', async () => {
    t.sim.setIdTokenFault('wrong-audience');
    expect(await verified((await signInConfidential()).id_token)).toMatchObject({
      aud: 'another-client',
    });
    t.sim.setIdTokenFault('expired');
    const expired = await verified((await signInConfidential()).id_token);
    expect(expired).not.toBe('bad signature');
    expect((expired as { exp: number }).exp).toBeLessThan(t.clock.now() / 1000);
    t.sim.setIdTokenFault('bad-signature');
    expect(await verified((await signInConfidential()).id_token)).toBe('bad signature');
  });
});

describe('authorization code with PKCE (confidential client, HTTP Basic)', () => {
  it('signs in, refuses a wrong verifier, refuses the code twice, and rotates refresh tokens', async () => {
    const { verifier, challenge } = pkce();
    const query = await authorize(codeParams(challenge));
    expect(query.get('state')).toBe('xyz-state');
    const code = query.get('code') ?? '';
    const exchange = (codeVerifier: string) =>
      tokenCall(
        {
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT,
          code_verifier: codeVerifier,
        },
        t.sim.client,
      );

    expectOAuthError(await exchange(pkce().verifier), 400, 'invalid_grant');

    const first = await exchange(verifier);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 299,
      refresh_token: expect.any(String),
      scope: SCOPE,
      id_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    });
    const tokens = first.body as { access_token: string; refresh_token: string };
    expect((await v2Get(t.sim, '/vehicles', tokens.access_token)).status).toBe(200);

    // The same code again is a replay: refused, and what it gave out stops working.
    expectOAuthError(await exchange(verifier), 400, 'invalid_grant');
    expect((await v2Get(t.sim, '/vehicles', tokens.access_token)).status).toBe(401);
    expect(t.sim.stats().grants.authorization_code).toBe(1);
  });

  it('rotates refresh tokens: the old one is refused once used', async () => {
    const oldRefresh = (await signInConfidential()).refresh_token;

    const refreshed = await tokenCall(
      { grant_type: 'refresh_token', refresh_token: oldRefresh },
      t.sim.client,
    );
    expect(refreshed.status).toBe(200);
    const next = refreshed.body as { access_token: string; refresh_token: string; scope: string };
    expect(next.refresh_token).not.toBe(oldRefresh);
    expect(next.scope).toBe(SCOPE);
    expect((await v2Get(t.sim, '/vehicles', next.access_token)).status).toBe(200);

    const reused = await tokenCall(
      { grant_type: 'refresh_token', refresh_token: oldRefresh },
      t.sim.client,
    );
    expectOAuthError(reused, 400, 'invalid_grant');
    expect(
      (
        await tokenCall(
          { grant_type: 'refresh_token', refresh_token: next.refresh_token },
          t.sim.client,
        )
      ).status,
    ).toBe(200);
    expect(t.sim.stats().grants.refresh_token).toBe(2);
  });

  it('expires access tokens after expires_in and refresh tokens after 7 days unused', async () => {
    const tokens = await signInConfidential();
    await t.clock.advance(299_000);
    const expired = await v2Get(t.sim, '/vehicles', tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({
      error: { message: 'UNAUTHORIZED', description: 'The access token has expired.' },
    });
    await t.clock.advance(7 * 24 * 3600_000);
    expectOAuthError(
      await tokenCall(
        { grant_type: 'refresh_token', refresh_token: tokens.refresh_token },
        t.sim.client,
      ),
      400,
      'invalid_grant',
    );
  });

  it('refuses a code older than a minute, a different redirect_uri, and a missing verifier', async () => {
    const { verifier, challenge } = pkce();
    const code = (await authorize(codeParams(challenge))).get('code') ?? '';
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    };
    expectOAuthError(
      await tokenCall({ ...form, redirect_uri: 'http://127.0.0.1:53682/other' }, t.sim.client),
      400,
      'invalid_grant',
    );
    const { code_verifier: _dropped, ...withoutVerifier } = form;
    expectOAuthError(await tokenCall(withoutVerifier, t.sim.client), 400, 'invalid_request');
    await t.clock.advance(61_000);
    expectOAuthError(await tokenCall(form, t.sim.client), 400, 'invalid_grant');
  });

  it('refuses a wrong secret, a confidential client without Basic, and client_secret in the body', async () => {
    const form = { grant_type: 'refresh_token', refresh_token: 'x' };
    const wrong = await tokenCall(form, { id: t.sim.client.id, secret: 'not-it' });
    expectOAuthError(wrong, 401, 'invalid_client');
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic/);
    expectOAuthError(
      await tokenCall({ ...form, client_id: t.sim.client.id }),
      401,
      'invalid_client',
    );
    expectOAuthError(
      await tokenCall({ ...form, client_id: t.sim.client.id, client_secret: t.sim.client.secret }),
      401,
      'invalid_client',
    );
  });

  it('refuses a token request that is not form-encoded, and an unknown grant type', async () => {
    const json = await call(t.sim, '/as/token.oauth2', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"grant_type":"refresh_token"}',
    });
    expectOAuthError(json, 400, 'invalid_request');
    expectOAuthError(
      await tokenCall({ grant_type: 'password', username: 'a', password: 'b' }, t.sim.client),
      400,
      'unsupported_grant_type',
    );
  });

  it('answers invalid_grant after revokeRefreshTokens()', async () => {
    const refresh = (await signInConfidential()).refresh_token;
    t.sim.revokeRefreshTokens();
    expectOAuthError(
      await tokenCall({ grant_type: 'refresh_token', refresh_token: refresh }, t.sim.client),
      400,
      'invalid_grant',
    );
  });
});

describe('public client', () => {
  /** Exchanges a code issued to `issuedTo` as the public client (client_id in the body). */
  async function redeemAsPublicClient(issuedTo: string): Promise<Answer> {
    const { verifier, challenge } = pkce();
    const code = (await authorize(codeParams(challenge, issuedTo))).get('code') ?? '';
    return tokenCall({
      grant_type: 'authorization_code',
      client_id: t.sim.publicClientId,
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
  }

  it('signs in with client_id in the body and no secret', async () => {
    const answer = await redeemAsPublicClient(t.sim.publicClientId);
    expect(answer.status).toBe(200);
    expect((answer.body as { access_token: string }).access_token).toEqual(expect.any(String));
  });

  it('cannot redeem a code issued to the confidential client', async () => {
    expectOAuthError(await redeemAsPublicClient(t.sim.client.id), 400, 'invalid_grant');
  });
});

describe('the authorization endpoint refuses what Volvo ID refuses', () => {
  it('shows its own error page for an unknown client or a non-loopback redirect_uri', async () => {
    const { challenge } = pkce();
    for (const params of [
      { ...codeParams(challenge), client_id: 'stranger' },
      { ...codeParams(challenge), redirect_uri: 'https://evil.example/callback' },
      { ...codeParams(challenge), redirect_uri: 'http://127.0.0.1/callback' },
      { ...codeParams(challenge), redirect_uri: 'http://127.0.0.1.evil.example:80/cb' },
    ]) {
      const answer = await call(t.sim, authorizeUrl(params));
      expect(answer.status).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });

  it('accepts a localhost redirect_uri', async () => {
    const { challenge } = pkce();
    const params = { ...codeParams(challenge), redirect_uri: 'http://localhost:8123/cb' };
    const answer = await call(t.sim, authorizeUrl(params));
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toMatch(/^http:\/\/localhost:8123\/cb\?code=/);
  });

  it('redirects with an OAuth error and the state for a bad request from a known client', async () => {
    const { challenge } = pkce();
    const cases: [Record<string, string>, string][] = [
      [{ ...codeParams(challenge), code_challenge_method: 'plain' }, 'invalid_request'],
      [{ ...codeParams(challenge), scope: 'openid conve:teleport' }, 'invalid_scope'],
      [{ ...codeParams(challenge), response_type: 'token' }, 'unsupported_response_type'],
    ];
    for (const [params, error] of cases) {
      const query = await authorize(params);
      expect(query.get('error')).toBe(error);
      expect(query.get('state')).toBe('xyz-state');
      expect(query.get('code')).toBeNull();
    }
    const { code_challenge: _none, ...withoutPkce } = codeParams(challenge);
    expect((await authorize(withoutPkce)).get('error')).toBe('invalid_request');
    const { state: _noState, ...withoutState } = codeParams(challenge);
    expect((await authorize(withoutState)).get('error')).toBe('invalid_request');
  });
});
