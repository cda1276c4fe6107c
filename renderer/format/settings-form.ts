import type { SignInRequest } from '../../shared/contract';
import { MAX_VEHICLE_NAME, type Settings, type SettingsPatch } from '../../shared/settings';
import {
  checkAccessToken,
  checkApiKey,
  checkClientId,
  checkClientSecret,
  checkWholeNumber,
  type FieldCheck,
  LIMITS,
} from './fields';

/**
 * The settings form as typed (numbers as text), and the turn from what was typed into the
 * smallest patch for the core, or one message per wrong field and no patch at all.
 */
export interface PreferenceValues {
  /** The checked VINs. */
  watched: string[];
  /** The person's own name for each car, by VIN; empty: named after its model. */
  names: Record<string, string>;
  doorOpenEnabled: boolean;
  doorOpenMinutes: string;
  unlockedEnabled: boolean;
  unlockedMinutes: string;
  windowOpenWhileLocked: boolean;
  engineRunningEnabled: boolean;
  engineRunningMinutes: string;
  engineWhileParked: boolean;
  tankLidOpenEnabled: boolean;
  tankLidOpenMinutes: string;
  signInExpired: boolean;
  quotaOut: boolean;
  remindAfterMinutes: string;
  notifyCleared: boolean;
  fastSeconds: string;
  slowSeconds: string;
  dailyBudget: string;
  unlockDurationSeconds: string;
  launchAtLogin: boolean;
  /** Where the computer has no keyring: keep the sign-in on disk unencrypted (an opt-in). */
  allowPlaintextSecrets: boolean;
}

export type PreferenceErrors = Partial<Record<keyof PreferenceValues, string>>;

/**
 * The form filled from the settings. A watch list that names none of the cars (empty, or left
 * from the demo or another account) means every car, so all are checked, as the core has it.
 */
export function preferenceValues(settings: Settings, vins: readonly string[]): PreferenceValues {
  const { alerts, polling } = settings;
  const chosen = settings.watchedVins.filter((vin) => vins.includes(vin));
  return {
    watched: chosen.length > 0 ? chosen : [...vins],
    names: Object.fromEntries(vins.map((vin) => [vin, settings.vehicleNames[vin] ?? ''])),
    doorOpenEnabled: alerts.doorOpen.enabled,
    doorOpenMinutes: String(alerts.doorOpen.minutes),
    unlockedEnabled: alerts.unlocked.enabled,
    unlockedMinutes: String(alerts.unlocked.minutes),
    windowOpenWhileLocked: alerts.windowOpenWhileLocked.enabled,
    engineRunningEnabled: alerts.engineRunning.enabled,
    engineRunningMinutes: String(alerts.engineRunning.minutes),
    engineWhileParked: alerts.engineRunning.whileParked,
    tankLidOpenEnabled: alerts.tankLidOpen.enabled,
    tankLidOpenMinutes: String(alerts.tankLidOpen.minutes),
    signInExpired: alerts.signInExpired.enabled,
    quotaOut: alerts.quotaOut.enabled,
    remindAfterMinutes: String(alerts.remindAfterMinutes),
    notifyCleared: alerts.notifyCleared,
    fastSeconds: String(polling.fastSeconds),
    slowSeconds: String(polling.slowSeconds),
    dailyBudget: String(polling.dailyBudget),
    unlockDurationSeconds: String(settings.unlockDurationSeconds),
    launchAtLogin: settings.launchAtLogin,
    allowPlaintextSecrets: settings.allowPlaintextSecrets,
  };
}

export type PreferenceCheck =
  | { ok: true; patch: SettingsPatch }
  | { ok: false; errors: PreferenceErrors };

/**
 * The patch holding only what changed, or the errors. Any wrong field means no patch at all, so
 * nothing else changes either.
 */
