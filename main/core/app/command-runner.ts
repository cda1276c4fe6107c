import type { ActivityEntry, CommandInProgress, CommandResultView } from '../../../shared/snapshot';
import type { CommandKind, Doors, InvokeStatus } from '../../../shared/vehicle';
import {
  COMMAND_VERBS,
  describeCommandProgress,
  describeCommandStatus,
} from '../../../shared/words/commands';
import { capitalize, doorName, partsInWords } from '../../../shared/words/parts';
import { durationInWords } from '../../../shared/words/time';
import type { Clock, TimerHandle } from '../ports';
import { VolvoApiError } from '../volvo/errors';
import type { CommandOutcome, VehicleApi } from '../volvo/model';
import type { CommandRateLimit } from './command-rate-limit';
import { openDoors } from './open-parts';
import { COMMAND_ATTENTION_MS } from './poll-plan';
import { iso } from './time-words';
import { errorInWords } from './vehicle-record';

/**
 * Runs lock, unlock and find-my-car (honk and flash) for each vehicle: checks the doors before locking (and says which is
 * open instead of sending a command that would fail), keeps under Volvo's 10 commands a
 * minute, joins repeated requests to the one in flight, never waits forever, and reports
 * progress and outcome in words.
 */

export type CommandSource = 'popover' | 'shortcut' | 'notification';

export interface CommandRequest {
  vin: string;
  command: CommandKind;
  source: CommandSource;
  /** v1 unlock: seconds the doors may be opened. */
  unlockDuration?: number;
}

export interface CommandRun {
  result: CommandResultView;
  /** True when this request joined one already running (or just finished) instead of sending. */
  joined: boolean;
}

/** A vehicle's command state as the Snapshot shows it. */
export interface VehicleCommandState {
  inProgress: CommandInProgress | null;
  last: CommandResultView | null;
  /** After unlock: until when the doors may be opened (epoch ms). */
  unlockWindowUntil: number | null;
  /** Until when the vehicle should be polled fast because of a recent command (epoch ms). */
  attentionUntil: number | null;
}

export interface CommandRunnerOptions {
  clock: Clock;
  /** The API client while signed in, else null. */
  api(): VehicleApi | null;
  /**
   * Fresh doors for the check before locking; rejects when they could not be read. The runner
   * takes the reading as {@link CommandRunner.doorsRead} would.
   */
  checkDoors(vin: string, signal: AbortSignal): Promise<Doors>;
  /** The doors as the last reading had them, or null when there is none. */
  lastKnownDoors(vin: string): Doors | null;
  /** The check before locking gives up after this long; the command has its own deadline. */
  checkTimeoutMs: number;
  /** Why no request may be spent right now (quota out, budget spent), or null. */
  spendProblem(): string | null;
  rateLimit: CommandRateLimit;
  /** A command without a final answer after this long is reported as timed out. */
  timeoutMs: number;
  /** A lock asked for within this long after the same lock succeeded joins it. */
  joinWindowMs: number;
  onChange(vin: string): void;
  /** A command finished (successfully or not) after it was sent: refresh the vehicle. */
  afterCommand(vin: string): void;
  log(vin: string, text: string, kind: ActivityEntry['kind']): void;
}

export interface CommandRunner {
  run(request: CommandRequest): Promise<CommandRun>;
  state(vin: string): VehicleCommandState;
  /**
   * A reading of the car's doors arrived. A door, the hood or the tailgate open after an unlock
   * ends its window: the car no longer locks itself by then, so nothing may say it will.
   */
  doorsRead(vin: string, doors: Doors): void;
  /**
   * Forgets every car's command state: the connection ended, and what its cars did is not the
   * next one's. A command in flight stops waiting, as with `stop`; `why` says what ended it
   * ("volvo-tray was signed out").
   */
  forget(why: string): void;
  /**
   * Ends every command in flight at once (the app is closing): its requests are cancelled, its
   * deadline cleared, and it reports that nobody waited for the car. A late answer changes
   * nothing.
   */
  stop(): void;
}

