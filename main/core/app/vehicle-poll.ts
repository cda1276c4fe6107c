import type { DoorsReport, EngineState, Reading, VehicleApi, WindowsReport } from '../volvo/model';
import { type PollOutcome, pauseFor } from './poll-scheduler';

/** One check of a car: doors (with the lock) and windows, asked together; each may fail alone. */
export interface VehicleReading {
  doors: PromiseSettledResult<DoorsReport>;
  windows: PromiseSettledResult<WindowsReport>;
  /** Asked only when it can matter (see `wantsEngine`); its failure never fails the check. */
  engine?: PromiseSettledResult<Reading<EngineState> | null>;
}

export async function readVehicle(
  api: VehicleApi,
  vin: string,
  signal: AbortSignal,
  withEngine = false,
): Promise<VehicleReading> {
  const [doors, windows, engine] = await Promise.allSettled([
    api.getDoors(vin, { signal }),
    api.getWindows(vin, { signal }),
    ...(withEngine ? [api.engineStatus(vin, { signal })] : []),
  ]);
  return engine === undefined ? { doors, windows } : { doors, windows, engine };
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
