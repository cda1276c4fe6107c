import { z } from 'zod';
import { MAX_VEHICLE_NAME, type Settings, type SettingsPatch } from '../../shared/settings';
import { isLoopbackHttp } from './loopback-address';
import type { SameType } from './same-type';
import { BACKEND_STATUS_BASE } from './volvo/backend-status';

/**
 * The app's settings: everything a person can change that is not a secret. Secrets (API key,
 * client secret, tokens) live in the {@link SecretVault}, never here.
 */

const minutes = (min: number, max: number) => z.number().int().min(min).max(max);
const seconds = (min: number, max: number) => z.number().int().min(min).max(max);

/** One alert rule: can be switched off; `minutes` is how long before it fires. */
const timedRule = (defaultMinutes: number) =>
  z.object({
    enabled: z.boolean().default(true),
    minutes: minutes(1, 24 * 60).default(defaultMinutes),
  });
const switchRule = z.object({ enabled: z.boolean().default(true) });
const engineRule = timedRule(10).extend({ whileParked: z.boolean().default(false) });

/**
 * A change to a group of settings: any of its fields, without their defaults, so a patch that
 * names one field leaves the others as they were (a default would quietly reset them).
 */
function patchOf<Shape extends z.ZodRawShape>(
  group: z.ZodObject<Shape> | z.ZodDefault<z.ZodObject<Shape>>,
) {
  const object = group instanceof z.ZodDefault ? group.unwrap() : group;
  const fields = Object.entries(object.shape).map(([key, field]) => [
    key,
    field instanceof z.ZodDefault ? field.unwrap() : field,
  ]);
  return z
    .object(Object.fromEntries(fields) as { [K in keyof Shape]: WithoutDefault<Shape[K]> })
    .partial()
    .strict();
}
type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
/** A VIN as stored: bounded, so no patch or hand-edited file can make the settings huge. */
const storedVin = z.string().max(17, 'A VIN has 17 characters.');
/** More cars than any one Volvo ID has. */
const MAX_WATCHED_VINS = 100;
const vehicleNameText = z
  .string()
  .trim()
  .max(MAX_VEHICLE_NAME, `A car's name has at most ${MAX_VEHICLE_NAME} characters.`)
  .refine((name) => !/\p{Cc}/u.test(name), 'A car name is one line of text.');
const vehicleNames = z
  .record(storedVin, vehicleNameText)
  .refine((names) => Object.keys(names).length <= MAX_WATCHED_VINS, 'Too many car names.');

/**
 * A web address the app puts a path after: an http(s) origin and nothing more, since a path,
 * query or fragment would be dropped without a word. Plain http only on this computer.
 */
const originUrl = (example: string) =>
  z
    .string()
    .trim()
    .max(200)
    .refine((value) => /^https?:\/\/[^/]/.test(value) && URL.canParse(value), {
      message: `must be an http(s) address such as ${example}`,
      abort: true,
    })
    .refine((value) => new URL(value).href === `${new URL(value).origin}/`, {
      message: `must be an address without a path, such as ${example}`,
      abort: true,
    })
    .refine((value) => value.startsWith('https:') || isLoopbackHttp(value), {
      message: 'must use https:// (plain http:// only for a simulator on this computer)',
    })
    .transform((value) => new URL(value).origin);

