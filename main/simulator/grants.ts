import type { SimClock } from './clock';
import { randomToken } from './secrets';

/** An authorization code lives one minute, like Volvo ID's. */
export const CODE_TTL_MS = 60_000;
/** An unused refresh token dies after seven days. */
export const REFRESH_TTL_MS = 7 * 24 * 3600_000;

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string;
  expiresAt: number;
  used: boolean;
  grantId: string;
}

export interface RefreshGrant {
  clientId: string;
  subject: string;
  scopes: string[];
  expiresAt: number;
  grantId: string;
  state: 'active' | 'used' | 'revoked';
}

/** Authorization codes (single use) and rotating refresh tokens. */
export class GrantStore {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();

  constructor(private readonly clock: SimClock) {}

  issueCode(input: Omit<AuthorizationCode, 'expiresAt' | 'used' | 'grantId'>): string {
    const now = this.clock.now();
    for (const [code, record] of this.codes) {
      if (record.expiresAt < now) this.codes.delete(code);
    }
    const code = randomToken();
    this.codes.set(code, {
      ...input,
      expiresAt: now + CODE_TTL_MS,
      used: false,
      grantId: randomToken(12),
    });
    return code;
  }

  code(code: string): AuthorizationCode | undefined {
    return this.codes.get(code);
  }

  issueRefresh(input: Omit<RefreshGrant, 'expiresAt' | 'state'>): string {
    const now = this.clock.now();
    for (const [token, record] of this.refreshTokens) {
      if (record.expiresAt < now) this.refreshTokens.delete(token);
    }
    const token = randomToken();
    this.refreshTokens.set(token, { ...input, expiresAt: now + REFRESH_TTL_MS, state: 'active' });
    return token;
  }

  refresh(token: string): RefreshGrant | undefined {
    return this.refreshTokens.get(token);
  }

  /** Kills every refresh token of one sign-in (a replayed authorization code). */
  revokeGrant(grantId: string): void {
    for (const record of this.refreshTokens.values()) {
      if (record.grantId === grantId && record.state === 'active') record.state = 'revoked';
    }
  }

  revokeAllRefreshTokens(): void {
    for (const record of this.refreshTokens.values()) {
      if (record.state === 'active') record.state = 'revoked';
    }
  }
}
