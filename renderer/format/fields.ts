import { FIELD_MESSAGES } from '../../shared/words/fields';

/**
 * Checks for the settings and connection forms, so each message can sit next to its field.
 * The core validates again (the contract's zod schemas are the authority); the limits here
 * mirror them and `fields.test.ts` fails if the two drift apart, and both take their messages
 * from `FIELD_MESSAGES`. Kept free of zod so the popover bundle stays small.
 */

/** A field's check result: the value to send, or a message for the person. */
export type FieldCheck<T> = { ok: true; value: T } | { ok: false; message: string };

export interface NumberLimit {
  min: number;
  max: number;
  /** "seconds", "minutes", "requests" */
  unit: string;
}

/** The ranges the settings schema accepts. */
export const LIMITS = {
  fastSeconds: { min: 30, max: 3600, unit: 'seconds' },
  slowSeconds: { min: 60, max: 6 * 3600, unit: 'seconds' },
  dailyBudget: { min: 100, max: 10_000, unit: 'requests' },
  doorOpenMinutes: { min: 1, max: 24 * 60, unit: 'minutes' },
  unlockedMinutes: { min: 1, max: 24 * 60, unit: 'minutes' },
  engineRunningMinutes: { min: 1, max: 24 * 60, unit: 'minutes' },
  tankLidOpenMinutes: { min: 1, max: 24 * 60, unit: 'minutes' },
  remindAfterMinutes: { min: 0, max: 24 * 60, unit: 'minutes' },
  unlockDurationSeconds: { min: 1, max: 120, unit: 'seconds' },
  redirectPort: { min: 1024, max: 65535, unit: '' },
} as const satisfies Record<string, NumberLimit>;

/** A whole number within the limit, from what was typed. */
export function checkWholeNumber(text: string, limit: NumberLimit): FieldCheck<number> {
  const trimmed = text.trim();
  const range = `${limit.min} to ${limit.max}${limit.unit ? ` ${limit.unit}` : ''}`;
  if (!/^-?\d+$/.test(trimmed)) {
    return { ok: false, message: `Enter a whole number from ${range}.` };
  }
  const value = Number(trimmed);
  if (value < limit.min || value > limit.max) {
    return { ok: false, message: `Must be from ${range}.` };
  }
  return { ok: true, value };
}

const API_KEY = /^[A-Za-z0-9_-]{16,128}$/;

/** The VCC API key from the developer portal. */
export function checkApiKey(text: string): FieldCheck<string> {
  const value = text.trim();
  if (!value) return { ok: false, message: FIELD_MESSAGES.apiKeyMissing };
  if (!API_KEY.test(value)) return { ok: false, message: FIELD_MESSAGES.apiKeyShape };
  return { ok: true, value };
}

/** The OAuth client id of the person's own Volvo developer app. */
export function checkClientId(text: string): FieldCheck<string> {
  const value = text.trim();
  if (!value) return { ok: false, message: FIELD_MESSAGES.clientIdMissing };
  if (value.length > 200) return { ok: false, message: FIELD_MESSAGES.clientIdTooLong };
  return { ok: true, value };
}

/** The client secret is optional (public clients with PKCE have none). */
export function checkClientSecret(text: string): FieldCheck<string | undefined> {
  const value = text.trim();
  if (value.length > 500) return { ok: false, message: FIELD_MESSAGES.clientSecretTooLong };
  return { ok: true, value: value || undefined };
}

/** A test access token pasted from the developer portal. */
export function checkAccessToken(text: string): FieldCheck<string> {
  const value = text.trim();
  if (value.length < 20) return { ok: false, message: FIELD_MESSAGES.accessTokenMissing };
  if (value.length > 8192) return { ok: false, message: FIELD_MESSAGES.accessTokenTooLong };
  return { ok: true, value };
}