export const SETTINGS_VERSION = 1;

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  /** How the app connects: the embedded simulator, a Volvo ID app, or a pasted test token. */
  connection: z
    .object({
      mode: z.enum(['demo', 'volvo-id', 'test-token']).default('demo'),
      apiVersion: z.enum(['v1', 'v2']).default('v2'),
      /** The OAuth client id of the user's own Volvo developer app. Not a secret. */
      clientId: z.string().trim().max(200).default(''),
      /** The loopback port registered as redirect URI (http://127.0.0.1:PORT/callback). */
      redirectPort: z.number().int().min(1024).max(65535).default(8765),
      access: z.enum(['full', 'status-only']).default('full'),
      findMyCar: z.boolean().default(false),
    })
    .default({
      mode: 'demo',
      apiVersion: 'v2',
      clientId: '',
      redirectPort: 8765,
      access: 'full',
      findMyCar: false,
    }),
  /** The VIN shown first and locked by the shortcut. */
  selectedVin: storedVin.nullable().default(null),
  /** VINs to watch; empty means all vehicles of the account. */
  watchedVins: z.array(storedVin).max(MAX_WATCHED_VINS).default([]),
  /** The person's own name for a car, by VIN; a car not named here goes by its model. */
  vehicleNames: vehicleNames.default({}),
  polling: z
    .object({
      /** While something needs attention (unlocked, open, command sent, popover open). */
      fastSeconds: seconds(30, 3600).default(60),
      /** While the car is locked and closed. */
      slowSeconds: seconds(60, 6 * 3600).default(300),
      /** Opening the popover refreshes data older than this. */
      refreshOnOpenSeconds: seconds(5, 3600).default(30),
      /** Requests per API key per day the app allows itself (Volvo's quota is 10,000). */
      dailyBudget: z.number().int().min(100).max(10_000).default(5000),
    })
    .default({ fastSeconds: 60, slowSeconds: 300, refreshOnOpenSeconds: 30, dailyBudget: 5000 }),
  alerts: z
    .object({
      doorOpen: timedRule(5).default({ enabled: true, minutes: 5 }),
      unlocked: timedRule(10).default({ enabled: true, minutes: 10 }),
      windowOpenWhileLocked: switchRule.default({ enabled: true }),
      signInExpired: switchRule.default({ enabled: true }),
      quotaOut: switchRule.default({ enabled: true }),
      /** The engine runs while the car is locked, or this long with no door opened. */
      engineRunning: engineRule.default({ enabled: true, minutes: 10, whileParked: false }),
      /** Optional: the tank (or charging) lid left open this long. */
      tankLidOpen: timedRule(5).default({ enabled: false, minutes: 5 }),
      /** Repeat an alert that is still true after this long; 0 means never. */
      remindAfterMinutes: minutes(0, 24 * 60).default(30),
      /** Say so when an alert clears. */
      notifyCleared: z.boolean().default(false),
    })
    .default({
      doorOpen: { enabled: true, minutes: 5 },
      unlocked: { enabled: true, minutes: 10 },
      windowOpenWhileLocked: { enabled: true },
      signInExpired: { enabled: true },
      quotaOut: { enabled: true },
      engineRunning: { enabled: true, minutes: 10, whileParked: false },
      tankLidOpen: { enabled: false, minutes: 5 },
      remindAfterMinutes: 30,
      notifyCleared: false,
    }),
  /** Electron accelerator that locks the selected car; empty disables it. */
  shortcut: z.string().max(100).default('CommandOrControl+Alt+L'),
  /** v1 unlock window in seconds. */
  unlockDurationSeconds: seconds(1, 120).default(120),
  launchAtLogin: z.boolean().default(false),
  /** Keep the refresh token on disk even when the OS offers no encryption (Linux without keyring). */
  allowPlaintextSecrets: z.boolean().default(false),
  /** Entries kept in each vehicle's activity log. */
  activityLogSize: z.number().int().min(10).max(1000).default(200),
  /** Where Volvo's developer portal says whether its API is healthy (read when checks fail). */
  backendStatusBaseUrl: originUrl(BACKEND_STATUS_BASE).default(BACKEND_STATUS_BASE),
});

// The schema describes exactly the shared types, or this does not compile.
const settingsMatch: SameType<z.infer<typeof settingsSchema>, Settings> = true;
void settingsMatch;

/** The defaults, as a fresh install has them. */
export const defaultSettings: Settings = settingsSchema.parse({});

