import { randomBytes } from 'node:crypto';
import type { Clock } from '../ports';
import { iso } from './time-words';

/**
 * Unlock takes two steps: the UI asks for a confirmation token (after the person confirmed),
 * then sends it back with the unlock. A token works once, for one car, for a few seconds, so
 * nothing but an explicit confirmation in the popover can unlock the car (not the shortcut,
 * not a notification, not a replayed message).
 */

export const UNLOCK_CONFIRMATION_MS = 15_000;

export interface UnlockConfirmations {
  issue(vin: string): { token: string; expiresAt: string };
  /** Uses up the token; throws an Error in words when it is not valid for this car now. */
  redeem(vin: string, token: string): void;
}

export function createUnlockConfirmations(clock: Clock): UnlockConfirmations {
  const issued = new Map<string, { vin: string; expiresAt: number }>();

  const forgetExpired = () => {
    const now = clock.now();
    for (const [token, entry] of issued) {
      // Expiring later than any token could means the wall clock stepped back: it goes too.
      if (entry.expiresAt <= now || entry.expiresAt > now + UNLOCK_CONFIRMATION_MS) {
        issued.delete(token);
      }
    }
  };

  return {
    issue(vin) {
      forgetExpired();
      const token = randomBytes(18).toString('base64url');
      const expiresAt = clock.now() + UNLOCK_CONFIRMATION_MS;
      issued.set(token, { vin, expiresAt });
      return { token, expiresAt: iso(expiresAt) };
    },
    redeem(vin, token) {
      forgetExpired();
      const entry = issued.get(token);
      issued.delete(token);
      if (!entry) {
        throw new Error(
          'That unlock confirmation has expired or was already used. Press Unlock again.',
        );
      }
      if (entry.vin.toUpperCase() !== vin.toUpperCase()) {
        throw new Error('That unlock confirmation was for another car. Press Unlock again.');
      }
    },
  };
}
