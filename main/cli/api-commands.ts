import type { VehicleStatus } from '../../shared/vehicle';
import { durationInWords } from '../../shared/words/time';
import type { AccessTokenProvider } from '../core/auth/types';
import type { Fetch } from '../core/ports';
import { createVehicleApi } from '../core/volvo/client';
import { VolvoApiError } from '../core/volvo/errors';
import { SWITCH_TO_V2 } from '../core/volvo/http-errors';
import { DEFAULT_UNLOCK_DURATION_S } from '../core/volvo/input';
import type { CommandOutcome, VehicleApi } from '../core/volvo/model';
import type { ApiConfig, Invocation } from './args';
import { formatStatus } from './format';
import { formatStatusExtras, readStatusExtras } from './status-extras';

/** The invocations that talk to the Connected Vehicle API. */
export type ApiInvocation = Extract<Invocation, { api: ApiConfig }>;

export interface ApiCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  fetch?: Fetch;
}

/**
 * Runs one API command and prints its result (a table or lines for people, JSON with
 * `--json`). Returns the exit code: 0 done, 1 refused, 2 refused before sending (bad input),
 * with a one-line reason on stderr.
 */
export async function runApiCommand(invocation: ApiInvocation, io: ApiCommandIo): Promise<number> {
  const print = (value: unknown) => io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  const fail = (reason: string, code = 1) => {
    io.stderr(`volvo-tray: ${oneLine(reason)}\n`);
    return code;
  };
  try {
    const api = createVehicleApi({
      baseUrl: invocation.api.baseUrl,
      version: invocation.api.version,
      apiKey: invocation.api.apiKey,
      tokens: fixedToken(invocation.api.token),
      ...(io.fetch ? { fetch: io.fetch } : {}),
    });
    switch (invocation.command) {
      case 'vehicles': {
        const vins = await api.listVehicles();
        if (invocation.json) print(vins);
        else if (vins.length === 0) io.stderr('No cars are linked to this Volvo ID.\n');
        else for (const vin of vins) io.stdout(`${vin}\n`);
        return 0;
      }
      case 'status': {
        const [status, extras] = await Promise.all([
          vehicleStatus(api, invocation.vin),
          readStatusExtras(api, invocation.vin),
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
        const outcome =
          invocation.command === 'lock'
            ? await api.lock(invocation.vin, { reducedGuard: invocation.reducedGuard })
            : await api.unlock(
                invocation.vin,
                invocation.duration === undefined ? {} : { unlockDuration: invocation.duration },
              );
        if (invocation.json) print({ status: outcome.status, message: outcome.message });
        else if (outcome.ok) io.stdout(`${describeOutcome(invocation, outcome)}\n`);
        return outcome.ok ? 0 : fail(outcome.message);
      }
    }
  } catch (error) {
    if (!(error instanceof VolvoApiError)) {
      return fail(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Refused before anything was sent (a VIN that is not one): the call was wrong, exit 2.
    return fail(reasonFor(error), error.kind === 'invalid-input' ? 2 : 1);
  }
}

/** Doors and windows read together, as one {@link VehicleStatus}. */
async function vehicleStatus(api: VehicleApi, vin: string): Promise<VehicleStatus> {
  const [doors, windows] = await Promise.all([api.getDoors(vin), api.getWindows(vin)]);
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

/** The client's sentences speak of the app's settings; on the command line, name the flags. */
function reasonFor(error: VolvoApiError): string {
  const said = error.details.apiMessage ? ` (${error.details.apiMessage.replace(/\.$/, '')})` : '';
  if (error.kind === 'api-key') {
    return `Volvo refused the VCC API key${said}: check --api-key (VCC_API_KEY).`;
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