export function preferencePatch(
  values: PreferenceValues,
  settings: Settings,
  vins: readonly string[],
): PreferenceCheck {
  // Errors are collected in the form's visual order, so the first one is the first to fix.
  const errors: PreferenceErrors = {};
  if (vins.some((vin) => (values.names[vin] ?? '').trim().length > MAX_VEHICLE_NAME)) {
    errors.names = `A car's name has at most ${MAX_VEHICLE_NAME} characters.`;
  }
  if (vins.length > 0 && values.watched.length === 0) {
    errors.watched = 'Watch at least one car.';
  }
  const number = (field: NumberField) => {
    const check = checkWholeNumber(String(values[field]), NUMBER_LIMITS[field]);
    if (!check.ok) errors[field] = check.message;
    return check.ok ? check.value : undefined;
  };
  const doorOpenMinutes = number('doorOpenMinutes');
  const unlockedMinutes = number('unlockedMinutes');
  const engineRunningMinutes = number('engineRunningMinutes');
  const tankLidOpenMinutes = number('tankLidOpenMinutes');
  const remindAfterMinutes = number('remindAfterMinutes');
  const fastSeconds = number('fastSeconds');
  const slowSeconds = number('slowSeconds');
  const dailyBudget = number('dailyBudget');
  const unlockDurationSeconds = number('unlockDurationSeconds');
  if (
    fastSeconds !== undefined &&
    slowSeconds !== undefined &&
    slowSeconds < fastSeconds &&
    !errors.slowSeconds
  ) {
    errors.slowSeconds = 'Checking a locked car should not be more often than an unlocked one.';
  }
  if (
    doorOpenMinutes === undefined ||
    unlockedMinutes === undefined ||
    engineRunningMinutes === undefined ||
    tankLidOpenMinutes === undefined ||
    remindAfterMinutes === undefined ||
    fastSeconds === undefined ||
    slowSeconds === undefined ||
    dailyBudget === undefined ||
    unlockDurationSeconds === undefined ||
    Object.keys(errors).length > 0
  ) {
    return { ok: false, errors };
  }

  const patch: SettingsPatch = {};
  const { alerts, polling } = settings;
  const watchedVins = vins.every((vin) => values.watched.includes(vin))
    ? []
    : vins.filter((vin) => values.watched.includes(vin));
  if (!sameList(watchedVins, settings.watchedVins)) patch.watchedVins = watchedVins;
  const renamed = vins.filter(
    (vin) => (values.names[vin] ?? '').trim() !== (settings.vehicleNames[vin] ?? ''),
  );
  if (renamed.length > 0) {
    patch.vehicleNames = Object.fromEntries(
      renamed.map((vin) => [vin, (values.names[vin] ?? '').trim()]),
    );
  }

  const alertPatch: NonNullable<SettingsPatch['alerts']> = {};
  if (
    values.doorOpenEnabled !== alerts.doorOpen.enabled ||
    doorOpenMinutes !== alerts.doorOpen.minutes
  ) {
    alertPatch.doorOpen = { enabled: values.doorOpenEnabled, minutes: doorOpenMinutes };
  }
  if (
    values.unlockedEnabled !== alerts.unlocked.enabled ||
    unlockedMinutes !== alerts.unlocked.minutes
  ) {
    alertPatch.unlocked = { enabled: values.unlockedEnabled, minutes: unlockedMinutes };
  }
  if (
    values.engineRunningEnabled !== alerts.engineRunning.enabled ||
    engineRunningMinutes !== alerts.engineRunning.minutes ||
    values.engineWhileParked !== alerts.engineRunning.whileParked
  ) {
    alertPatch.engineRunning = {
      enabled: values.engineRunningEnabled,
      minutes: engineRunningMinutes,
      whileParked: values.engineWhileParked,
    };
  }
  if (
    values.tankLidOpenEnabled !== alerts.tankLidOpen.enabled ||
    tankLidOpenMinutes !== alerts.tankLidOpen.minutes
  ) {
    alertPatch.tankLidOpen = { enabled: values.tankLidOpenEnabled, minutes: tankLidOpenMinutes };
  }
  if (values.windowOpenWhileLocked !== alerts.windowOpenWhileLocked.enabled) {
    alertPatch.windowOpenWhileLocked = { enabled: values.windowOpenWhileLocked };
  }
  if (values.signInExpired !== alerts.signInExpired.enabled) {
    alertPatch.signInExpired = { enabled: values.signInExpired };
  }
  if (values.quotaOut !== alerts.quotaOut.enabled) {
    alertPatch.quotaOut = { enabled: values.quotaOut };
  }
  if (remindAfterMinutes !== alerts.remindAfterMinutes) {
    alertPatch.remindAfterMinutes = remindAfterMinutes;
  }
  if (values.notifyCleared !== alerts.notifyCleared)
    alertPatch.notifyCleared = values.notifyCleared;
  if (Object.keys(alertPatch).length) patch.alerts = alertPatch;

  const pollingPatch: NonNullable<SettingsPatch['polling']> = {};
  if (fastSeconds !== polling.fastSeconds) pollingPatch.fastSeconds = fastSeconds;
  if (slowSeconds !== polling.slowSeconds) pollingPatch.slowSeconds = slowSeconds;
  if (dailyBudget !== polling.dailyBudget) pollingPatch.dailyBudget = dailyBudget;
  if (Object.keys(pollingPatch).length) patch.polling = pollingPatch;

  if (unlockDurationSeconds !== settings.unlockDurationSeconds) {
    patch.unlockDurationSeconds = unlockDurationSeconds;
  }
  if (values.launchAtLogin !== settings.launchAtLogin) patch.launchAtLogin = values.launchAtLogin;
  if (values.allowPlaintextSecrets !== settings.allowPlaintextSecrets) {
    patch.allowPlaintextSecrets = values.allowPlaintextSecrets;
  }
  return { ok: true, patch };
}

