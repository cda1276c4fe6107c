import {
  type CommandKind,
  type DoorName,
  LOCK_BLOCKING_DOORS,
  openAmong,
} from '../../../shared/vehicle';
import { describeCommandStatus } from '../../../shared/words/commands';
import type { Logger } from '../ports';
import { parseInvokeStatus } from './command-status';
import { type CallOptions, type CommandOutcome, type DoorsReport, SUCCESS_STATUSES } from './model';

export interface OutcomeInput {
  vin: string;
  command: CommandKind;
  /** The status string from the wire (v1 `async.status`, v2 `invokeStatus`). */
  reportedStatus: string;
  operationId?: string;
  readyToUnlockUntil?: string;
  signal?: AbortSignal;
}

/**
 * The final word on a command. When the car refused to lock because something is open, the
 * doors are read once so the sentence can name what to close.
 */
export async function commandOutcome(
  input: OutcomeInput,
  getDoors: (vin: string, options: CallOptions) => Promise<DoorsReport>,
  logger: Logger,
): Promise<CommandOutcome> {
  const { status, reported } = parseInvokeStatus(input.reportedStatus, logger);
  const openParts =
    status === 'UNABLE_TO_LOCK_DOOR_OPEN'
      ? await openPartsOf(input.vin, getDoors, input.signal, logger)
      : [];
  const sentence = describeCommandStatus(input.command, status, openParts);
  const outcome: CommandOutcome = {
    vin: input.vin,
    command: input.command,
    status,
    ok: SUCCESS_STATUSES.has(status),
    message: reported === undefined ? sentence : `${sentence} (Volvo reported "${reported}".)`,
  };
  if (input.operationId !== undefined) outcome.operationId = input.operationId;
  if (input.readyToUnlockUntil !== undefined) {
    outcome.readyToUnlockUntil = input.readyToUnlockUntil;
  }
  return outcome;
}

/** Doors, hood and tailgate that stop the car locking (the tank lid does not). */
async function openPartsOf(
  vin: string,
  getDoors: (vin: string, options: CallOptions) => Promise<DoorsReport>,
  signal: AbortSignal | undefined,
  logger: Logger,
): Promise<DoorName[]> {
  try {
    const { doors } = await getDoors(vin, signal ? { signal } : {});
    return openAmong(LOCK_BLOCKING_DOORS, doors);
  } catch (error) {
    // The outcome still stands; it just cannot say which door.
    logger.warn('Could not read the doors to name the open one', {
      error: error instanceof Error ? error.message : String(error),
    });
    return [];
  }
}
