import type { Settings } from '../../../shared/settings';
import type { AlertRule } from '../../../shared/snapshot';
import {
  type Doors,
  type EngineState,
  LOCK_BLOCKING_DOORS,
  type LockState,
  notReported,
  type Reading,
  type Windows,
} from '../../../shared/vehicle';
import { capitalize, doorName, partsInWords, windowName } from '../../../shared/words/parts';
import { MESSAGES } from '../../../shared/words/sign-in';
import { durationInWords } from '../../../shared/words/time';
import { evaluateEngine } from './engine-rule';
import { openDoors, openWindows } from './open-parts';
import { evaluateTankLid } from './tank-lid-rule';

/**
 * The alert rules: from what we know about a car (or the app), which conditions hold right now
 * and since when. Whether one has lasted long enough, and what to notify, is the alert
 * engine's job.
 */

export interface AlertCondition {
  rule: AlertRule;
  /** When the condition started by the car's own timestamps (epoch ms), null when unknown. */
  since: number | null;
  /** How long it must hold before it is an alert. */
  thresholdMs: number;
  title: string;
  /** The notification text, given how long the condition has held. */
  message(elapsedMs: number): string;
  /** Offer "Lock now" on the notification. */
  lockAction: boolean;
}

/** What to say when an episode of a rule ends. */
export interface ClearedText {
  title: string;
  body: string;
}

/** The conditions that hold, and which rules could be judged at all (enabled, data present). */
export interface RuleEvaluation {
  conditions: AlertCondition[];
  evaluated: AlertRule[];
  /** For evaluated rules that do not hold: the words for an episode that just ended. */
  cleared: Partial<Record<AlertRule, ClearedText>>;
}

export interface VehicleFacts {
  name: string;
  lock: Reading<LockState> | null;
  doors: Doors | null;
  windows: Windows | null;
  /** null: not read, or not reported by this car. */
  engine?: Reading<EngineState> | null;
}

function readingTime(reading: Reading<string> | undefined): number | null {
  if (!reading?.timestamp) return null;
  const time = Date.parse(reading.timestamp);
  return Number.isNaN(time) ? null : time;
}

function isUnknown(reading: Reading<string> | undefined): boolean {
  return reading?.value === 'UNKNOWN';
}

/**
 * A part whose value the car gave in words the app does not know. A part the car does not
 * report at all (UNSPECIFIED: a model without a hood sensor) is no reason to withhold a verdict
 * on the others, or "left unlocked" would never fire for such a car.
 */
function isUnknownPart(reading: Reading<string> | undefined): boolean {
  return isUnknown(reading) && !notReported(reading);
}

function earliest(times: (number | null)[]): number | null {
  const known = times.filter((time): time is number => time !== null);
  return known.length === 0 ? null : Math.min(...known);
}

function latest(times: (number | null)[]): number | null {
  const known = times.filter((time): time is number => time !== null);
  return known.length === 0 ? null : Math.max(...known);
}

function forHowLong(elapsedMs: number): string {
  return elapsedMs >= 60_000 ? ` for ${durationInWords(elapsedMs, 'down')}` : '';
}

