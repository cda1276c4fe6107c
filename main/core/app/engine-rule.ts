import type { Settings } from '../../../shared/settings';
import type { Doors, EngineState, LockState, Reading } from '../../../shared/vehicle';
import { durationInWords } from '../../../shared/words/time';
import type { AlertCondition, ClearedText } from './alert-rules';
import { openDoors } from './open-parts';

/** What the engine rule looks at. */
export interface EngineFacts {
  name: string;
  lock: Reading<LockState> | null;
  doors: Doors | null;
  /** null: not read yet, or the car does not report its engine. */
  engine?: Reading<EngineState> | null;
}

/** The rule's verdict: null when it cannot be judged (switched off, engine unknown). */
export type EngineVerdict =
  | { condition: AlertCondition; cleared?: undefined }
  | { condition?: undefined; cleared: ClearedText }
  | null;

function timeOf(reading: Reading<string> | undefined | null): number | null {
  if (!reading?.timestamp) return null;
  const time = Date.parse(reading.timestamp);
  return Number.isNaN(time) ? null : time;
}

/**
 * "Engine running, car parked": the engine runs while the car is locked (at once), or runs
 * for `minutes` with no door opened since (someone may have left it running in a garage). A
 * door open now means someone is at the car: no alert.
 */
export function evaluateEngine(
  facts: EngineFacts,
  setting: Settings['alerts']['engineRunning'],
): EngineVerdict {
  const { lock, doors, name } = facts;
  const engine = facts.engine ?? null;
  if (!setting.enabled || engine === null || engine.value === 'UNKNOWN' || doors === null) {
    return null;
  }
  const stopped: ClearedText = { title: 'Engine stopped', body: `The engine of ${name} is off.` };
  if (engine.value === 'STOPPED') return { cleared: stopped };
  if (openDoors(doors).length > 0) {
    return { cleared: { title: 'Door opened', body: `Someone opened a door of ${name}.` } };
  }
  const locked = lock?.value === 'LOCKED';
  // Running since the engine started or the last door closed, whichever came later.
  const times = [timeOf(engine), ...Object.values(doors).map(timeOf)].filter(
    (time): time is number => time !== null,
  );
  const since = times.length === 0 ? null : Math.max(...times);
  return {
    condition: {
      rule: 'engine-running',
      since: locked ? latestOf(since, timeOf(lock)) : since,
      thresholdMs: locked ? 0 : setting.minutes * 60_000,
      title: 'Engine running, car parked',
      message: (elapsed) =>
        locked
          ? `The engine of ${name} is running while the car is locked.`
          : `The engine of ${name} has been running${elapsed >= 60_000 ? ` for ${durationInWords(elapsed, 'down')}` : ''} with no door opened.`,
      lockAction: false,
    },
  };
}

function latestOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
