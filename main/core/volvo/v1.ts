import { z } from 'zod';
import type { CommandKind, InvokeStatus } from '../../../shared/vehicle';
import type { Clock } from '../ports';
import type { AdapterContext } from './context';
import { VolvoApiError, type VolvoErrorKind } from './errors';
import { SWITCH_TO_V2 } from './http-errors';
import { checkVin, unlockDuration, vehiclePath } from './input';
import type {
  CallOptions,
  CommandCallOptions,
  CommandOutcome,
  DoorsReport,
  VehicleApi,
} from './model';
import { PENDING_STATUSES } from './model';
import { commandOutcome } from './outcome';
import { toLockField, toOpenReadings } from './readings';
import { createReads, unknownVehicle } from './reads';

/** The seed's media types. */
export const V1_MEDIA_TYPES = {
  vehicleData: 'application/vnd.volvocars.api.connected-vehicle.vehicledata.v1+json',
  lock: 'application/vnd.volvocars.api.connected-vehicle.lock.v1+json',
  unlock: 'application/vnd.volvocars.api.connected-vehicle.unlock.v1+json',
} as const;

/** The seed's field names, by ours: only the tailgate is spelled differently. */
const DOOR_FIELDS = {
  frontLeft: 'frontLeft',
  frontRight: 'frontRight',
  rearLeft: 'rearLeft',
  rearRight: 'rearRight',
  hood: 'hood',
  tailgate: 'tailGate',
} as const;
const WINDOW_FIELDS = {
  frontLeft: 'frontLeft',
  frontRight: 'frontRight',
  rearLeft: 'rearLeft',
  rearRight: 'rearRight',
} as const;

const AsyncSchema = z.object({ status: z.string(), href: z.string().optional() });
type AsyncStatus = z.infer<typeof AsyncSchema>;

/** `async` sits at the top of the envelope; some answers nest it under `data`. */
const CommandSchema = z
  .object({
    operationId: z.string().optional(),
    async: AsyncSchema.optional(),
    data: z.object({ async: AsyncSchema.optional() }).optional(),
  })
  .transform((body, ctx) => {
    const status = body.async ?? body.data?.async;
    if (status === undefined) {
      ctx.addIssue({ code: 'custom', message: 'the command status is missing', path: ['async'] });
      return z.NEVER;
    }
    return { operationId: body.operationId, async: status };
  });

/** Statuses after which the car has not decided yet. */
const PENDING: ReadonlySet<string> = PENDING_STATUSES;
const isPending = (status: string): status is InvokeStatus => PENDING.has(status);

const read = { accept: V1_MEDIA_TYPES.vehicleData };

/** Failures of a status poll that may pass: following the command goes on (until its timeout). */
const PASSING_FAILURES: ReadonlySet<VolvoErrorKind> = new Set([
  'network',
  'timeout',
  'server',
  'rate-limited',
]);