/** A change the UI may ask for: any subset, nested sections partial too. */
export const settingsPatchSchema = z
  .object({
    connection: patchOf(settingsSchema.shape.connection),
    selectedVin: settingsSchema.shape.selectedVin.unwrap(),
    watchedVins: settingsSchema.shape.watchedVins.unwrap(),
    vehicleNames,
    polling: patchOf(settingsSchema.shape.polling),
    alerts: z
      .object({
        doorOpen: patchOf(timedRule(5)),
        unlocked: patchOf(timedRule(10)),
        windowOpenWhileLocked: patchOf(switchRule),
        signInExpired: patchOf(switchRule),
        quotaOut: patchOf(switchRule),
        engineRunning: patchOf(engineRule),
        tankLidOpen: patchOf(timedRule(5)),
        remindAfterMinutes: settingsSchema.shape.alerts.unwrap().shape.remindAfterMinutes.unwrap(),
        notifyCleared: z.boolean(),
      })
      .partial()
      .strict(),
    shortcut: settingsSchema.shape.shortcut.unwrap(),
    unlockDurationSeconds: settingsSchema.shape.unlockDurationSeconds.unwrap(),
    launchAtLogin: z.boolean(),
    allowPlaintextSecrets: z.boolean(),
    activityLogSize: settingsSchema.shape.activityLogSize.unwrap(),
    backendStatusBaseUrl: settingsSchema.shape.backendStatusBaseUrl.unwrap(),
  })
  .partial()
  .strict();
const patchMatch: SameType<z.infer<typeof settingsPatchSchema>, SettingsPatch> = true;
void patchMatch;

/** Settings read from disk, with what had to be repaired, in words. */
export interface LoadedSettings {
  settings: Settings;
  problems: string[];
}

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads settings from untrusted JSON (a hand-edited or corrupt file). Each bad key falls back to
 * its default on its own, with a sentence saying which and why; every good key is kept.
 */
export function loadSettings(raw: Json): LoadedSettings {
  const problems: string[] = [];
  if (raw !== undefined && !isRecord(raw)) {
    problems.push('The settings file was not readable, so every setting is back to its default.');
    return { settings: defaultSettings, problems };
  }
  const settings = repair(settingsSchema, raw ?? {}, defaultSettings, '', problems) as Settings;
  return { settings, problems };
}

function repair(
  schema: z.ZodType,
  value: Json,
  fallback: Json,
  path: string,
  problems: string[],
): Json {
  const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodObject && isRecord(fallback)) {
    if (value !== undefined && !isRecord(value)) {
      problems.push(`Setting "${path}" was not a group of settings; it is back to its defaults.`);
      return fallback;
    }
    const source = value ?? {};
    const out: Record<string, Json> = {};
    for (const [key, fieldSchema] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      const childPath = path ? `${path}.${key}` : key;
      out[key] = repair(fieldSchema, source[key], fallback[key], childPath, problems);
    }
    return out;
  }
  if (value === undefined) return fallback;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const reason = parsed.error.issues[0]?.message ?? 'invalid value';
  problems.push(`Setting "${path}" had an invalid value (${reason}); it is back to its default.`);
  return fallback;
}

/** Applies a validated patch; nested sections merge, everything else replaces. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const alerts: Record<string, unknown> = { ...settings.alerts };
  for (const [key, change] of Object.entries(patch.alerts ?? {})) {
    const current = alerts[key];
    // A rule's patch names only what changes: its other fields stay as they were.
    alerts[key] =
      typeof change === 'object' && typeof current === 'object'
        ? { ...current, ...change }
        : change;
  }
  // An empty name gives the car back the name of its model.
  const named = Object.entries({ ...settings.vehicleNames, ...patch.vehicleNames });
  return settingsSchema.parse({
    ...settings,
    ...patch,
    connection: { ...settings.connection, ...patch.connection },
    polling: { ...settings.polling, ...patch.polling },
    alerts,
    vehicleNames: Object.fromEntries(named.filter(([, name]) => name.trim() !== '')),
  });
}

/** Where settings persist (electron-store in the app, memory or a file in tests). */
export interface SettingsStore {
  load(): LoadedSettings;
  save(settings: Settings): void;
}
