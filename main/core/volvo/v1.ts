import { z } from 'zod';
import type { Clock } from '../ports';
import type { AdapterContext } from './context';
import { VolvoApiError } from './errors';
import { checkVin, unlockDuration, vehiclePath } from './input';
import type { CallOptions, CommandKind, CommandOutcome, DoorsReport, VehicleApi } from './model';
import { PENDING_STATUSES } from './model';
import { commandOutcome } from './outcome';
import { RawReadingSchema as R, toLockReading, toOpenReading } from './readings';

/** The seed's media types. */
export const V1_MEDIA_TYPES = {
  vehicleData: 'application/vnd.volvocars.api.connected-vehicle.vehicledata.v1+json',
  lock: 'application/vnd.volvocars.api.connected-vehicle.lock.v1+json',
  unlock: 'application/vnd.volvocars.api.connected-vehicle.unlock.v1+json',
} as const;

const VehiclesSchema = z.object({ data: z.array(z.object({ vin: z.string().min(1) })) });

const DoorsSchema = z.object({
  data: z.object({
    carLocked: R,
    frontLeft: R,
    frontRight: R,
    rearLeft: R,
    rearRight: R,
    tailGate: R,
    hood: R,
  }),
});

const WindowsSchema = z.object({
  data: z.object({ frontLeft: R, frontRight: R, rearLeft: R, rearRight: R }),
});

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

const read = { accept: V1_MEDIA_TYPES.vehicleData };

/** The seed's API: removed by Volvo on 2024-04-30, still spoken by the simulator. */
export function createV1Api(context: AdapterContext): VehicleApi {
  const { transport, logger } = context;
  const unknownVin = (vin: string) =>
    `Volvo does not know a vehicle with VIN ${vin} on this account`;

  async function getDoors(vin: string, options: CallOptions = {}): Promise<DoorsReport> {
    const { data } = await transport.send(
      {
        method: 'GET',
        target: vehiclePath(vin, '/doors'),
        headers: read,
        signal: options.signal,
        notFound: unknownVin(vin),
      },
      DoorsSchema,
      'doors',
    );
    return {
      lock: toLockReading(data.carLocked, 'carLocked', logger),
      doors: {
        frontLeft: toOpenReading(data.frontLeft, 'frontLeft', logger),
        frontRight: toOpenReading(data.frontRight, 'frontRight', logger),
        rearLeft: toOpenReading(data.rearLeft, 'rearLeft', logger),
        rearRight: toOpenReading(data.rearRight, 'rearRight', logger),
        hood: toOpenReading(data.hood, 'hood', logger),
        tailgate: toOpenReading(data.tailGate, 'tailGate', logger),
      },
    };
  }

  /** Posts the command, then follows `async.href` until the car gives a final status. */
  async function command(
    vin: string,
    kind: CommandKind,
    contentType: string,
    body: string,
    signal: AbortSignal | undefined,
  ): Promise<CommandOutcome> {
    const started = context.clock.now();
    const posted = await transport.send(
      {
        method: 'POST',
        target: vehiclePath(vin, `/commands/${kind}`),
        headers: { 'content-type': contentType },
        body,
        signal,
        notFound: `${unknownVin(vin)}, or the car cannot ${kind} remotely`,
        command: true,
      },
      CommandSchema,
      kind,
    );
    let current: AsyncStatus = posted.async;
    for (;;) {
      const status = current.status;
      if (!PENDING.has(status)) break;
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
      await wait(context.clock, Math.min(context.commandPollMs, remaining), signal);
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
      current = { status: polled.async.status, href: polled.async.href ?? href };
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
    async listVehicles(options = {}) {
      const { data } = await transport.send(
        {
          method: 'GET',
          target: '/vehicles',
          headers: read,
          signal: options.signal,
          notFound: 'The Volvo API at this address has no vehicle list; check the API address',
        },
        VehiclesSchema,
        'vehicle list',
      );
      return data.map((vehicle) => vehicle.vin);
    },
    getDoors,
    async getWindows(vin, options = {}) {
      const { data } = await transport.send(
        {
          method: 'GET',
          target: vehiclePath(vin, '/windows'),
          headers: read,
          signal: options.signal,
          notFound: unknownVin(vin),
        },
        WindowsSchema,
        'windows',
      );
      return {
        windows: {
          frontLeft: toOpenReading(data.frontLeft, 'frontLeft', logger),
          frontRight: toOpenReading(data.frontRight, 'frontRight', logger),
          rearLeft: toOpenReading(data.rearLeft, 'rearLeft', logger),
          rearRight: toOpenReading(data.rearRight, 'rearRight', logger),
        },
      };
    },
    async lock(vin, options = {}) {
      if (options.reducedGuard) {
        throw new VolvoApiError(
          'invalid-input',
          'Locking with reduced guard needs API v2: switch to API v2 in settings.',
        );
      }
      return command(vin, 'lock', V1_MEDIA_TYPES.lock, '', options.signal);
    },
    async unlock(vin, options = {}) {
      const body = JSON.stringify({ unlockDuration: unlockDuration(options.unlockDuration) });
      return command(vin, 'unlock', V1_MEDIA_TYPES.unlock, body, options.signal);
    },
    async supportedCommands(vin) {
      checkVin(vin);
      return ['lock', 'unlock'];
    },
    async commandAccessibility(vin) {
      checkVin(vin);
      return { available: true };
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
