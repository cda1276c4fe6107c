import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { ApiVersion, FindCommand } from '../../shared/vehicle';
import { FIELD_MESSAGES } from '../../shared/words/fields';
import { vin as vinSchema } from '../core/vin';
import { VOLVO_API_BASE } from '../core/volvo/client';

/** A mistake in how the CLI was called: exit code 2 with this one-line reason. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Where and as whom to call the API. */
export interface ApiConfig {
  baseUrl: string;
  version: ApiVersion;
  apiKey: string;
  token: string;
}

/** One parsed invocation. */
export type Invocation =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'sim'; port: number }
  | { command: 'vehicles'; api: ApiConfig; json: boolean }
  | { command: 'status'; vin: string; api: ApiConfig; json: boolean }
  | { command: 'lock'; vin: string; api: ApiConfig; json: boolean; reducedGuard: boolean }
  | { command: 'unlock'; vin: string; api: ApiConfig; json: boolean; duration?: number }
  | { command: 'honk-flash'; vin: string; api: ApiConfig; json: boolean; find: FindCommand };

export const USAGE = `Usage: volvo-tray <command> [options]

Commands:
  sim [--port N]                start the Volvo API simulator on 127.0.0.1 and print its
                                address and demo credentials (runs until Ctrl+C)
  vehicles                      list the VINs linked to the account
  status <vin>                  lock, doors, windows (each with its age), engine, reachability
  lock <vin> [--reduced-guard]  lock the car (--reduced-guard: API v2, not on classic cars)
  unlock <vin> [--duration S]   unlock the car; a door must be opened within S seconds
                                (API v1: 1..120, default 120; API v2: always 120)
  honk-flash <vin> [--honk-only | --flash-only]
                                find the car: it honks and flashes its lights (API v2;
                                the token needs Volvo's restricted scope conve:honk_flash)

Options:
  --base URL           API address     (env VOLVO_API_BASE, default ${VOLVO_API_BASE})
  --api-version v1|v2  API version     (env VOLVO_API_VERSION, default v2)
  --api-key KEY        VCC API key     (env VCC_API_KEY)
  --token TOKEN        access token    (env VOLVO_ACCESS_TOKEN)
  --json               print the result as JSON
  -h, --help           show this help
  --version            print the version

A VIN is the car's 17 letters and digits (no I, O or Q); case and spaces around it do not
matter. While lock, unlock or honk-flash waits for the car, a terminal shows how long it has waited.

Exit status: 0 done, 1 the API or the car refused (the reason is printed), 2 bad usage,
130 stopped with Ctrl+C (after a command was sent, the car may still carry it out).

Try it with the simulator: in one terminal run "volvo-tray sim > sim.env" (it keeps running);
in another run "set -a; . ./sim.env; set +a", then "volvo-tray vehicles" and
"volvo-tray status <vin>".`;

const SEE_HELP = 'See volvo-tray --help.';

