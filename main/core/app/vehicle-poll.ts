import type {
  CommandAccessibility,
  DoorsReport,
  EngineState,
  Reading,
  VehicleApi,
  WindowsReport,
} from '../volvo/model';
import { type PollOutcome, pauseFor } from './poll-scheduler';

/** One check of a car: doors (with the lock) and windows, asked together; each may fail alone. */
export interface VehicleReading {
  doors: PromiseSettledResult<DoorsReport>;
  windows: PromiseSettledResult<WindowsReport>;
  /** Asked only when it can matter (see `wantsEngine`); its failure never fails the check. */
  engine?: PromiseSettledResult<Reading<EngineState> | null>;
  /** Asked at most hourly, or after a command the car did not take; never fails the check. */
  accessibility?: PromiseSettledResult<CommandAccessibility>;
}

/** What a check asks beside doors and windows. */
export interface ExtraReads {
  engine: boolean;
  accessibility: boolean;
}

export async function readVehicle(
  api: VehicleApi,
  vin: string,
  signal: AbortSignal,
  extra: ExtraReads = { engine: false, accessibility: false },
): Promise<VehicleReading> {
  const skipped = Promise.resolve(undefined);
  const [doors, windows, engine, accessibility] = await Promise.all([
    settle(api.getDoors(vin, { signal })),
    settle(api.getWindows(vin, { signal })),
    extra.engine ? settle(api.engineStatus(vin, { signal })) : skipped,
    extra.accessibility ? settle(api.commandAccessibility(vin, { signal })) : skipped,
  ]);
  return {
    doors,
    windows,
    ...(engine === undefined ? {} : { engine }),
    ...(accessibility === undefined ? {} : { accessibility }),
  };
}

/** One promise's outcome, never rejecting. */
async function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  try {
    return { status: 'fulfilled', value: await promise };
  } catch (reason) {
    return { status: 'rejected', reason };
  }
}

/**
 * What a check means for the schedule: a 429 or the quota 403 in either answer makes every car
 * wait; both answers failing is a failure (backoff); one answer is a check done.
 */
export function pollOutcome(reading: VehicleReading, now: number): PollOutcome {
  const errors = [reading.doors, reading.windows].flatMap((result) =>
    result.status === 'rejected' ? [result.reason as unknown] : [],
  );
  const waitForVolvo = errors.find((error) => pauseFor(error, now) !== null);
  if (waitForVolvo !== undefined) return { ok: false, error: waitForVolvo };
  if (errors.length === 2) return { ok: false, error: errors[0] };
  return { ok: true };
}
