/**
 * Commands in words: the verb forms of each command, a sentence for every status Volvo
 * documents as a command's final word, and the progress line while one is under way.
 */
import type { CommandKind, DoorName, InvokeStatus } from '../vehicle';
import { capitalize, doorName, partsInWords } from './parts';

/** How a sentence speaks of a command. */
export interface CommandVerbs {
  /** "lock" */
  base: string;
  /** "locking" */
  ing: string;
  /** "locked" */
  done: string;
  /** What the car did when it succeeded, after "The car": "is locked", "honked". */
  did: string;
  /** What the person should do when the outcome is open: "check the lock state before you leave the car". */
  check: string;
}

const CHECK_LOCK = 'check the lock state before you leave the car';
const LOOK = 'look and listen for the car';

/** The verb forms of each command, for sentences about it. */
export const COMMAND_VERBS: Readonly<Record<CommandKind, CommandVerbs>> = {
  lock: { base: 'lock', ing: 'locking', done: 'locked', did: 'is locked', check: CHECK_LOCK },
  unlock: {
    base: 'unlock',
    ing: 'unlocking',
    done: 'unlocked',
    did: 'is unlocked',
    check: CHECK_LOCK,
  },
  'lock-reduced-guard': {
    base: 'lock with reduced guard',
    ing: 'locking with reduced guard',
    done: 'locked with reduced guard',
    did: 'is locked with reduced guard',
    check: CHECK_LOCK,
  },
  'honk-flash': {
    base: 'honk and flash',
    ing: 'honking and flashing',
    done: 'honked and flashed',
    did: 'honked and flashed its lights',
    check: LOOK,
  },
  honk: { base: 'honk', ing: 'honking', done: 'honked', did: 'honked', check: LOOK },
  flash: {
    base: 'flash',
    ing: 'flashing its lights',
    done: 'flashed its lights',
    did: 'flashed its lights',
    check: LOOK,
  },
};

/**
 * A sentence for every status Volvo documents, as the final word on a command; the Record makes
 * a missing one a compile error. WAITING, RUNNING and SENT are final only when Volvo stopped
 * there (v2 answers once, a v1 client gives up following), so they say the outcome is open.
 */
const SENTENCES: Record<
  InvokeStatus,
  (verbs: CommandVerbs, openDoors: readonly DoorName[]) => string
> = {
  WAITING: (v) =>
    `The ${v.base} command had not reached the car yet when Volvo answered; ${v.check}.`,
  RUNNING: (v) => `The car was still ${v.ing} when Volvo answered; ${v.check}.`,
  SENT: (v) => `The ${v.base} command was sent to the car, which has not confirmed it; ${v.check}.`,
  DELIVERED: (v) => `The car received the ${v.base} command.`,
  COMPLETED: (v) => `The car ${v.did}.`,
  SUCCESS: (v) => `The car ${v.did}.`,
  REJECTED: (v) => `The car rejected the ${v.base} command. Try again in a moment.`,
  UNKNOWN: (v) => `Volvo did not say whether the car ${v.did}; ${v.check}.`,
  TIMEOUT: (v) => `The car did not confirm ${v.ing} in time; ${v.check}.`,
  CONNECTION_FAILURE: (v) =>
    `Volvo could not reach the car to ${v.base} it (no mobile coverage, e.g. in a garage). Try again later.`,
  VEHICLE_IN_SLEEP: (v) =>
    `The car is asleep and could not ${v.base} remotely. Try again after the car has been used.`,
  VEHICLE_REQUEST_TIMEOUT: (v) =>
    `The car did not answer the ${v.base} command in time (it may be asleep or out of coverage); ${v.check}.`,
  CAR_IN_SLEEP_MODE: (v) =>
    `The car is asleep and could not ${v.base} remotely. Try again after the car has been used.`,
  UNLOCK_TIME_FRAME_PASSED: () =>
    'No door was opened in time after unlocking, so the car locked itself again.',
  UNABLE_TO_LOCK_DOOR_OPEN: (v, openDoors) =>
    openDoors.length === 0
      ? `The car could not ${v.base} because a door, the hood or the tailgate is open. Close it and try again.`
      : `The car could not ${v.base} because ${partsInWords(openDoors.map(doorName))} ${openDoors.length === 1 ? 'is' : 'are'} open. Close ${openDoors.length === 1 ? 'it' : 'them'} and try again.`,
  EXPIRED: (v) => `The ${v.base} command expired before the car picked it up. Try again.`,
  DELIVERY_TIMEOUT: (v) =>
    `The ${v.base} command could not be delivered to the car in time. Try again later.`,
  CAR_TIMEOUT: (v) => `The car did not finish ${v.ing} in time; ${v.check}.`,
  CAR_ERROR: (v) => `The car reported an error while ${v.ing}; ${v.check}.`,
  NOT_SUPPORTED: (v) => `This car does not support the ${v.base} command.`,
  NOT_ALLOWED_PRIVACY_ENABLED: (v) =>
    `The car's privacy setting blocks remote commands; turn it off in the car to ${v.base} it remotely.`,
  PRIVACY_POLICY_ENABLED: (v) =>
    `The car's privacy setting (location and data sharing off) blocks remote commands; turn it off in the car to ${v.base} it remotely.`,
  NOT_ALLOWED_WRONG_USAGE_MODE: (v) =>
    `The car is in use, so it cannot ${v.base} remotely right now.`,
  INVOCATION_SPECIFIC_ERROR: (v) =>
    `The car could not ${v.base} (Volvo gave no reason). Try again.`,
};

/**
 * A sentence a person understands for a command status, e.g. "The car could not lock because
 * the rear left door is open. Close it and try again." `openDoors` only matter for
 * UNABLE_TO_LOCK_DOOR_OPEN: the doors, hood or tailgate known to be open.
 */
export function describeCommandStatus(
  command: CommandKind,
  status: InvokeStatus,
  openDoors: readonly DoorName[] = [],
): string {
  return SENTENCES[status](COMMAND_VERBS[command], openDoors);
}

/**
 * What a command under way is doing, for the progress line: "Locking… the car is locking" once
 * Volvo reports RUNNING. Without a status yet (the request is on its way, or v2, which answers
 * only at the end), and for a status that is not pending, it waits for the car.
 */
export function describeCommandProgress(
  command: CommandKind,
  status: InvokeStatus | null = null,
): string {
  const verbs = COMMAND_VERBS[command];
  const doing = `${capitalize(verbs.ing)}…`;
  switch (status) {
    case 'WAITING':
      return `${doing} Volvo has the request and is passing it to the car`;
    case 'RUNNING':
      return `${doing} the car is ${verbs.ing}`;
    case 'SENT':
      return `${doing} the car has the request; waiting for it to confirm`;
    default:
      return `${doing} waiting for the car`;
  }
}
