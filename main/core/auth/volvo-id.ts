import { z } from 'zod';
import type { SignInAccess } from '../../../shared/contract';
import { FIELD_MESSAGES } from '../../../shared/words/fields';
import { isLoopbackHost } from '../loopback-address';
import { AuthError } from './errors';
import { FIND_MY_CAR_SCOPE, STATUS_SCOPES, VOLVO_SCOPES, type VolvoIdConfig } from './types';

/** Volvo ID's issuer; discovery lives at `${VOLVO_ID_ISSUER}/.well-known/openid-configuration`. */
export const VOLVO_ID_ISSUER = 'https://volvoid.eu.volvocars.com';

/** Where the loopback listener expects Volvo ID to send the browser back. */
export const CALLBACK_PATH = '/callback';

/**
 * A Volvo ID configuration for an issuer (Volvo's own, or the simulator's `baseUrl`), with
 * Volvo's endpoint paths as the fallback when discovery is not available.
 *
 * `redirectPort` 0 means "any free port": only for an authorization server that accepts any
 * loopback port (RFC 8252 §7.3), such as the simulator in demo mode and tests.
 */
export function volvoIdConfig(
  issuerBase: string,
  clientId: string,
  clientSecret: string | undefined,
  redirectPort: number,
  access: SignInAccess = 'full',
  findMyCar = false,
): VolvoIdConfig {
  const issuer = issuerBase.replace(/\/+$/, '');
  return {
    issuer,
    authorizationEndpoint: `${issuer}/as/authorization.oauth2`,
    tokenEndpoint: `${issuer}/as/token.oauth2`,
    clientId,
    ...(clientSecret ? { clientSecret } : {}),
    redirectPort,
    scopes: [
      ...(access === 'full' ? VOLVO_SCOPES : STATUS_SCOPES),
      ...(findMyCar ? [FIND_MY_CAR_SCOPE] : []),
    ],
  };
}

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      message: `The ${what} must be a web address starting with https://.`,
    })
    .refine((value) => !URL.canParse(value) || isSecureOrLoopback(new URL(value)), {
      message: `The ${what} must use https:// (plain http:// is only allowed on this computer).`,
    });

const configSchema = z.object({
  issuer: httpUrl('Volvo ID address (issuer)'),
  authorizationEndpoint: httpUrl('sign-in page address (authorization endpoint)'),
  tokenEndpoint: httpUrl('token endpoint address'),
  clientId: z
    .string()
    .trim()
    .min(1, FIELD_MESSAGES.clientIdMissing)
    .max(200, FIELD_MESSAGES.clientIdTooLong)
    .regex(/^[\x21-\x7e]+$/, 'The client id must not contain spaces or special characters.'),
  clientSecret: z
    .string()
    .trim()
    .max(500, FIELD_MESSAGES.clientSecretTooLong)
    .regex(/^[\x21-\x7e]*$/, 'The client secret must not contain spaces or special characters.')
    .optional(),
  redirectPort: z
    .number({ message: FIELD_MESSAGES.redirectPortNumber })
    .int(FIELD_MESSAGES.redirectPortNumber)
    .min(0, FIELD_MESSAGES.redirectPortRange)
    .max(65535, FIELD_MESSAGES.redirectPortRange)
    .refine((port) => port === 0 || port >= 1024, { message: FIELD_MESSAGES.redirectPortRange }),
  scopes: z
    .array(
      z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'A scope must be one word without quotes.'),
    )
    .min(1, 'At least one scope is needed (openid).'),
});

/**
 * Checks a configuration before a sign-in starts. Throws an {@link AuthError} whose message
 * names the first bad field in words a person understands.
 */
export function validateVolvoIdConfig(config: VolvoIdConfig): VolvoIdConfig {
  const parsed = configSchema.safeParse(config);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'The Volvo ID settings are not valid.';
    throw new AuthError('invalid-input', message);
  }
  const { clientSecret, ...rest } = parsed.data;
  return { ...rest, ...(clientSecret ? { clientSecret } : {}) };
}

/** True for https, and for plain http to this computer (the simulator). */
function isSecureOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || isLoopbackHost(url.hostname);
}