export function evaluateVehicle(facts: VehicleFacts, alerts: Settings['alerts']): RuleEvaluation {
  const conditions: AlertCondition[] = [];
  const evaluated: AlertRule[] = [];
  const cleared: RuleEvaluation['cleared'] = {};
  const { lock, doors, windows, name } = facts;

  // A part the car reports in words the app does not know is not closed: no verdict then.
  const doorsKnown =
    doors !== null && !LOCK_BLOCKING_DOORS.some((door) => isUnknownPart(doors[door]));
  const lockKnown = lock !== null && !isUnknown(lock);

  const open = doors === null ? [] : openDoors(doors);
  if (alerts.doorOpen.enabled && doors !== null && (open.length > 0 || doorsKnown)) {
    evaluated.push('door-open');
    if (open.length > 0) {
      const words = open.map(doorName);
      conditions.push({
        rule: 'door-open',
        since: earliest(open.map((door) => readingTime(doors[door]))),
        thresholdMs: alerts.doorOpen.minutes * 60_000,
        title:
          open.length === 1 ? `${capitalize(words[0] ?? 'door')} left open` : 'Doors left open',
        message: (elapsed) =>
          `${capitalize(partsInWords(words))} of ${name} ${open.length === 1 ? 'has' : 'have'} been open${forHowLong(elapsed)}.`,
        lockAction: true,
      });
    } else {
      cleared['door-open'] = {
        title: 'Closed',
        body: `Every door, the hood and the tailgate of ${name} are closed now.`,
      };
    }
  }

  if (alerts.unlocked.enabled && lockKnown && doors !== null && (open.length > 0 || doorsKnown)) {
    evaluated.push('unlocked');
    if (lock.value === 'UNLOCKED' && open.length === 0) {
      const doorTimes = Object.values(doors).map((reading) => readingTime(reading));
      conditions.push({
        rule: 'unlocked',
        // Unlocked and closed since the later of the unlock and the last door closing.
        since: latest([readingTime(lock), ...doorTimes]),
        thresholdMs: alerts.unlocked.minutes * 60_000,
        title: `${name} is unlocked`,
        message: (elapsed) =>
          `${name} has been unlocked${forHowLong(elapsed)} with every door closed.`,
        lockAction: true,
      });
    } else {
      cleared.unlocked =
        lock.value === 'LOCKED'
          ? { title: 'Locked', body: `${name} is locked now.` }
          : { title: 'Door opened', body: `Someone opened a door of ${name}.` };
    }
  }

  const openPanes = windows === null ? [] : openWindows(windows);
  const windowsKnown = windows !== null && !Object.values(windows).some(isUnknownPart);
  if (
    alerts.windowOpenWhileLocked.enabled &&
    lockKnown &&
    windows !== null &&
    (openPanes.length > 0 || windowsKnown)
  ) {
    evaluated.push('window-open-while-locked');
    const open = openPanes;
    if (lock.value === 'LOCKED' && open.length > 0) {
      const words = open.map(windowName);
      conditions.push({
        rule: 'window-open-while-locked',
        since: latest([
          readingTime(lock),
          earliest(open.map((window) => readingTime(windows[window]))),
        ]),
        thresholdMs: 0,
        title: open.length === 1 ? `${capitalize(words[0] ?? 'window')} open` : 'Windows open',
        message: () =>
          `${name} is locked but ${partsInWords(words)} ${open.length === 1 ? 'is' : 'are'} open.`,
        lockAction: false,
      });
    } else {
      cleared['window-open-while-locked'] =
        lock.value === 'LOCKED'
          ? { title: 'Windows closed', body: `Every window of ${name} is closed now.` }
          : {
              title: 'Unlocked',
              body: `${name} is unlocked now, so its open windows are no longer left unattended.`,
            };
    }
  }

  const tankLid = evaluateTankLid(name, doors, alerts.tankLidOpen);
  if (tankLid !== null) {
    evaluated.push('tank-lid-open');
    if ('condition' in tankLid) conditions.push(tankLid.condition);
    else cleared['tank-lid-open'] = tankLid.cleared;
  }

  const engine = evaluateEngine(facts, alerts.engineRunning);
  if (engine !== null) {
    evaluated.push('engine-running');
    if (engine.condition) conditions.push(engine.condition);
    else cleared['engine-running'] = engine.cleared;
  }

  return { conditions, evaluated, cleared };
}

export interface AppFacts {
  /** Since when the sign-in has been expired (epoch ms), or null when it is fine. */
  signInExpiredSince: number | null;
  signInMessage: string | null;
  /**
   * Whether the app is connected and checking cars. Only then can an episode end ("signed in
   * again", "checks resumed"): signing out ends nothing, it stops the app from looking.
   */
  checking: boolean;
  /** Since when Volvo (or our budget) refuses calls, and the sentence saying until when. */
  quotaOut: { since: number; message: string } | null;
}

export function evaluateApp(facts: AppFacts, alerts: Settings['alerts']): RuleEvaluation {
  const conditions: AlertCondition[] = [];
  const evaluated: AlertRule[] = [];
  const cleared: RuleEvaluation['cleared'] = {
    'sign-in-expired': { title: 'Signed in', body: 'You are signed in to Volvo again.' },
    'quota-out': {
      title: 'Car checks resumed',
      body: 'Volvo accepts requests again; volvo-tray is checking your car.',
    },
  };
  if (alerts.signInExpired.enabled && (facts.checking || facts.signInExpiredSince !== null)) {
    evaluated.push('sign-in-expired');
    if (facts.signInExpiredSince !== null) {
      const message = facts.signInMessage ?? MESSAGES.expired;
      conditions.push({
        rule: 'sign-in-expired',
        since: facts.signInExpiredSince,
        thresholdMs: 0,
        title: 'Sign in to Volvo again',
        message: () => message,
        lockAction: false,
      });
    }
  }
  if (alerts.quotaOut.enabled && facts.checking) {
    evaluated.push('quota-out');
    const quotaOut = facts.quotaOut;
    if (quotaOut !== null) {
      conditions.push({
        rule: 'quota-out',
        since: quotaOut.since,
        thresholdMs: 0,
        title: 'Car checks paused',
        message: () => quotaOut.message,
        lockAction: false,
      });
    }
  }
  return { conditions, evaluated, cleared };
}
