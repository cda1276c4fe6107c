import type { CarWarning, EngineState, Reading } from '../../../shared/vehicle';
import type { CommandAccessibility, DoorsReport, VehicleApi, WindowsReport } from '../volvo/model';
import { type PollOutcome, pauseFor } from './poll-scheduler';

/**
 * One check of a car: doors (with the lock), and the windows when this check asks for them;
 * each may fail alone.
 */
export interface VehicleReading {
  doors: PromiseSettledResult<DoorsReport>;
  /** Absent when the check did not ask (a locked, closed car whose windows are recent). */
  windows?: PromiseSettledResult<WindowsReport>;
  /** Asked only when it can matter (see `wantsEngine`); its failure never fails the check. */
  engine?: PromiseSettledResult<Reading<EngineState> | null>;
  /** Asked at most hourly, or after a command the car did not take; never fails the check. */
  accessibility?: PromiseSettledResult<CommandAccessibility>;
  /** Asked at most every few hours while someone looks; never fails the check. */
  warnings?: PromiseSettledResult<CarWarning[] | null>;
}

/** What one check asks besides the doors. */
export interface CheckRequest {
  windows: boolean;
  engine: boolean;
  accessibility: boolean;
  warnings: boolean;
  /**
   * Whether these doors differ from what the app knew (lock or a door): then the windows are
   * read at once too, when they were not asked, since an opened car may have opened them.
   */
  changed(doors: DoorsReport): boolean;
}

export async function readVehicle(
  api: VehicleApi,
  vin: string,
  signal: AbortSignal,
  ask: CheckRequest,
): Promise<VehicleReading> {
  const skipped = Promise.resolve(undefined);
  const readWindows = () => settle(api.getWindows(vin, { signal }));
  const [doors, windows, engine, accessibility, warnings] = await Promise.all([
    settle(api.getDoors(vin, { signal })),
    ask.windows ? readWindows() : skipped,
    ask.engine ? settle(api.engineStatus(vin, { signal })) : skipped,
    ask.accessibility ? settle(api.commandAccessibility(vin, { signal })) : skipped,
    ask.warnings ? settle(api.warnings(vin, { signal })) : skipped,
  ]);
  const afterChange =
    windows === undefined && doors.status === 'fulfilled' && ask.changed(doors.value)
      ? await readWindows()
      : windows;
  return {
    doors,
    ...(afterChange === undefined ? {} : { windows: afterChange }),
    ...(engine === undefined ? {} : { engine }),
    ...(accessibility === undefined ? {} : { accessibility }),
    // A check cancelled by a newer one got no answer: the warnings are asked again next time.
    ...(warnings === undefined || signal.aborted ? {} : { warnings }),
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
 * What a check means for the schedule: a 429 or the quota 403 in any answer makes every car
 * wait; every answer asked failing is a failure (backoff); one answer is a check done.
 */
export function pollOutcome(reading: VehicleReading, now: number): PollOutcome {
  const asked = reading.windows === undefined ? [reading.doors] : [reading.doors, reading.windows];
  const errors = asked.flatMap((result) =>
    result.status === 'rejected' ? [result.reason as unknown] : [],
  );
  const waitForVolvo = errors.find((error) => pauseFor(error, now) !== null);
  if (waitForVolvo !== undefined) return { ok: false, error: waitForVolvo };
  if (errors.length === asked.length) return { ok: false, error: errors[0] };
  return { ok: true };
}