const OPTIONS = {
  base: { type: 'string' },
  'api-version': { type: 'string' },
  'api-key': { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  duration: { type: 'string' },
  port: { type: 'string' },
  'reduced-guard': { type: 'boolean' },
  'honk-only': { type: 'boolean' },
  'flash-only': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** A whole number flag in a range, with a message that names the flag. */
function wholeNumber(flag: string, min: number, max: number) {
  const message = `${flag} must be a whole number from ${min} to ${max}.`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message);
}

/**
 * The API's origin. The client puts `/connected-vehicle/...` after the origin, so a path,
 * query or fragment would be dropped without a word: refused instead.
 */
const httpUrl = (source: string) =>
  z
    .string()
    .refine((value) => /^https?:\/\/[^/]/.test(value) && URL.canParse(value), {
      message: `${source} must be an http(s) address such as ${VOLVO_API_BASE}.`,
      abort: true,
    })
    .refine((value) => new URL(value).href === `${new URL(value).origin}/`, {
      message: `${source} must be an address without a path (such as ${VOLVO_API_BASE} or http://127.0.0.1:8080): volvo-tray adds /connected-vehicle/... itself.`,
    });

const apiVersion = (source: string) =>
  z.enum(['v1', 'v2'], { error: `${source} must be v1 or v2.` });

const nonEmpty = (source: string) => z.string().min(1, `${source} must not be empty.`);

const FlagsSchema = z.object({
  base: httpUrl('--base').optional(),
  'api-version': apiVersion('--api-version').optional(),
  'api-key': nonEmpty('--api-key').optional(),
  token: nonEmpty('--token').optional(),
  json: z.boolean().default(false),
  duration: wholeNumber('--duration', 1, 120).optional(),
  port: wholeNumber('--port', 0, 65_535).optional(),
  'reduced-guard': z.boolean().default(false),
  'honk-only': z.boolean().default(false),
  'flash-only': z.boolean().default(false),
  help: z.boolean().default(false),
  version: z.boolean().default(false),
});
type Flags = z.output<typeof FlagsSchema>;

/** Empty variables count as unset, as in most shells' `VAR= cmd`. */
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const EnvSchema = z.object({
  VOLVO_API_BASE: z.preprocess(unsetWhenEmpty, httpUrl('VOLVO_API_BASE').optional()),
  VOLVO_API_VERSION: z.preprocess(unsetWhenEmpty, apiVersion('VOLVO_API_VERSION').optional()),
  VCC_API_KEY: z.preprocess(unsetWhenEmpty, z.string().optional()),
  VOLVO_ACCESS_TOKEN: z.preprocess(unsetWhenEmpty, z.string().optional()),
});

const COMMANDS = ['sim', 'vehicles', 'status', 'lock', 'unlock', 'honk-flash'] as const;
type Command = (typeof COMMANDS)[number];

/** Which command each flag applies to (help applies everywhere). */
const FLAG_COMMANDS: Record<
  Exclude<keyof typeof OPTIONS, 'help' | 'version'>,
  readonly Command[]
> = {
  base: ['vehicles', 'status', 'lock', 'unlock', 'honk-flash'],
  'api-version': ['vehicles', 'status', 'lock', 'unlock', 'honk-flash'],
  'api-key': ['vehicles', 'status', 'lock', 'unlock', 'honk-flash'],
  token: ['vehicles', 'status', 'lock', 'unlock', 'honk-flash'],
  json: ['vehicles', 'status', 'lock', 'unlock', 'honk-flash'],
  duration: ['unlock'],
  port: ['sim'],
  'reduced-guard': ['lock'],
  'honk-only': ['honk-flash'],
  'flash-only': ['honk-flash'],
};

/**
 * Reads argv (without node and the script) and the environment into an {@link Invocation};
 * throws {@link UsageError} with a one-line reason for anything it cannot use.
 */
export function parseInvocation(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Invocation {
  const { values, positionals } = parseRaw(argv);
  const flags = FlagsSchema.safeParse(values);
  if (!flags.success) throw new UsageError(firstIssue(flags.error));
  if (flags.data.help) return { command: 'help' };
  if (flags.data.version) return { command: 'version' };

  const [name, ...rest] = positionals;
  if (name === undefined) throw new UsageError(`No command given. ${SEE_HELP}`);
  const command = COMMANDS.find((candidate) => candidate === name);
  if (command === undefined) {
    throw new UsageError(`Unknown command "${name}". ${SEE_HELP}`);
  }
  for (const [flag, owners] of Object.entries(FLAG_COMMANDS)) {
    if (values[flag as keyof typeof values] === undefined || owners.includes(command)) continue;
    throw new UsageError(
      owners.length === 1
        ? `--${flag} only applies to "${owners[0]}".`
        : `--${flag} does not apply to "${command}".`,
    );
  }

  const takesVin = command !== 'sim' && command !== 'vehicles';
  const expected = takesVin ? 1 : 0;
  if (rest.length > expected)
    throw new UsageError(`Unexpected argument "${rest[expected]}". ${SEE_HELP}`);
  if (command === 'sim') return { command, port: flags.data.port ?? 0 };

  const json = flags.data.json;
  if (command === 'vehicles') return { command, api: apiConfig(flags.data, env), json };
  const [rawVin] = rest;
  if (rawVin === undefined)
    throw new UsageError(`"${command}" needs a VIN: volvo-tray ${command} <vin>.`);
  const vin = parseVin(rawVin);
  const api = apiConfig(flags.data, env);
  if (command === 'status') return { command, vin, api, json };
  if (command === 'lock') {
    const reducedGuard = flags.data['reduced-guard'];
    if (reducedGuard && api.version === 'v1') {
      throw new UsageError(
        '--reduced-guard needs API v2: use --api-version v2 (or VOLVO_API_VERSION=v2).',
      );
    }
    return { command, vin, api, json, reducedGuard };
  }
  if (command === 'honk-flash') return findMyCar(vin, api, json, flags.data);
  const { duration } = flags.data;
  if (duration === undefined) return { command, vin, api, json };
  if (api.version === 'v2') {
    throw new UsageError('--duration only applies to API v1; API v2 always gives 120 seconds.');
  }
  return { command, vin, api, json, duration };
}

/** `honk-flash`: both by default, or the horn or the lights alone; API v2 only. */
function findMyCar(vin: string, api: ApiConfig, json: boolean, flags: Flags): Invocation {
  if (flags['honk-only'] && flags['flash-only']) {
    throw new UsageError(
      '--honk-only and --flash-only cannot go together: leave both out for both.',
    );
  }
  if (api.version === 'v1') {
    throw new UsageError(
      'honk-flash needs API v2: use --api-version v2 (or VOLVO_API_VERSION=v2).',
    );
  }
  const find = flags['honk-only'] ? 'honk' : flags['flash-only'] ? 'flash' : 'honk-flash';
  return { command: 'honk-flash', vin, api, json, find };
}

/** A VIN as typed (any case, spaces around it) in the form the API knows. */
function parseVin(typed: string): string {
  const parsed = vinSchema.safeParse(typed);
  if (!parsed.success)
    throw new UsageError(`"${typed.trim()}" is not a VIN. ${FIELD_MESSAGES.vin}`);
  return parsed.data.toUpperCase();
}

function parseRaw(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    // A token or key may start with "-", which Node reads as a missing value.
    const dashed = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message)?.[1];
    if (dashed) {
      throw new UsageError(
        `The value after ${dashed} starts with "-": write it as ${dashed}=VALUE.`,
      );
    }
    // Node's messages run on with advice about '--'; the first sentence is the reason.
    const reason = message.split(/\.\s/)[0] ?? '';
    throw new UsageError(`${reason || 'Could not read the options'}. ${SEE_HELP}`);
  }
}

function apiConfig(flags: Flags, rawEnv: Record<string, string | undefined>): ApiConfig {
  const env = EnvSchema.safeParse(rawEnv);
  if (!env.success) throw new UsageError(firstIssue(env.error));
  const apiKey = flags['api-key'] ?? env.data.VCC_API_KEY;
  if (apiKey === undefined) {
    throw new UsageError('No VCC API key: pass --api-key or set VCC_API_KEY.');
  }
  const token = flags.token ?? env.data.VOLVO_ACCESS_TOKEN;
  if (token === undefined) {
    throw new UsageError('No access token: pass --token or set VOLVO_ACCESS_TOKEN.');
  }
  return {
    baseUrl: flags.base ?? env.data.VOLVO_API_BASE ?? VOLVO_API_BASE,
    version: flags['api-version'] ?? env.data.VOLVO_API_VERSION ?? 'v2',
    apiKey,
    token,
  };
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? `The options are not valid. ${SEE_HELP}`;
}