interface Slot extends VehicleCommandState {
  inFlight: { command: CommandKind; promise: Promise<CommandResultView> } | null;
  lastFinishedAt: number | null;
}

const SOURCE_WORDS: Record<CommandSource, string> = {
  popover: '',
  shortcut: ' via shortcut',
  notification: ' from a notification',
};

const isLock = (command: CommandKind) => command === 'lock' || command === 'lock-reduced-guard';
const isFind = (command: CommandKind) =>
  command === 'honk-flash' || command === 'honk' || command === 'flash';

export function createCommandRunner(options: CommandRunnerOptions): CommandRunner {
  const { clock } = options;
  const slots = new Map<string, Slot>();

  const slotOf = (vin: string): Slot => {
    let slot = slots.get(vin);
    if (!slot) {
      slot = {
        inProgress: null,
        last: null,
        unlockWindowUntil: null,
        attentionUntil: null,
        inFlight: null,
        lastFinishedAt: null,
      };
      slots.set(vin, slot);
    }
    return slot;
  };

  const doorsRead = (vin: string, doors: Doors) => {
    const slot = slots.get(vin);
    if (slot && slot.unlockWindowUntil !== null && openDoors(doors).length > 0) {
      slot.unlockWindowUntil = null;
    }
  };

  const progress = (vin: string, command: CommandKind, message: string, signal: AbortSignal) => {
    // A run past its deadline has already reported its end; it must not look busy again.
    if (signal.aborted) return;
    const slot = slotOf(vin);
    slot.inProgress = {
      command,
      startedAt: slot.inProgress?.startedAt ?? iso(clock.now()),
      message,
    };
    options.onChange(vin);
  };

  const result = (
    command: CommandKind,
    status: CommandResultView['status'],
    ok: boolean,
    message: string,
  ): CommandResultView => ({ command, status, ok, message, at: iso(clock.now()) });

  /** Sends the command; everything before this point sent nothing. */
  const send = async (
    api: VehicleApi,
    request: CommandRequest,
    signal: AbortSignal,
  ): Promise<CommandOutcome> => {
    const { vin, command } = request;
    const call = {
      signal,
      onProgress: (status: InvokeStatus) =>
        progress(vin, command, describeCommandProgress(command, status), signal),
    };
    switch (command) {
      case 'lock':
        return api.lock(vin, call);
      case 'lock-reduced-guard':
        return api.lock(vin, { ...call, reducedGuard: true });
      case 'unlock':
        return api.unlock(vin, { ...call, unlockDuration: request.unlockDuration });
      case 'honk-flash':
      case 'honk':
      case 'flash':
        return api.findMyCar(vin, command, call);
    }
  };

  /**
   * Reads the doors before locking, within the check's own deadline: fresh doors, or why they
   * could not be read.
   */
  const readDoors = async (
    vin: string,
    signal: AbortSignal,
  ): Promise<{ ok: true; doors: Doors } | { ok: false; reason: string }> => {
    const controller = new AbortController();
    let timer: TimerHandle | undefined;
    const deadline = new Promise<{ ok: false; reason: string }>((resolve) => {
      timer = clock.setTimeout(() => {
        controller.abort();
        resolve({
          ok: false,
          reason: `Volvo did not answer within ${durationInWords(options.checkTimeoutMs, 'down')}.`,
        });
      }, options.checkTimeoutMs);
    });
    const reading = options.checkDoors(vin, AbortSignal.any([signal, controller.signal])).then(
      (doors) => {
        doorsRead(vin, doors);
        return { ok: true as const, doors };
      },
      (error: unknown) => ({ ok: false as const, reason: errorInWords(error) }),
    );
    try {
      return await Promise.race([reading, deadline]);
    } finally {
      if (timer !== undefined) clock.clearTimeout(timer);
    }
  };

  /**
   * The check before locking: a refusal that names what is open, or the words to show while
   * the lock is on its way.
   */
  const checkBeforeLocking = async (
    vin: string,
    command: CommandKind,
    signal: AbortSignal,
  ): Promise<{ refused: CommandResultView } | { sending: string }> => {
    progress(vin, command, 'Checking the doors before locking…', signal);
    const check = await readDoors(vin, signal);
    if (check.ok) {
      const open = openDoors(check.doors);
      if (open.length === 0) return { sending: describeCommandProgress(command) };
      // The sentence the car's own refusal gets: to the person it is the same event.
      const message = describeCommandStatus(command, 'UNABLE_TO_LOCK_DOOR_OPEN', open);
      return { refused: result(command, 'REFUSED', false, message) };
    }
    const verbs = COMMAND_VERBS[command];
    const unchecked = `Could not check the doors before ${verbs.ing}: ${check.reason}`;
    const lastKnown = options.lastKnownDoors(vin);
    const open = lastKnown ? openDoors(lastKnown) : [];
    // Sent unchecked only when the last reading (if any) had everything closed: the car itself
    // refuses to lock with a door open, so the worst that can come of it is that refusal.
    if (open.length === 0) {
      return {
        sending: `${unchecked} ${capitalize(verbs.ing)} anyway: the car refuses if a door is open…`,
      };
    }
    const them = open.length === 1 ? 'it' : 'them';
    const message = `${unchecked} The last reading had ${partsInWords(open.map(doorName))} open: close ${them} and try again.`;
    return { refused: result(command, 'REFUSED', false, message) };
  };

  const execute = async (
    request: CommandRequest,
    signal: AbortSignal,
  ): Promise<CommandResultView> => {
    const { vin, command } = request;
    const api = options.api();
    if (!api) return result(command, 'REFUSED', false, 'Sign in to Volvo first.');
    const spendProblem = options.spendProblem();
    if (spendProblem) return result(command, 'REFUSED', false, spendProblem);

    let sending = describeCommandProgress(command);
    if (isLock(command)) {
      const check = await checkBeforeLocking(vin, command, signal);
      if (signal.aborted) return result(command, 'TIMEOUT', false, 'Gave up waiting.');
      if ('refused' in check) return check.refused;
      sending = check.sending;
    }

    const slot = options.rateLimit.take();
    if (!slot.ok) {
      return result(
        command,
        'REFUSED',
        false,
        `Volvo allows 10 commands a minute and they are used up. Try again in ${durationInWords(slot.waitMs)}.`,
      );
    }
    progress(vin, command, sending, signal);
    const outcome = await send(api, request, signal);
    // Past the deadline (or stopped), this run has already reported how it ended.
    if (signal.aborted) return result(command, 'TIMEOUT', false, 'Gave up waiting.');
    const state = slotOf(vin);
    if (command === 'unlock' && outcome.ok) {
      const until = outcome.readyToUnlockUntil
        ? Date.parse(outcome.readyToUnlockUntil)
        : Number.NaN;
      state.unlockWindowUntil = Number.isNaN(until)
        ? clock.now() + (request.unlockDuration ?? 120) * 1000
        : until;
    }
    if (isLock(command) && outcome.ok) state.unlockWindowUntil = null;
    return result(command, outcome.status, outcome.ok, outcome.message);
  };

  /** How to end each run in flight at once, with the words why ({@link CommandRunner.stop}). */
  const running = new Set<(message: string) => void>();
  const endAll = (why: string) => {
    for (const end of [...running]) {
      end(`${why} before the car answered. Check the lock state before you leave the car.`);
    }
  };

  /** Runs `execute` with a deadline on the app's clock, so nothing stays "in progress". */
  const executeWithDeadline = async (request: CommandRequest): Promise<CommandResultView> => {
    const controller = new AbortController();
    let end: (finished: CommandResultView) => void = () => {};
    const cut = new Promise<CommandResultView>((resolve) => {
      end = resolve;
    });
    const giveUp = (message: string) => {
      controller.abort();
      end(result(request.command, 'TIMEOUT', false, message));
    };
    const timer = clock.setTimeout(
      () =>
        giveUp(
          `No answer from Volvo within ${durationInWords(options.timeoutMs, 'down')}, so volvo-tray stopped waiting. The command may still reach the car: ${COMMAND_VERBS[request.command].check}.`,
        ),
      options.timeoutMs,
    );
    running.add(giveUp);
    const attempt = execute(request, controller.signal).catch(
      (error: unknown): CommandResultView =>
        result(request.command, 'ERROR', false, errorWords(request.command, error)),
    );
    try {
      return await Promise.race([attempt, cut]);
    } finally {
      clock.clearTimeout(timer);
      running.delete(giveUp);
    }
  };

  const start = (request: CommandRequest): Promise<CommandResultView> => {
    const slot = slotOf(request.vin);
    // Started on the next microtask so that `inFlight` is set before anything can observe it.
    const promise = Promise.resolve()
      .then(() => executeWithDeadline(request))
      .then((finished) => {
        const now = clock.now();
        slot.inFlight = null;
        slot.inProgress = null;
        slot.last = finished;
        slot.lastFinishedAt = now;
        const sent = finished.status !== 'REFUSED';
        if (sent) slot.attentionUntil = now + COMMAND_ATTENTION_MS;
        const verbs = COMMAND_VERBS[request.command];
        const via = SOURCE_WORDS[request.source];
        options.log(
          request.vin,
          finished.ok
            ? // "Locked from volvo-tray", so it does not read like the car's own "Car locked".
              `${capitalize(verbs.done)}${via || ' from volvo-tray'}`
            : `${capitalize(verbs.base)}${via} ${finished.status === 'REFUSED' ? 'refused' : 'failed'}: ${finished.message}`,
          finished.ok ? 'command' : finished.status === 'REFUSED' ? 'warning' : 'error',
        );
        options.onChange(request.vin);
        if (sent) options.afterCommand(request.vin);
        return finished;
      });
    slot.inFlight = { command: request.command, promise };
    return promise;
  };

  return {
    async run(request) {
      const slot = slotOf(request.vin);
      if (slot.inFlight) {
        if (slot.inFlight.command === request.command) {
          return { result: await slot.inFlight.promise, joined: true };
        }
        const busy = COMMAND_VERBS[slot.inFlight.command].ing;
        return {
          result: result(
            request.command,
            'REFUSED',
            false,
            `Wait a moment: the car is still ${busy}.`,
          ),
          joined: false,
        };
      }
      const last = slot.last;
      if (
        isLock(request.command) &&
        last?.ok &&
        last.command === request.command &&
        slot.lastFinishedAt !== null &&
        clock.now() - slot.lastFinishedAt < options.joinWindowMs
      ) {
        return { result: last, joined: true };
      }
      return { result: await start(request), joined: false };
    },
    state(vin) {
      const { inProgress, last, unlockWindowUntil, attentionUntil } = slotOf(vin);
      return { inProgress, last, unlockWindowUntil, attentionUntil };
    },
    doorsRead,
    forget(why) {
      endAll(why);
      slots.clear();
    },
    stop() {
      endAll('volvo-tray was closed');
    },
  };
}

function errorWords(command: CommandKind, error: unknown): string {
  if (error instanceof VolvoApiError) {
    if (error.kind === 'not-found' && command === 'lock-reduced-guard') {
      return 'This car does not support locking with reduced guard.';
    }
    if (error.kind === 'not-found' && isFind(command)) {
      return `This car does not support the ${COMMAND_VERBS[command].base} command.`;
    }
    return error.message;
  }
  return `The ${COMMAND_VERBS[command].base} command could not be sent. Try again.`;
}
