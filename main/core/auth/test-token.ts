import { z } from 'zod';
import { FIELD_MESSAGES } from '../../../shared/words/fields';
import { AuthError } from './errors';

/** How long a developer-portal test access token lives when it does not say so itself. */
export const TEST_TOKEN_LIFETIME_MS = 60 * 60_000;

/** A pasted test access token and when it stops working (epoch ms). */
export interface TestToken {
  token: string;
  expiresAt: number;
}

const pastedToken = z
  .string()
  .trim()
  .transform((text) => text.replace(/^bearer\s+/i, ''))
  .pipe(
    z
      .string()
      .min(1, FIELD_MESSAGES.accessTokenMissing)
      .max(8192, FIELD_MESSAGES.accessTokenTooLong)
      // RFC 6750 b64token: what a bearer token may contain.
      .regex(
        /^[A-Za-z0-9\-._~+/]+=*$/,
        'That does not look like an access token: paste only the token, without spaces, quotes or line breaks.',
      ),
  );

const jwtTimes = z.object({ exp: z.number().finite() });

/**
 * Reads a pasted test token. Its expiry comes from the JWT `exp` claim when the token is a JWT
 * (decoded without verifying: only to know the time, never to trust its content), otherwise
 * {@link TEST_TOKEN_LIFETIME_MS} from `now`. Throws an {@link AuthError} for text that is not
 * a token or a token that has already expired.
 */
export function parseTestToken(pasted: string, now: number): TestToken {
  const parsed = pastedToken.safeParse(pasted);
  if (!parsed.success) {
    throw new AuthError(
      'invalid-input',
      parsed.error.issues[0]?.message ?? 'That is not an access token.',
    );
  }
  const token = parsed.data;
  const exp = jwtExpiry(token);
  const expiresAt = exp ?? now + TEST_TOKEN_LIFETIME_MS;
  if (expiresAt <= now) {
    throw new AuthError(
      'invalid-input',
      `This test access token already expired (${formatUtc(expiresAt)}). Get a new one from the Volvo developer portal.`,
    );
  }
  return { token, expiresAt };
}

/** The `exp` claim of a JWT in epoch ms, or null when the token is not a JWT with one. */
export function jwtExpiry(token: string): number | null {
  const parts = token.split('.');
  const payload = parts[1];
  if (parts.length !== 3 || payload === undefined) return null;
  try {
    const claims = jwtTimes.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString()));
    return claims.success ? claims.data.exp * 1000 : null;
  } catch {
    return null;
  }
}

/** "2026-11-27 09:00 UTC": unambiguous without knowing the reader's locale. */
export function formatUtc(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