/** The form's number fields and the range each accepts. */
export const NUMBER_LIMITS = {
  doorOpenMinutes: LIMITS.doorOpenMinutes,
  unlockedMinutes: LIMITS.unlockedMinutes,
  engineRunningMinutes: LIMITS.engineRunningMinutes,
  tankLidOpenMinutes: LIMITS.tankLidOpenMinutes,
  remindAfterMinutes: LIMITS.remindAfterMinutes,
  fastSeconds: LIMITS.fastSeconds,
  slowSeconds: LIMITS.slowSeconds,
  dailyBudget: LIMITS.dailyBudget,
  unlockDurationSeconds: LIMITS.unlockDurationSeconds,
} as const;

/** A number field of the settings form. */
export type NumberField = keyof typeof NUMBER_LIMITS;

/** A checkbox of the settings form. */
export type CheckboxField = {
  [K in keyof PreferenceValues]: PreferenceValues[K] extends boolean ? K : never;
}[keyof PreferenceValues];

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The connection form as typed. */
export interface ConnectValues {
  mode: 'volvo-id' | 'test-token';
  clientId: string;
  clientSecret: string;
  apiKey: string;
  redirectPort: string;
  apiVersion: 'v1' | 'v2';
  accessToken: string;
  /** Sign in for status only: the app is not yet approved for lock and unlock. */
  statusOnly: boolean;
  /** Also ask for find my car (`conve:honk_flash`): Volvo has approved the app for it. */
  findMyCar: boolean;
}

export type ConnectErrors = Partial<Record<keyof ConnectValues, string>>;

/** The form's starting point: what the settings already know (never a secret). */
export function connectValues(settings: Settings): ConnectValues {
  return {
    mode: settings.connection.mode === 'test-token' ? 'test-token' : 'volvo-id',
    clientId: settings.connection.clientId,
    clientSecret: '',
    apiKey: '',
    redirectPort: String(settings.connection.redirectPort),
    apiVersion: settings.connection.apiVersion,
    accessToken: '',
    statusOnly: settings.connection.access === 'status-only',
    findMyCar: settings.connection.findMyCar,
  };
}

/** The sign-in request, or a message for each wrong field. */
export function connectRequest(
  values: ConnectValues,
): { ok: true; request: SignInRequest } | { ok: false; errors: ConnectErrors } {
  const errors: ConnectErrors = {};
  const take = <T>(field: keyof ConnectValues, check: FieldCheck<T>): T | undefined => {
    if (check.ok) return check.value;
    errors[field] = check.message;
    return undefined;
  };
  // Checked in the form's visual order, so the first error is the first field to fix.
  if (values.mode === 'test-token') {
    const accessToken = take('accessToken', checkAccessToken(values.accessToken));
    const apiKey = take('apiKey', checkApiKey(values.apiKey));
    if (apiKey === undefined || accessToken === undefined) return { ok: false, errors };
    return {
      ok: true,
      request: { mode: 'test-token', accessToken, apiKey, apiVersion: values.apiVersion },
    };
  }
  const clientId = take('clientId', checkClientId(values.clientId));
  const clientSecret = take('clientSecret', checkClientSecret(values.clientSecret));
  const apiKey = take('apiKey', checkApiKey(values.apiKey));
  const redirectPort = take(
    'redirectPort',
    checkWholeNumber(values.redirectPort, LIMITS.redirectPort),
  );
  if (
    apiKey === undefined ||
    clientId === undefined ||
    redirectPort === undefined ||
    Object.keys(errors).length > 0
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    request: {
      mode: 'volvo-id',
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
      apiKey,
      redirectPort,
      apiVersion: values.apiVersion,
      access: values.statusOnly ? 'status-only' : 'full',
      ...(values.findMyCar ? { findMyCar: true } : {}),
    },
  };
}
