import { z } from 'zod';
import {
  DEMO_FAULTS,
  type DemoAction,
  type IntentArgs,
  type IntentHandlers,
  type IntentName,
  type IntentResult,
  isIntentName,
  type SignInRequest,
} from '../../shared/contract';
import { DOOR_NAMES, WINDOW_NAMES } from '../../shared/vehicle';
import { FIELD_MESSAGES } from '../../shared/words/fields';
import type { SameType } from './same-type';
import { settingsPatchSchema } from './settings';
import { vin } from './vin';

/**
 * Main's side of the contract (`shared/contract.ts`): a zod schema for every intent's arguments,
 * each checked at compile time to describe exactly the shared types, and `dispatchIntent`, which
 * validates what an untrusted caller sent before any handler runs. The Electron IPC handlers and
 * the browser host's WebSocket both go through it. Never bundled into the preload.
 */

const apiKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, FIELD_MESSAGES.apiKeyShape);

const apiVersion = z.enum(['v1', 'v2']);

const redirectPort = z
  .number({ error: FIELD_MESSAGES.redirectPortNumber })
  .int(FIELD_MESSAGES.redirectPortNumber)
  .min(1024, FIELD_MESSAGES.redirectPortRange)
  .max(65535, FIELD_MESSAGES.redirectPortRange);

/** How the user wants to connect. Secrets travel renderer -> main once, never back. */
export const signInRequestSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('demo') }).strict(),
  z
    .object({
      mode: z.literal('volvo-id'),
      clientId: z
        .string()
        .trim()
        .min(1, FIELD_MESSAGES.clientIdMissing)
        .max(200, FIELD_MESSAGES.clientIdTooLong),
      clientSecret: z.string().trim().max(500, FIELD_MESSAGES.clientSecretTooLong).optional(),
      apiKey,
      redirectPort,
      apiVersion,
      access: z.enum(['full', 'status-only']).optional(),
      findMyCar: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      mode: z.literal('test-token'),
      accessToken: z
        .string()
        .trim()
        .min(20, FIELD_MESSAGES.accessTokenMissing)
        .max(8192, FIELD_MESSAGES.accessTokenTooLong),
      apiKey,
      apiVersion,
    })
    .strict(),
]);
const signInMatch: SameType<z.infer<typeof signInRequestSchema>, SignInRequest> = true;
void signInMatch;

/** Demo mode only: change the simulated car or make the simulated API misbehave. */
export const demoActionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('door'),
      vin: vin.optional(),
      door: z.enum(DOOR_NAMES),
      value: z.enum(['OPEN', 'CLOSED', 'AJAR']),
    })
    .strict(),
  z
    .object({
      kind: z.literal('window'),
      vin: vin.optional(),
      window: z.enum(WINDOW_NAMES),
      value: z.enum(['OPEN', 'CLOSED', 'AJAR']),
    })
    .strict(),
  z.object({ kind: z.literal('sleep'), vin: vin.optional(), asleep: z.boolean() }).strict(),
  z.object({ kind: z.literal('engine'), vin: vin.optional(), running: z.boolean() }).strict(),
  z.object({ kind: z.literal('brake-light'), vin: vin.optional(), failed: z.boolean() }).strict(),
  z
    .object({
      kind: z.literal('power-saving'),
      vin: vin.optional(),
      on: z.boolean(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('fault'),
      fault: z.enum(DEMO_FAULTS),
    })
    .strict(),
  z
    .object({ kind: z.literal('outage'), message: z.string().trim().min(1).max(500).nullable() })
    .strict(),
]);
const demoMatch: SameType<z.infer<typeof demoActionSchema>, DemoAction> = true;
void demoMatch;

const lockOptions = z.object({ reducedGuard: z.boolean() }).partial().strict();

/** Each intent's arguments, as a zod tuple. */
export const intentArgs = {
  getSnapshot: z.tuple([]),
  refresh: z.tuple([]),
  selectVehicle: z.tuple([vin]),
  lock: z.tuple([vin, lockOptions.optional()]),
  /** Step one of unlock: returns a short-lived confirmation token the UI must send back. */
  prepareUnlock: z.tuple([vin]),
  unlock: z.tuple([vin, z.string().min(8).max(100)]),
  findMyCar: z.tuple([vin]),
  signIn: z.tuple([signInRequestSchema]),
  signOut: z.tuple([]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsPatchSchema]),
  setShortcut: z.tuple([z.string().trim().max(100)]),
  setPopoverOpen: z.tuple([z.boolean()]),
  getActivity: z.tuple([vin]),
  demo: z.tuple([demoActionSchema]),
  /** Hides the popover (Escape). Handled by the host shell, not the core. */
  closePopover: z.tuple([]),
  /** Quits the app. Handled by the host shell. */
  quit: z.tuple([]),
} as const satisfies { [K in IntentName]: z.ZodType<IntentArgs<K>> };

/** Turns a zod failure into one sentence: the schema's own message, which is written for people. */
function describeInvalid(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'That request was not valid.';
  const where = issue.path.filter((p) => typeof p !== 'number').join('.');
  return where && !issue.message.includes(' ') ? `${where}: ${issue.message}` : issue.message;
}

/**
 * Validates raw arguments from an untrusted caller and runs the handler. Never throws: a bad
 * request or a failing handler comes back as `{ ok: false, error }` in words.
 */
export async function dispatchIntent(
  handlers: IntentHandlers,
  name: unknown,
  rawArgs: unknown,
): Promise<IntentResult<unknown>> {
  if (!isIntentName(name)) return { ok: false, error: 'Unknown request.' };
  const parsed = intentArgs[name].safeParse(rawArgs);
  if (!parsed.success) return { ok: false, error: describeInvalid(parsed.error) };
  try {
    const handler = handlers[name] as (...args: unknown[]) => unknown;
    const value = await handler(...(parsed.data as unknown[]));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'Something went wrong.' };
  }
}