/** The seed's API: removed by Volvo on 2024-04-30, still spoken by the simulator. */
export function createV1Api(context: AdapterContext): VehicleApi {
  const { transport, logger } = context;
  const reads = createReads(transport, V1_MEDIA_TYPES.vehicleData);

  async function getDoors(vin: string, options: CallOptions = {}): Promise<DoorsReport> {
    const data = await reads.readings(vin, 'doors', options);
    return {
      lock: toLockField(data, 'carLocked', logger),
      doors: toOpenReadings(data, DOOR_FIELDS, logger),
    };
  }

  /**
   * One look at `async.href`. A failure that may pass (no answer, a 5xx, a 429) comes back as
   * the error, to try again on the next poll; anything else, and a cancel, is thrown.
   */
  async function pollStatus(
    href: string,
    kind: CommandKind,
    signal: AbortSignal | undefined,
  ): Promise<AsyncStatus | VolvoApiError> {
    try {
      const polled = await transport.send(
        {
          method: 'GET',
          target: href,
          headers: read,
          signal,
          notFound: `The status of the ${kind} command is no longer available; check the lock state`,
        },
        CommandSchema,
        `${kind} status`,
      );
      return polled.async;
    } catch (error) {
      const passing =
        error instanceof VolvoApiError && PASSING_FAILURES.has(error.kind) && !signal?.aborted;
      if (passing) return error;
      throw error;
    }
  }

  /**
   * Posts the command, then follows `async.href` until the car gives a final status, telling
   * `onProgress` each pending status that differs from the one before.
   */
  async function command(
    vin: string,
    kind: CommandKind,
    contentType: string,
    body: string,
    { signal, onProgress }: CommandCallOptions,
  ): Promise<CommandOutcome> {
    const started = context.clock.now();
    let reported: string | null = null;
    const posted = await transport.send(
      {
        method: 'POST',
        target: vehiclePath(vin, `/commands/${kind}`),
        headers: { 'content-type': contentType },
        body,
        signal,
        notFound: `${unknownVehicle(vin)}, or the car cannot ${kind} remotely`,
        command: true,
      },
      CommandSchema,
      kind,
    );
    let current: AsyncStatus = posted.async;
    let pauseMs = context.commandPollMs;
    for (;;) {
      const status = current.status;
      if (!isPending(status)) break;
      if (status !== reported) {
        reported = status;
        onProgress?.(status);
      }
      const remaining = started + context.commandTimeoutMs - context.clock.now();
      if (remaining <= 0) {
        // Our patience ran out, not the car's: say so, and that the lock state needs a look.
        return commandOutcome(
          { vin, command: kind, reportedStatus: 'TIMEOUT', operationId: posted.operationId },
          getDoors,
          logger,
        );
      }
      const link = current.href;
      if (link === undefined) {
        throw new VolvoApiError(
          'malformed',
          `The Volvo API said the ${kind} command is ${status} but gave no link to follow it.`,
        );
      }
      const href = transport.link(link);
      await wait(context.clock, Math.min(pauseMs, remaining), signal);
      const polled = await pollStatus(href, kind, signal);
      if (polled instanceof VolvoApiError) {
        // The car has the command already: a passing failure must not read as "not sent".
        logger.warn('Could not read the command status; trying again', { error: polled.message });
        pauseMs = Math.max(context.commandPollMs, polled.details.retryAfterMs ?? 0);
        continue;
      }
      pauseMs = context.commandPollMs;
      current = { status: polled.status, href: polled.href ?? href };
    }
    return commandOutcome(
      {
        vin,
        command: kind,
        reportedStatus: current.status,
        operationId: posted.operationId,
        signal,
      },
      getDoors,
      logger,
    );
  }

  return {
    version: 'v1',
    listVehicles: (options = {}) => reads.vehicles(options),
    getDoors,
    async getWindows(vin, options = {}) {
      const data = await reads.readings(vin, 'windows', options);
      return { windows: toOpenReadings(data, WINDOW_FIELDS, logger) };
    },
    async lock(vin, options = {}) {
      if (options.reducedGuard) {
        throw new VolvoApiError(
          'invalid-input',
          `Locking with reduced guard needs API v2: ${SWITCH_TO_V2}.`,
        );
      }
      return command(vin, 'lock', V1_MEDIA_TYPES.lock, '', options);
    },
    async unlock(vin, options = {}) {
      const body = JSON.stringify({ unlockDuration: unlockDuration(options.unlockDuration) });
      return command(vin, 'unlock', V1_MEDIA_TYPES.unlock, body, options);
    },
    async findMyCar(vin) {
      checkVin(vin);
      throw new VolvoApiError('invalid-input', `Honk and flash needs API v2: ${SWITCH_TO_V2}.`);
    },
    async supportedCommands(vin) {
      checkVin(vin);
      return ['lock', 'unlock'];
    },
    async commandAccessibility(vin) {
      checkVin(vin);
      return { available: true };
    },
    async engineStatus(vin) {
      checkVin(vin);
      return null;
    },
    async vehicleDetails(vin) {
      checkVin(vin);
      return null;
    },
    async warnings(vin) {
      checkVin(vin);
      return null;
    },
  };
}

/** Waits on the injected clock (so a FakeClock drives polling), cancellable by the caller. */
function wait(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () =>
      new VolvoApiError(
        'timeout',
        'Stopped waiting for the car: the request was cancelled. Check the lock state.',
      );
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const onAbort = () => {
      clock.clearTimeout(handle);
      reject(cancelled());
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
