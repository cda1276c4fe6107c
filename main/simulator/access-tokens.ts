import type { SimClock } from './clock';
import { randomToken } from './secrets';

/** Who an access token speaks for and what it may do. */
export interface AccessGrant {
  subject: string;
  clientId: string;
  scopes: ReadonlySet<string>;
  expiresAt: number;
  /** The sign-in (authorization code) it descends from, so a replayed code can revoke it. */
  grantId: string;
}

export type AccessCheck =
  | { ok: true; grant: AccessGrant }
  | { ok: false; reason: 'unknown' | 'expired' };

/** Opaque access tokens; the simulator remembers what each one carries. */
export class AccessTokens {
  private readonly tokens = new Map<string, AccessGrant>();

  constructor(
    private readonly clock: SimClock,
    readonly ttlSeconds: number,
  ) {}

  issue(input: Omit<AccessGrant, 'expiresAt'>): string {
    this.forgetExpired();
    const token = randomToken();
    this.tokens.set(token, { ...input, expiresAt: this.clock.now() + this.ttlSeconds * 1000 });
    return token;
  }

  check(token: string): AccessCheck {
    const grant = this.tokens.get(token);
    if (!grant) return { ok: false, reason: 'unknown' };
    if (this.clock.now() >= grant.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, grant };
  }

  revokeGrant(grantId: string): void {
    for (const [token, grant] of this.tokens) {
      if (grant.grantId === grantId) this.tokens.delete(token);
    }
  }

  /** Keeps the table small; an expired token is kept for a day so it answers "expired". */
  private forgetExpired(): void {
    const horizon = this.clock.now() - 24 * 3600_000;
    for (const [token, grant] of this.tokens) {
      if (grant.expiresAt < horizon) this.tokens.delete(token);
    }
  }
}
