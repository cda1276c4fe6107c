import { z } from 'zod';
import type { Logger } from '../ports';
import type { AdapterContext } from './context';
import { unlockDuration, vehiclePath } from './input';
import type {
  CallOptions,
  CommandKind,
  CommandOutcome,
  DoorsReport,
  OpenState,
  Reading,
  VehicleApi,
} from './model';
import { commandOutcome } from './outcome';
import { RawReadingSchema as R, type RawReading, toLockReading, toOpenReading } from './readings';

const JSON_TYPE = 'application/json';

const VehiclesSchema = z.object({ data: z.array(z.object({ vin: z.string().min(1) })) });

const DoorsSchema = z.object({
  data: z.object({
    centralLock: R,
    frontLeftDoor: R,
    frontRightDoor: R,
    rearLeftDoor: R,
    rearRightDoor: R,
    hood: R,
    tailgate: R,
    tankLid: R.optional(),
  }),
});

const WindowsSchema = z.object({
  data: z.object({
    frontLeftWindow: R,
    frontRightWindow: R,
    rearLeftWindow: R,
    rearRightWindow: R,
    sunroof: R.optional(),
  }),
});

const CommandSchema = z.object({
  data: z.object({
    invokeStatus: z.string(),
    readyToUnlockUntil: z.unknown().optional(),
  }),
});

const CommandListSchema = z.object({ data: z.array(z.object({ command: z.string() })) });

const AccessibilitySchema = z.object({
  data: z.object({
    availabilityStatus: z.object({
      value: z.string(),
      unavailableReason: z.string().optional(),
    }),
  }),
});

/** v2 command names onto ours; others (HONK, FLASH, CLIMATIZATION...) are not this app's. */
const COMMAND_NAMES: Record<string, CommandKind> = {
  LOCK: 'lock',
  UNLOCK: 'unlock',
  LOCK_REDUCED_GUARD: 'lock-reduced-guard',
};

const read = { accept: JSON_TYPE };
const send = { accept: JSON_TYPE, 'content-type': JSON_TYPE };

/** Today's API (`/connected-vehicle/v2`). */
export function createV2Api(context: AdapterContext): VehicleApi {
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
    const report: DoorsReport = {
      lock: toLockReading(data.centralLock, 'centralLock', logger),
      doors: {
        frontLeft: toOpenReading(data.frontLeftDoor, 'frontLeftDoor', logger),
        frontRight: toOpenReading(data.frontRightDoor, 'frontRightDoor', logger),
        rearLeft: toOpenReading(data.rearLeftDoor, 'rearLeftDoor', logger),
        rearRight: toOpenReading(data.rearRightDoor, 'rearRightDoor', logger),
        hood: toOpenReading(data.hood, 'hood', logger),
        tailgate: toOpenReading(data.tailgate, 'tailgate', logger),
      },
    };
    const tankLid = optionalPart(data.tankLid, 'tankLid', logger);
    if (tankLid) report.doors.tankLid = tankLid;
    return report;
  }

  async function command(
    vin: string,
    kind: CommandKind,
    signal: AbortSignal | undefined,
  ): Promise<CommandOutcome> {
    const { data } = await transport.send(
      {
        method: 'POST',
        target: vehiclePath(vin, `/commands/${kind}`),
        headers: send,
        body: '{}',
        signal,
        notFound:
          kind === 'lock-reduced-guard'
            ? `This car cannot lock with reduced guard, or Volvo does not know VIN ${vin} on this account`
            : unknownVin(vin),
        command: true,
      },
      CommandSchema,
      kind,
    );
    const until = kind === 'unlock' ? unlockUntil(data.readyToUnlockUntil, logger) : undefined;
    return commandOutcome(
      {
        vin,
        command: kind,
        reportedStatus: data.invokeStatus,
        signal,
        ...(until === undefined ? {} : { readyToUnlockUntil: until }),
      },
      getDoors,
      logger,
    );
  }

  return {
    version: 'v2',
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
      const sunroof = optionalPart(data.sunroof, 'sunroof', logger);
      return {
        windows: {
          frontLeft: toOpenReading(data.frontLeftWindow, 'frontLeftWindow', logger),
          frontRight: toOpenReading(data.frontRightWindow, 'frontRightWindow', logger),
          rearLeft: toOpenReading(data.rearLeftWindow, 'rearLeftWindow', logger),
          rearRight: toOpenReading(data.rearRightWindow, 'rearRightWindow', logger),
          ...(sunroof ? { sunroof } : {}),
        },
      };
    },
    async lock(vin, options = {}) {
      return command(vin, options.reducedGuard ? 'lock-reduced-guard' : 'lock', options.signal);
    },
    async unlock(vin, options = {}) {
      // v2 has a fixed window; a duration is still checked so bad input is never silently taken.
      unlockDuration(options.unlockDuration);
      return command(vin, 'unlock', options.signal);
    },
    async supportedCommands(vin, options = {}) {
      const { data } = await transport.send(
        {
          method: 'GET',
          target: vehiclePath(vin, '/commands'),
          headers: read,
          signal: options.signal,
          notFound: unknownVin(vin),
        },
        CommandListSchema,
        'supported commands',
      );
      const kinds = data.flatMap((entry) => {
        const kind = COMMAND_NAMES[entry.command];
        return kind === undefined ? [] : [kind];
      });
      return [...new Set(kinds)];
    },
    async commandAccessibility(vin, options = {}) {
      const { data } = await transport.send(
        {
          method: 'GET',
          target: vehiclePath(vin, '/command-accessibility'),
          headers: read,
          signal: options.signal,
          notFound: unknownVin(vin),
        },
        AccessibilitySchema,
        'command accessibility',
      );
      const { value, unavailableReason } = data.availabilityStatus;
      if (value === 'AVAILABLE') return { available: true };
      if (value === 'UNAVAILABLE') {
        return unavailableReason
          ? { available: false, reason: unavailableReason }
          : { available: false };
      }
      // Not knowing is not the same as available: say what Volvo reported.
      logger.warn('The Volvo API reported an availability volvo-tray does not know', {
        reported: value,
      });
      return { available: false, reason: `Volvo reported "${value}"` };
    },
  };
}

/** Tank lid and sunroof: UNSPECIFIED (or absent) means the car has none. */
function optionalPart(
  raw: RawReading | undefined,
  field: string,
  logger: Logger,
): Reading<OpenState> | undefined {
  if (raw === undefined || raw.value === 'UNSPECIFIED') return undefined;
  return toOpenReading(raw, field, logger);
}

/** `readyToUnlockUntil` is epoch ms; anything else is logged and left out rather than guessed. */
function unlockUntil(raw: unknown, logger: Logger): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    const at = new Date(raw);
    if (!Number.isNaN(at.getTime())) return at.toISOString();
  }
  logger.warn('The Volvo API sent an unlock deadline that is not a time', {
    readyToUnlockUntil: raw,
  });
  return undefined;
}
