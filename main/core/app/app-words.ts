import type { z } from 'zod';
import type { Settings } from '../../../shared/settings';
import { APP_WORDS } from '../../../shared/words/app';
import { MESSAGES } from '../../../shared/words/sign-in';
import type { ClockStyle } from '../../../shared/words/time';
import type { SecretVault } from '../ports';
import type { PollPause } from './poll-scheduler';
import { whenInWords } from './time-words';

/** The app-wide sentences of the popover and notifications, from the words of `APP_WORDS`. */

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
      return APP_WORDS.pausedRateLimited(when);
    case 'quota':
      return APP_WORDS.pausedQuota(when);
    case 'budget':
      return APP_WORDS.pausedBudget(count(dailyBudget), when);
  }
}

/** A warning about how secrets are kept, or null when they are safe. */
export function vaultWarning(
  protection: ReturnType<SecretVault['protection']>,
  settings: Settings,
): string | null {
  switch (protection) {
    case 'plaintext':
      return settings.allowPlaintextSecrets ? APP_WORDS.secretsOnDiskAllowed : MESSAGES.memoryOnly;
    case 'memory':
      return settings.connection.mode === 'demo' ? null : APP_WORDS.secretsInMemory;
    case 'os-encrypted':
      return null;
  }
}

/** The first problem of a settings change, e.g. 'The setting "polling.slowSeconds" must be at least 60.' */
export function settingsProblemInWords(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return APP_WORDS.settingsInvalid;
  const name = issue.path.join('.');
  switch (issue.code) {
    case 'too_small':
      return APP_WORDS.settingAtLeast(name, String(issue.minimum));
    case 'too_big':
      return APP_WORDS.settingAtMost(name, String(issue.maximum));
    case 'unrecognized_keys':
      return APP_WORDS.noSuchSetting([...issue.path, ...issue.keys].join('.'));
    default:
      return APP_WORDS.settingNotValid(name, issue.message);
  }
}

/** How a write of one of the app's files failed, from its error code; null: another way. */
function writeFailureKind(error: unknown): 'disk-full' | 'read-only' | 'not-allowed' | null {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'ENOSPC') return 'disk-full';
  if (code === 'EROFS') return 'read-only';
  if (code === 'EACCES' || code === 'EPERM') return 'not-allowed';
  return null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Why a file of the app's could not be written, short: "the disk is full". */
export function writeFailureCause(error: unknown): string {
  switch (writeFailureKind(error)) {
    case 'disk-full':
      return 'the disk is full';
    case 'read-only':
      return 'its folder is read-only';
    case 'not-allowed':
      return 'it may not write to its folder';
    case null:
      return messageOf(error);
  }
}

/** Why the settings file could not be written, after "Nothing was saved: ". */
export function settingsWriteFailureInWords(error: unknown): string {
  switch (writeFailureKind(error)) {
    case 'disk-full':
      return APP_WORDS.settingsDiskFull;
    case 'read-only':
      return APP_WORDS.settingsReadOnly;
    case 'not-allowed':
      return APP_WORDS.settingsNotAllowed;
    case null:
      return APP_WORDS.settingsNotWritten(messageOf(error));
  }
}
