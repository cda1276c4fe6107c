import type { z } from 'zod';
import type { Settings } from '../../../shared/settings';
import { MESSAGES } from '../../../shared/words/sign-in';
import type { ClockStyle } from '../../../shared/words/time';
import type { SecretVault } from '../ports';
import type { PollPause } from './poll-scheduler';
import { whenInWords } from './time-words';

/** The app-wide sentences of the popover and notifications. */

/** "5,000" */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** Why the car checks are paused and when they resume. */
export function pauseInWords(
  pause: PollPause,
  now: number,
  dailyBudget: number,
  style: ClockStyle,
): string {
  const when = whenInWords(pause.until, now, style);
  switch (pause.kind) {
    case 'rate-limited':
      return `Volvo asked volvo-tray to slow down (too many requests). Checks resume ${when}.`;
    case 'quota':
      return `Volvo's daily request quota for your VCC API key is used up. Checks resume ${when}, when Volvo replenishes it; volvo-tray asks once an hour in case it comes back sooner.`;
    case 'budget':
      return `Today's budget of ${count(dailyBudget)} requests is used up (the last few are kept for lock and unlock). Checks resume ${when}; you can raise the budget in Settings.`;
  }
}

/** A warning about how secrets are kept, or null when they are safe. */
export function vaultWarning(
  protection: ReturnType<SecretVault['protection']>,
  settings: Settings,
): string | null {
  switch (protection) {
    case 'plaintext':
      return settings.allowPlaintextSecrets
        ? 'This computer has no keyring, so your sign-in is stored on disk without encryption, as you allowed in Settings.'
        : MESSAGES.memoryOnly;
    case 'memory':
      return settings.connection.mode === 'demo'
        ? null
        : 'Your sign-in is kept in memory only, so you will sign in again after volvo-tray restarts.';
    case 'os-encrypted':
      return null;
  }
}

/** The first problem of a settings change, e.g. 'The setting "polling.slowSeconds" must be at least 60.' */
export function settingsProblemInWords(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Those settings are not valid.';
  const name = `The setting "${issue.path.join('.')}"`;
  switch (issue.code) {
    case 'too_small':
      return `${name} must be at least ${String(issue.minimum)}.`;
    case 'too_big':
      return `${name} must be at most ${String(issue.maximum)}.`;
    case 'unrecognized_keys':
      return `There is no setting called "${[...issue.path, ...issue.keys].join('.')}".`;
    default:
      return `${name} is not valid: ${issue.message}.`;
  }
}
