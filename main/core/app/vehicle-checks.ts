import type { ActivityEntry } from '../../../shared/snapshot';
import type { Doors } from '../../../shared/vehicle';
import type { Clock, Logger } from '../ports';
import type { AlertEvaluation } from './alert-evaluation';
import type { AppState } from './app-state';
import { wantsWarnings } from './car-warnings';
import type { VehicleCommandState } from './command-runner';
import { wantsEngine } from './engine-watch';
import { type AttentionInput, windowsDue } from './poll-plan';
import type { PollOutcome } from './poll-scheduler';
import { wantsReachability } from './reachability';
import { pollOutcome, readVehicle } from './vehicle-poll';
import {
  applyDoors,
  applyPoll,
  errorInWords,
  lockOrDoorsChanged,
  type VehicleRecord,
} from './vehicle-record';

/** What a check needs from the rest of the core. */
export interface VehicleChecksOptions {
  clock: Clock;
  state: AppState;
  logger: Logger;
  find(vin: string): VehicleRecord | undefined;
  log(vin: string, text: string, kind: ActivityEntry['kind']): void;
  evaluate: AlertEvaluation;
  changed(): void;
}

/**
 * The door check before locking: reads the doors on the connection in use and takes the answer
 * as any reading (activity log, alerts), unless the connection ended meanwhile.
 */
export function createDoorCheck(options: VehicleChecksOptions) {
  const { clock, state } = options;
  return async (vin: string, signal: AbortSignal): Promise<Doors> => {
    const link = state.link;
    if (link === null) throw new Error('Not connected');
    try {
      const report = await link.connected.api.getDoors(vin, { signal });
      const record = options.find(vin);
      if (link.controller.signal.aborted || !record) return report.doors;
      for (const change of applyDoors(record, report, clock.now())) {
        options.log(vin, change.text, change.kind);
      }
      options.evaluate.vehicle(record);
      options.changed();
      return report.doors;
    } catch (error) {
      options.logger.warn('Could not read the doors before locking', {
        reason: errorInWords(error),
      });
      throw error;
    }
  };
}

export interface VehiclePollOptions extends VehicleChecksOptions {
  /** The car's command state: a recent command asks for closer checks. */
  commandState(vin: string): VehicleCommandState;
  /** A reading of the doors arrived (it may end an unlock's window). */
  doorsRead(vin: string, doors: Doors): void;
  /** A check failed as a Volvo outage would make it fail. */
  outageMayExplain(): void;
}

/** What the polling plan needs to know of a car to decide how soon, and what, to read. */
export function attentionOf(record: VehicleRecord, command: VehicleCommandState): AttentionInput {
  return {
    lock: record.lock,
    doors: record.doors,
    windows: record.windows,
    attentionUntil: Math.max(command.attentionUntil ?? 0, command.unlockWindowUntil ?? 0) || null,
    changedAt: record.changedAt,
    windowsAt: record.windowsAt,
  };
}

/**
 * One scheduled check of a car: reads what is due (doors always; windows, engine, reachability
 * and warnings when they can matter) and takes the reading into the car's record.
 */
export function createVehiclePoll(options: VehiclePollOptions) {
  const { clock, state } = options;
  return async (vin: string, signal: AbortSignal): Promise<PollOutcome> => {
    const link = state.link;
    if (link === null) return { ok: true };
    const before = options.find(vin);
    // Read before the `||`: a popover's request for windows is used up by this check.
    const asked = state.windowsAsked.delete(vin);
    const now = clock.now();
    const engineRule = state.settings.alerts.engineRunning;
    const reading = await readVehicle(link.connected.api, vin, signal, {
      windows:
        asked ||
        before === undefined ||
        windowsDue(attentionOf(before, options.commandState(vin)), now),
      engine:
        engineRule.enabled &&
        before !== undefined &&
        wantsEngine(before.engine, before.lock, now, engineRule.whileParked),
      accessibility:
        before !== undefined && wantsReachability(before.reachability, state.popoverOpen, now),
      warnings: before !== undefined && wantsWarnings(before.warnings, state.popoverOpen, now),
      changed: (doors) => before === undefined || lockOrDoorsChanged(before, doors),
    });
    const record = options.find(vin);
    // An answer for an earlier connection (signed out, stopped) changes nothing.
    if (link.controller.signal.aborted || !record) return { ok: true };
    for (const change of applyPoll(record, reading, clock.now())) {
      options.log(vin, change.text, change.kind);
    }
    if (reading.doors.status === 'fulfilled') options.doorsRead(vin, reading.doors.value.doors);
    if (record.problem?.outageMayExplain) options.outageMayExplain();
    options.evaluate.vehicle(record);
    options.changed();
    return pollOutcome(reading, clock.now());
  };
}
