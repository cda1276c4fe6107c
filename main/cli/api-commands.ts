import type { VehicleStatus } from '../../shared/vehicle';
import { COMMAND_VERBS } from '../../shared/words/commands';
import { capitalize } from '../../shared/words/parts';
import { durationInWords } from '../../shared/words/time';
import type { AccessTokenProvider } from '../core/auth/types';
import { isLoopbackHttp } from '../core/loopback-address';
import type { HttpFetch } from '../core/ports';
import { createVehicleApi } from '../core/volvo/client';
import { VolvoApiError } from '../core/volvo/errors';
import { SWITCH_TO_V2 } from '../core/volvo/http-errors';
import { DEFAULT_UNLOCK_DURATION_S } from '../core/volvo/input';
import type { CommandOutcome, VehicleApi } from '../core/volvo/model';
import type { ApiConfig, Invocation } from './args';
import { formatStatus } from './format';
import { nodeHttpFetch } from './node-http-fetch';
import { type ProgressIo, showProgress } from './progress';
import { formatStatusExtras, readStatusExtras } from './status-extras';

/** The invocations that talk to the Connected Vehicle API. */
export type ApiInvocation = Extract<Invocation, { api: ApiConfig }>;

export interface ApiCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  fetch?: HttpFetch;
  /** Set when stderr is a terminal: lock and unlock show how long they have waited there. */
  progress?: Omit<ProgressIo, 'write'>;
  /** Aborted on Ctrl+C: the requests under way are dropped and the command exits 130. */
  interrupt?: AbortSignal;
}

/** The exit code after Ctrl+C (128 + SIGINT), as shells report it. */
export const INTERRUPTED_EXIT_CODE = 130;

/**
 * Runs one API command and prints its result (a table or lines for people, JSON with
 * `--json`). Returns the exit code: 0 done, 1 refused, 2 refused before sending (bad input),
 * 130 interrupted, with a one-line reason on stderr.
 */
