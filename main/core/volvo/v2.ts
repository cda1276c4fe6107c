import { z } from 'zod';
import type { CommandKind } from '../../../shared/vehicle';
import type { Logger } from '../ports';
import type { AdapterContext } from './context';
import { readEngineStatus } from './engine-status';
import { unlockDuration, vehiclePath } from './input';
import type { CallOptions, CommandOutcome, DoorsReport, VehicleApi } from './model';
import { commandOutcome } from './outcome';
import { toLockField, toOpenReadings } from './readings';
import { createReads, unknownVehicle } from './reads';
import { readVehicleDetails } from './vehicle-details';
import { readWarnings } from './warnings';

const JSON_TYPE = 'application/json';

/** v2's field names, by ours. */
const DOOR_FIELDS = {
  frontLeft: 'frontLeftDoor',
  frontRight: 'frontRightDoor',
  rearLeft: 'rearLeftDoor',
  rearRight: 'rearRightDoor',
  hood: 'hood',
  // Real cars answer `tailgate`; Volvo's docs spell it `tailGate`.
  tailgate: ['tailgate', 'tailGate'],
  tankLid: 'tankLid',
} as const;
const WINDOW_FIELDS = {
  frontLeft: 'frontLeftWindow',
  frontRight: 'frontRightWindow',
  rearLeft: 'rearLeftWindow',
  rearRight: 'rearRightWindow',
  sunroof: 'sunroof',
} as const;

/** Many cars have no tank lid or sunroof: their absence is not worth a warning. */
const OPTIONAL_PARTS = ['tankLid', 'sunroof'] as const;

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

/** v2 command names onto ours; others (CLIMATIZATION_START, ENGINE_START...) are not this app's. */
const COMMAND_NAMES: Record<string, CommandKind> = {
  LOCK: 'lock',
  UNLOCK: 'unlock',
  LOCK_REDUCED_GUARD: 'lock-reduced-guard',
  HONK_AND_FLASH: 'honk-flash',
  HONK: 'honk',
  FLASH: 'flash',
};

/** What a 404 to a command means, beside an unknown VIN: this car lacks the command. */
const NOT_ON_THIS_CAR: Partial<Record<CommandKind, string>> = {
  'lock-reduced-guard': 'This car cannot lock with reduced guard',
  'honk-flash': 'This car cannot honk and flash remotely',
  honk: 'This car cannot honk remotely',
  flash: 'This car cannot flash its lights remotely',
};

const send = { accept: JSON_TYPE, 'content-type': JSON_TYPE };

/** Today's API (`/connected-vehicle/v2`). */
export function createV2Api(context: AdapterContext): VehicleApi {
  const { transport, logger } = context;
  const reads = createReads(transport, JSON_TYPE);

  async function getDoors(vin: string, options: CallOptions = {}): Promise<DoorsReport> {
    const data = await reads.readings(vin, 'doors', options);
    return {
      lock: toLockField(data, 'centralLock', logger),
      doors: toOpenReadings(data, DOOR_FIELDS, logger, OPTIONAL_PARTS),
    };
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
          NOT_ON_THIS_CAR[kind] === undefined
            ? unknownVehicle(vin)
            : `${NOT_ON_THIS_CAR[kind]}, or there is no car with VIN ${vin} on this Volvo ID`,
        command: true,
      },
      CommandSchema,
      kind,
    );
    const until =
      kind === 'unlock'
        ? unlockUntil(data.readyToUnlockUntil, context.clock.now(), logger)
        : undefined;
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
    listVehicles: (options = {}) => reads.vehicles(options),
    getDoors,
    async getWindows(vin, options = {}) {
      const data = await reads.readings(vin, 'windows', options);
      return { windows: toOpenReadings(data, WINDOW_FIELDS, logger, OPTIONAL_PARTS) };
    },
    async lock(vin, options = {}) {
      return command(vin, options.reducedGuard ? 'lock-reduced-guard' : 'lock', options.signal);
    },
    async unlock(vin, options = {}) {
      // v2 has a fixed window; a duration is still checked so bad input is never silently taken.
      unlockDuration(options.unlockDuration);
      return command(vin, 'unlock', options.signal);
    },
    findMyCar: (vin, kind, options = {}) => command(vin, kind, options.signal),
    async supportedCommands(vin, options = {}) {
      const { data } = await reads.vehicle(
        vin,
        '/commands',
        CommandListSchema,
        'supported commands',
        options,
      );
      const kinds = data.flatMap((entry) => {
        const kind = COMMAND_NAMES[entry.command];
        return kind === undefined ? [] : [kind];
      });
      return [...new Set(kinds)];
    },
    engineStatus: (vin, options = {}) => readEngineStatus(reads, vin, options, logger),
    vehicleDetails: (vin, options = {}) => readVehicleDetails(reads, vin, options),
    warnings: (vin, options = {}) => readWarnings(reads, vin, options, logger),
    async commandAccessibility(vin, options = {}) {
      const { data } = await reads.vehicle(
        vin,
        '/command-accessibility',
        AccessibilitySchema,
        'command accessibility',
        options,
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

/** Further from now than this, an unlock deadline is not one (a 1970 date, a typo). */
const DEADLINE_RANGE_MS = 24 * 3_600_000;

/**
 * `readyToUnlockUntil`, as the sources disagree on it: epoch milliseconds in some, seconds left
 * (e.g. `60`) on Volvo's own doc page, an ISO date or epoch seconds elsewhere. A number below a
 * day's seconds is seconds left. A deadline more than a day from now is left out (logged), so the
 * caller's fallback window applies and no 1970 date is ever shown.
 */
function unlockUntil(raw: unknown, now: number, logger: Logger): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const at = deadlineOf(raw, now);
  if (at !== null && Math.abs(at - now) <= DEADLINE_RANGE_MS) return new Date(at).toISOString();
  logger.warn('The Volvo API sent an unlock deadline that is not a time', {
    readyToUnlockUntil: raw,
  });
  return undefined;
}

function deadlineOf(raw: unknown, now: number): number | null {
  const value = typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : parsed;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  if (value <= DEADLINE_RANGE_MS / 1000) return now + value * 1000;
  // Epoch seconds have 10 digits until 2286; epoch milliseconds 13.
  return value < 1e11 ? value * 1000 : value;
}
