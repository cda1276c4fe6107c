import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/**
 * Volvo ID returns an `id_token` with every token answer (code exchange and refresh), as its
 * OpenID Connect discovery promises: an RS256 JWT for the client, with the keys published at
 * `jwks_uri`. A fault makes the next ones invalid the ways a real deployment can get wrong
 * (another audience, already expired, a bad signature).
 */

export type IdTokenFault = 'wrong-audience' | 'expired' | 'bad-signature';

const KEY_ID = 'volvo-id-sim-1';

/** One key pair per process: generating RSA keys for every simulator would slow the tests. */
let keys: { privateKey: KeyObject; jwk: Record<string, unknown> } | null = null;

function signingKeys() {
  if (keys === null) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = pair.publicKey.export({ format: 'jwk' });
    keys = { privateKey: pair.privateKey, jwk: { ...jwk, kid: KEY_ID, use: 'sig', alg: 'RS256' } };
  }
  return keys;
}

/** The JSON Web Key Set served at `jwks_uri`. */
export function jwks(): { keys: Record<string, unknown>[] } {
  return { keys: [signingKeys().jwk] };
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** An id_token for `subject` at `clientId`, issued by `issuer` at `now` (epoch ms). */
export function issueIdToken(
  claims: { issuer: string; clientId: string; subject: string; now: number },
  fault: IdTokenFault | null,
): string {
  const iat = Math.floor(claims.now / 1000);
  const payload = {
    iss: claims.issuer,
    sub: claims.subject,
    aud: fault === 'wrong-audience' ? 'another-client' : claims.clientId,
    iat: fault === 'expired' ? iat - 7200 : iat,
    exp: fault === 'expired' ? iat - 3600 : iat + 3600,
  };
  const header = { alg: 'RS256', typ: 'JWT', kid: KEY_ID };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('RSA-SHA256', Buffer.from(input), signingKeys().privateKey);
  if (fault === 'bad-signature') signature[0] = (signature[0] ?? 0) ^ 0xff;
  return `${input}.${base64url(signature)}`;
}