export async function runApiCommand(invocation: ApiInvocation, io: ApiCommandIo): Promise<number> {
  const print = (value: unknown) => io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  const fail = (reason: string, code = 1) => {
    io.stderr(`volvo-tray: ${oneLine(reason)}\n`);
    return code;
  };
  const signal = io.interrupt;
  const underlying = io.fetch ?? nodeHttpFetch;
  /** Whether a command (the only POSTs) went out: after that, Ctrl+C cannot take it back. */
  let commandSent = false;
  const fetch: HttpFetch = (input, init) => {
    if (init?.method === 'POST') commandSent = true;
    return underlying(input, init);
  };
  let api: VehicleApi | null = null;
  let stopProgress = () => {};
  try {
    api = createVehicleApi({
      baseUrl: invocation.api.baseUrl,
      version: invocation.api.version,
      apiKey: invocation.api.apiKey,
      tokens: fixedToken(invocation.api.token),
      fetch,
    });
    switch (invocation.command) {
      case 'vehicles': {
        const vins = await api.listVehicles({ signal });
        if (invocation.json) print(vins);
        else if (vins.length === 0) io.stderr('No cars are linked to this Volvo ID.\n');
        else for (const vin of vins) io.stdout(`${vin}\n`);
        return 0;
      }
      case 'status': {
        const [status, extras] = await Promise.all([
          vehicleStatus(api, invocation.vin, signal),
          readStatusExtras(api, invocation.vin, signal),
        ]);
        if (invocation.json) print({ ...status, ...extras });
        else {
          const lines = [
            ...formatStatus(status),
            ...formatStatusExtras(extras, Date.parse(status.fetchedAt)),
          ];
          for (const line of lines) io.stdout(`${line}\n`);
        }
        return 0;
      }
      case 'lock':
      case 'unlock': {
        if (io.progress) {
          const doing = invocation.command === 'lock' ? 'Locking' : 'Unlocking';
          stopProgress = showProgress(doing, { ...io.progress, write: io.stderr });
        }
        const outcome =
          invocation.command === 'lock'
            ? await api.lock(invocation.vin, { reducedGuard: invocation.reducedGuard, signal })
            : await api.unlock(invocation.vin, {
                signal,
                ...(invocation.duration === undefined
                  ? {}
                  : { unlockDuration: invocation.duration }),
              });
        stopProgress();
        if (invocation.json) print({ status: outcome.status, message: outcome.message });
        else if (outcome.ok) io.stdout(`${describeOutcome(invocation, outcome)}\n`);
        return outcome.ok ? 0 : fail(outcome.message);
      }
      case 'honk-flash': {
        if (io.progress) {
          const doing = capitalize(COMMAND_VERBS[invocation.find].ing);
          stopProgress = showProgress(doing, { ...io.progress, write: io.stderr });
        }
        const outcome = await api.findMyCar(invocation.vin, invocation.find, { signal });
        stopProgress();
        if (invocation.json) print({ status: outcome.status, message: outcome.message });
        else if (outcome.ok) io.stdout(`${outcome.message}\n`);
        return outcome.ok ? 0 : fail(outcome.message);
      }
    }
  } catch (error) {
    stopProgress();
    if (signal?.aborted) {
      const said = afterInterrupt(invocation, commandSent);
      if (said !== null) io.stderr(`volvo-tray: ${said}\n`);
      return INTERRUPTED_EXIT_CODE;
    }
    if (!(error instanceof VolvoApiError)) {
      return fail(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (error.kind === 'not-found' && api !== null && 'vin' in invocation) {
      const elsewhere = await notOnAccount(api, invocation.vin);
      if (elsewhere !== null) return fail(elsewhere);
    }
    // Refused before anything was sent (a VIN that is not one): the call was wrong, exit 2.
    return fail(reasonFor(error, invocation.api.baseUrl), error.kind === 'invalid-input' ? 2 : 1);
  }
}

/** What Ctrl+C leaves behind: after a lock or unlock was sent, the car may still obey it. */
function afterInterrupt(invocation: ApiInvocation, commandSent: boolean): string | null {
  if (invocation.command === 'honk-flash') {
    const verb = COMMAND_VERBS[invocation.find].base;
    return commandSent
      ? `The ${verb} request was sent; the car may still ${verb}.`
      : `Stopped before the ${verb} request was sent; the car was not asked to ${verb}.`;
  }
  if (invocation.command !== 'lock' && invocation.command !== 'unlock') return null;
  const verb = invocation.command;
  return commandSent
    ? `The ${verb} request was sent; the car may still ${verb}. Check with \`volvo-tray status ${invocation.vin}\`.`
    : `Stopped before the ${verb} request was sent; the car was not asked to ${verb}.`;
}

/**
 * After a 404 on a car: when the VIN is not on the account, a sentence listing the ones that
 * are; null when it is (the 404 was about something else) or the list cannot be read.
 */
async function notOnAccount(api: VehicleApi, vin: string): Promise<string | null> {
  const vins = await api.listVehicles().catch(() => null);
  if (vins === null || vins.includes(vin)) return null;
  return vins.length === 0
    ? `${vin} is not on this Volvo ID, and no cars are linked to it.`
    : `${vin} is not on this Volvo ID; its ${vins.length === 1 ? 'car is' : 'cars are'} ${vins.join(', ')}.`;
}

/** Doors and windows read together, as one {@link VehicleStatus}. */
async function vehicleStatus(
  api: VehicleApi,
  vin: string,
  signal: AbortSignal | undefined,
): Promise<VehicleStatus> {
  const [doors, windows] = await Promise.all([
    api.getDoors(vin, { signal }),
    api.getWindows(vin, { signal }),
  ]);
  return {
    vin,
    lock: doors.lock,
    doors: doors.doors,
    windows: windows.windows,
    fetchedAt: new Date().toISOString(),
  };
}

/** The outcome's sentence; after an unlock, also how long a door may be opened. */
function describeOutcome(invocation: ApiInvocation, outcome: CommandOutcome): string {
  if (invocation.command !== 'unlock') return outcome.message;
  // v2 says until when; v1 gives the unlockDuration that was sent.
  const windowMs =
    outcome.readyToUnlockUntil !== undefined
      ? Date.parse(outcome.readyToUnlockUntil) - Date.now()
      : invocation.api.version === 'v1'
        ? (invocation.duration ?? DEFAULT_UNLOCK_DURATION_S) * 1000
        : undefined;
  return windowMs === undefined || Number.isNaN(windowMs)
    ? outcome.message
    : `${outcome.message} Open a door within ${durationInWords(windowMs)}, or the car locks itself again.`;
}

/**
 * The client's sentences speak of the app's settings; on the command line, name the flags. A
 * simulator or server on this computer gets words about that, not about the internet.
 */
function reasonFor(error: VolvoApiError, baseUrl: string): string {
  const said = error.details.apiMessage ? ` (${error.details.apiMessage.replace(/\.$/, '')})` : '';
  const local = isLoopbackHttp(baseUrl);
  const origin = new URL(baseUrl).origin;
  if (error.kind === 'network' && local) {
    return `Nothing answered at ${origin}: the simulator or server is not running there. Start the simulator with "volvo-tray sim" and use the address it prints.`;
  }
  if (error.kind === 'api-key') {
    return `Volvo refused the VCC API key${said}: check --api-key (VCC_API_KEY).`;
  }
  if (error.kind === 'unauthorized' && /expired/i.test(error.details.apiMessage ?? '')) {
    const renew = local
      ? ` The simulator's tokens live 5 minutes; a new one is the access_token that "curl -s -X POST ${origin}/_simulator/tokens" prints (as "volvo-tray sim" says).`
      : '';
    return `The access token has expired: pass a new one with --token (VOLVO_ACCESS_TOKEN).${renew}`;
  }
  if (error.kind === 'unauthorized') {
    return `Volvo did not accept the access token or the VCC API key${said}: pass a fresh --token (VOLVO_ACCESS_TOKEN) or check --api-key (VCC_API_KEY).`;
  }
  return error.message.replace(SWITCH_TO_V2, 'use --api-version v2 (or VOLVO_API_VERSION=v2)');
}

/** The CLI has one pasted token and no way to refresh it. */
function fixedToken(token: string): AccessTokenProvider {
  return {
    accessToken: async () => token,
    refreshAfterUnauthorized: async () => null,
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
