import { describe, expect, it } from 'vitest';
import { formatUtc, jwtExpiry, parseTestToken, TEST_TOKEN_LIFETIME_MS } from './test-token';

const now = Date.UTC(2026, 10, 27, 8, 0, 0);

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

describe('test access tokens', () => {
  it('takes the expiry from the JWT exp claim', () => {
    const exp = now / 1000 + 45 * 60;
    const token = jwt({ exp, sub: 'someone' });
    expect(parseTestToken(token, now)).toEqual({ token, expiresAt: exp * 1000 });
  });

  it('gives an opaque token 60 minutes from now', () => {
    expect(parseTestToken('opaque-token_123', now)).toEqual({
      token: 'opaque-token_123',
      expiresAt: now + TEST_TOKEN_LIFETIME_MS,
    });
  });

  it('gives a JWT without exp 60 minutes too', () => {
    expect(jwtExpiry(jwt({ sub: 'x' }))).toBeNull();
    expect(parseTestToken(jwt({ sub: 'x' }), now).expiresAt).toBe(now + 60 * 60_000);
  });

  it('accepts a token pasted with "Bearer " and surrounding whitespace', () => {
    expect(parseTestToken('  Bearer abc.def-ghi \n', now).token).toBe('abc.def-ghi');
  });

  it('refuses text that is not a token, saying what to paste', () => {
    expect(() => parseTestToken('', now)).toThrow('Paste the whole test access token');
    expect(() => parseTestToken('two words', now)).toThrow('without spaces, quotes or line breaks');
    expect(() => parseTestToken('"quoted"', now)).toThrow('does not look like an access token');
  });

  it('refuses a JWT that has already expired, saying when', () => {
    const token = jwt({ exp: now / 1000 - 60 });
    expect(() => parseTestToken(token, now)).toThrow(
      'This test access token already expired (2026-11-27 07:59 UTC).',
    );
  });

  it('formats times without depending on the locale', () => {
    expect(formatUtc(now)).toBe('2026-11-27 08:00 UTC');
  });
});
