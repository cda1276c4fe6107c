import { z } from 'zod';
import type { JsonStore, Logger } from '../ports';
import { epochMsSchema } from '../stored-values';

/**
 * The non-secret facts of a session that survive a restart: which mode, which API version,
 * where to refresh. Tokens and the client secret live in the vault, never here.
 */

const endpointsSchema = z.object({
  issuer: z.url(),
  authorizationEndpoint: z.url(),
  tokenEndpoint: z.url(),
  idTokenSigningAlgs: z.array(z.string().max(20)).max(20).optional(),
});

const volvoIdSchema = z.object({
  endpoints: endpointsSchema,
  clientId: z.string().min(1).max(200),
  /** Whether the client authenticates with a secret (kept in the vault as `clientSecret`). */
  confidential: z.boolean(),
  redirectPort: z.number().int().min(0).max(65535),
  // Bounded, like everything read from this plain file: an edit cannot make it huge.
  scopes: z.array(z.string().max(100)).max(50),
});

const metaSchema = z.object({
  version: z.literal(1),
  status: z.enum(['signed-in', 'signed-out', 'expired']),
  mode: z.enum(['demo', 'volvo-id', 'test-token']).nullable(),
  apiVersion: z.enum(['v1', 'v2']),
  volvoId: volvoIdSchema.optional(),
  /** Test tokens: when the pasted token stops working (epoch ms). */
  testTokenExpiresAt: epochMsSchema.optional(),
});

/** The persisted session facts. */
export type SessionMeta = z.infer<typeof metaSchema>;

/**
 * Whether a saved Volvo ID sign-in talks only to `issuer`'s origin. These facts sit in a plain
 * file: edited to name another server, they would have the app send it the refresh token and
 * the client secret. Other sign-ins (test token, signed out) have no endpoints to check.
 */
export function talksOnlyTo(meta: SessionMeta, issuer: string): boolean {
  const endpoints = meta.volvoId?.endpoints;
  if (meta.mode !== 'volvo-id' || endpoints === undefined) return true;
  const origin = new URL(issuer).origin;
  return [endpoints.issuer, endpoints.authorizationEndpoint, endpoints.tokenEndpoint].every(
    (url) => URL.canParse(url) && new URL(url).origin === origin,
  );
}

/**
 * Reads the session facts; a missing or unreadable document means "signed out" (logged, so a
 * hand-edited file does not silently sign anyone in with wrong endpoints).
 */
export function loadSessionMeta(store: JsonStore<unknown>, logger: Logger): SessionMeta | null {
  const raw = store.load();
  if (raw === undefined) return null;
  const parsed = metaSchema.safeParse(raw);
  if (!parsed.success) {
    logger.warn('auth.meta.unreadable', { problem: parsed.error.issues[0]?.message });
    return null;
  }
  return parsed.data;
}
