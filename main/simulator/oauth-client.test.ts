import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from './index';
import { v2Get } from './test-helpers';
import type { Simulator } from './types';

/** A standard OAuth client library, unchanged but for the issuer, signs in against the stand-in. */
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

const insecure = { [oauth.allowInsecureRequests]: true };
const redirectUri = 'http://127.0.0.1:53682/callback';

describe('oauth4webapi against the Volvo ID stand-in', () => {
  it('discovers, signs in with PKCE and HTTP Basic, calls the API, and refreshes', async () => {
    const issuer = new URL(sim.baseUrl);
    const as = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { ...insecure, algorithm: 'oidc' }),
    );
    const client: oauth.Client = { client_id: sim.client.id };
    const auth = oauth.ClientSecretBasic(sim.client.secret);
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();

    const authorize = new URL(as.authorization_endpoint ?? '');
    authorize.search = new URLSearchParams({
      client_id: client.client_id,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid conve:vehicle_relation',
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }).toString();
    const redirect = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(redirect.headers.get('location') ?? '');
    const params = oauth.validateAuthResponse(as, client, callback, state);

    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(
        as,
        client,
        auth,
        params,
        redirectUri,
        verifier,
        insecure,
      ),
    );
    expect(tokens.expires_in).toBe(299);
    expect((await v2Get(sim, '/vehicles', tokens.access_token)).status).toBe(200);

    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token ?? '', insecure),
    );
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    await expect(
      oauth.processRefreshTokenResponse(
        as,
        client,
        await oauth.refreshTokenGrantRequest(
          as,
          client,
          auth,
          tokens.refresh_token ?? '',
          insecure,
        ),
      ),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});
