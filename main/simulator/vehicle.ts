import { randomUUID } from 'node:crypto';
import {
  CAR_DOORS,
  type CarDoor,
  type CarWindow,
  LOCK_BLOCKING_PARTS,
  SIDE_WINDOWS,
} from './car-parts';
import type { SimClock } from './clock';
import { type CarQuirks, DEFAULT_QUIRKS, type QuirksPatch } from './quirks';
import type { SimVehicle } from './types';

export type OpenValue = 'OPEN' | 'CLOSED' | 'AJAR';
export type LockValue = 'LOCKED' | 'UNLOCKED';
export type EngineValue = 'RUNNING' | 'STOPPED';
/** Why a car that is not asleep as such still takes no commands (v2 `unavailableReason`). */
export type OutOfReach = 'POWER_SAVING_MODE' | 'NO_INTERNET' | 'CAR_IN_USE';

/** A value and when it last changed (epoch ms): the car reports that time with it. */
export interface StoredReading<V> {
  value: V;
  changedAt: number;
}

/** What the car has: the first demo car is modern, the others are classic. */
export interface Equipment {
  sunroof: boolean;
  lockReducedGuard: boolean;
  /** What `/vehicles/{vin}` says of the car; `colour` null: the answer leaves it out. */
  catalogue: { model: string; modelYear: number; colour: string | null };
  /** The horn and lights answer remote commands (HONK, FLASH, HONK_AND_FLASH). */
  hornAndLights: boolean;
}

/** What the car did to be found: sounded the horn, blinked the lights, or both. */
export type BeaconKind = 'horn' | 'lights' | 'horn-and-lights';

/** One time the car was made to be found, for tests and the control API to see. */
export interface BeaconEvent {
  kind: BeaconKind;
  at: number;
}

/** How the car answered a lock or unlock, whichever API version asked. */
export type CarOutcome =
  | { kind: 'done' }
  | { kind: 'asleep' }
  /** Lock refused: these doors (or hood, tailgate) are not closed. */
  | { kind: 'open'; parts: CarDoor[] };

export type AsyncCommandName = 'lock' | 'unlock';

/** A v1 command as `async.href` reports it. */
export interface AsyncCommandView {
  id: string;
  command: AsyncCommandName;
  createdAt: number;
  /** WAITING, RUNNING, or the car's outcome once it is decided. */
  phase: 'WAITING' | 'RUNNING' | CarOutcome;
}

interface AsyncCommand {
  id: string;
  command: AsyncCommandName;
  createdAt: number;
  decidesAt: number;
  unlockWindowMs: number;
  outcome: CarOutcome | null;
}

type SideWindow = (typeof SIDE_WINDOWS)[number];

/** Everything the car reports at one moment. */
export interface VehicleReadings {
  lock: StoredReading<LockValue>;
  doors: Record<CarDoor, StoredReading<OpenValue>>;
  windows: Record<SideWindow, StoredReading<OpenValue>>;
  /** null: the car has no sunroof. */
  sunroof: StoredReading<OpenValue> | null;
  asleep: StoredReading<boolean>;
  engine: StoredReading<EngineValue>;
  /** Lamps reported as failed, by Volvo's warning field, with since when. */
  lampFailures: Record<string, number>;
  /** Set while the car is out of reach for a reason other than sleep. */
  outOfReach: OutOfReach | null;
  /** Until when an unlock waits for a door to open before the car relocks itself. */
  unlockWindowUntil: number | null;
}

/** Beacon events kept per car: enough for any test, bounded for a long run. */
const MAX_BEACONS = 50;

/** Opening one of these during an unlock window uses the unlock: no relock. */
const ENTRY_PARTS: ReadonlySet<CarDoor> = new Set([
  'frontLeft',
  'frontRight',
  'rearLeft',
  'rearRight',
  'tailgate',
]);
/** Async command records kept per car; older finished ones are forgotten. */
const MAX_ASYNC_COMMANDS = 200;

/**
 * One simulated car. Time-dependent behaviour (the relock after an unlock window, v1 commands
 * deciding after two steps) is settled lazily from `clock.now()` before every read or change,
 * events applied in time order, so a ManualClock needs no timers.
 */
export class VehicleState implements SimVehicle {
  /** When the simulator first heard from the car: the time of readings that never changed. */
  readonly since: number;
  private lock: StoredReading<LockValue>;
  private readonly doors: Record<CarDoor, StoredReading<OpenValue>>;
  private readonly windows: Record<SideWindow, StoredReading<OpenValue>>;
  private readonly sunroof: StoredReading<OpenValue> | null;
  private beaconLog: BeaconEvent[] = [];
  private asleep: StoredReading<boolean>;
  private readonly engine: StoredReading<EngineValue>;
  private readonly lampFailures = new Map<string, number>();
  private outOfReach: OutOfReach | null = null;
  private quirkSet: CarQuirks = DEFAULT_QUIRKS;
  private unlockWindowUntil: number | null = null;
  private readonly asyncCommands = new Map<string, AsyncCommand>();
  /** Undecided async commands, in the order they decide. */
  private undecided: AsyncCommand[] = [];

  constructor(
    readonly vin: string,
    readonly equipment: Equipment,
    private readonly clock: SimClock,
    private readonly commandStepMs: number,
  ) {
    const now = clock.now();
    this.since = now;
    const closed = (): StoredReading<OpenValue> => ({ value: 'CLOSED', changedAt: now });
    this.lock = { value: 'LOCKED', changedAt: now };
    this.doors = recordOf(CAR_DOORS, closed);
    this.windows = recordOf(SIDE_WINDOWS, closed);
    this.sunroof = equipment.sunroof ? closed() : null;
    this.asleep = { value: false, changedAt: now };
    this.engine = { value: 'STOPPED', changedAt: now };
  }

  /** How this car's answers depart from the documentation. */
  get quirks(): CarQuirks {
    return this.quirkSet;
  }

  setQuirks(patch: QuirksPatch): void {
    this.quirkSet = { ...this.quirkSet, ...patch };
  }

  /**
   * When the car last uploaded (epoch ms): at every change, and every `uploadEveryMs` while
   * awake, counted from when the simulator first heard from it. A sleeping car uploads nothing.
   */
  uploadedAt(): number {
    const now = this.settle();
    const awakeUntil = this.asleep.value ? this.asleep.changedAt : now;
    const every = this.quirkSet.uploadEveryMs;
    const periodic = this.since + Math.floor((awakeUntil - this.since) / every) * every;
    const changes = [
      this.lock,
      ...Object.values(this.doors),
      ...Object.values(this.windows),
      ...(this.sunroof ? [this.sunroof] : []),
      this.engine,
    ].map((reading) => reading.changedAt);
    return Math.max(periodic, ...changes);
  }

  /** The car's readings now (copies). */
  readings(): VehicleReadings {
    this.settle();
    const copy = <V>(reading: StoredReading<V>): StoredReading<V> => ({ ...reading });
    return {
      lock: copy(this.lock),
      doors: recordOf(CAR_DOORS, (door) => copy(this.doors[door])),
      windows: recordOf(SIDE_WINDOWS, (window) => copy(this.windows[window])),
      sunroof: this.sunroof ? copy(this.sunroof) : null,
      asleep: copy(this.asleep),
      engine: copy(this.engine),
      lampFailures: Object.fromEntries(this.lampFailures),
      outOfReach: this.outOfReach,
      unlockWindowUntil: this.unlockWindowUntil,
    };
  }

  setDoor(door: CarDoor, value: OpenValue): void {
    const now = this.settle();
    change(this.doors[door], value, now);
    if (value !== 'CLOSED' && ENTRY_PARTS.has(door)) this.unlockWindowUntil = null;
  }

  setWindow(window: CarWindow, value: OpenValue): void {
    const now = this.settle();
    if (window === 'sunroof') {
      if (!this.sunroof) throw new Error(`The car ${this.vin} has no sunroof.`);
      change(this.sunroof, value, now);
      return;
    }
    change(this.windows[window], value, now);
  }

  setLock(value: LockValue): void {
    const now = this.settle();
    change(this.lock, value, now);
    this.unlockWindowUntil = null;
  }

  setAsleep(asleep: boolean): void {
    const now = this.settle();
    change(this.asleep, asleep, now);
    this.outOfReach = null;
  }

  /** Out of reach (commands answer as to a sleeping car), or reachable again with null. */
  setOutOfReach(reason: OutOfReach | null): void {
    this.setAsleep(reason !== null);
    this.outOfReach = reason;
  }

  setEngine(value: EngineValue): void {
    const now = this.settle();
    change(this.engine, value, now);
  }

  /** The horn, the lights or both, at once (v2): an asleep car does nothing. */
  beaconNow(kind: BeaconKind): CarOutcome {
    const now = this.settle();
    if (this.asleep.value) return { kind: 'asleep' };
    this.beaconLog = [...this.beaconLog, { kind, at: now }].slice(-MAX_BEACONS);
    return { kind: 'done' };
  }

  /** Every time the horn or lights answered a command, oldest first (the last 50). */
  beacons(): BeaconEvent[] {
    return this.beaconLog.map((event) => ({ ...event }));
  }

  /** A lamp (by Volvo's warning field, e.g. `brakeLightCenterWarning`) fails or is fixed. */
  setLampFailure(field: string, failed: boolean): void {
    const now = this.settle();
    if (!failed) this.lampFailures.delete(field);
    else if (!this.lampFailures.has(field)) this.lampFailures.set(field, now);
  }

  /** A synchronous (v2) lock: the car answers at once. */
  lockNow(): CarOutcome {
    return this.applyLock(this.settle());
  }

  /** A synchronous (v2) unlock that waits `windowMs` for a door to open before relocking. */
  unlockNow(windowMs: number): CarOutcome {
    return this.applyUnlock(this.settle(), windowMs);
  }

  /** A v1 command: WAITING now, RUNNING after one step, decided by the car after two. */
  submitAsync(command: AsyncCommandName, unlockWindowMs = 0): AsyncCommandView {
    const now = this.settle();
    const record: AsyncCommand = {
      id: randomUUID(),
      command,
      createdAt: now,
      decidesAt: now + 2 * this.commandStepMs,
      unlockWindowMs,
      outcome: null,
    };
    this.asyncCommands.set(record.id, record);
    this.undecided.push(record);
    this.forgetOldCommands();
    return this.view(record, now);
  }

  /** The v1 command `id` as of now, or undefined when this car never had it. */
  asyncCommand(id: string): AsyncCommandView | undefined {
    const now = this.settle();
    const record = this.asyncCommands.get(id);
    return record ? this.view(record, now) : undefined;
  }

  /** Commands still waiting for the car to decide (for the control API's state). */
  pendingCommands(): AsyncCommandView[] {
    const now = this.settle();
    return this.undecided.map((record) => this.view(record, now));
  }

  private view(record: AsyncCommand, now: number): AsyncCommandView {
    const phase =
      record.outcome ?? (now < record.createdAt + this.commandStepMs ? 'WAITING' : 'RUNNING');
    return { id: record.id, command: record.command, createdAt: record.createdAt, phase };
  }

  /** Applies, in time order, every event due by now; returns now. */
  private settle(): number {
    const now = this.clock.now();
    for (;;) {
      const command = this.undecided[0];
      const relockAt = this.unlockWindowUntil;
      const commandAt = command ? command.decidesAt : Number.POSITIVE_INFINITY;
      const next = Math.min(relockAt ?? Number.POSITIVE_INFINITY, commandAt);
      if (next > now) return now;
      if (relockAt !== null && relockAt <= commandAt) {
        this.unlockWindowUntil = null;
        // Nobody came in: the car locks itself (unless something was left open).
        if (this.openParts().length === 0) change(this.lock, 'LOCKED', relockAt);
      } else if (command) {
        this.undecided.shift();
        command.outcome =
          command.command === 'lock'
            ? this.applyLock(command.decidesAt)
            : this.applyUnlock(command.decidesAt, command.unlockWindowMs);
      }
    }
  }

  private applyLock(at: number): CarOutcome {
    if (this.asleep.value) return { kind: 'asleep' };
    const parts = this.openParts();
    if (parts.length > 0) return { kind: 'open', parts };
    change(this.lock, 'LOCKED', at);
    this.unlockWindowUntil = null;
    return { kind: 'done' };
  }

  private applyUnlock(at: number, windowMs: number): CarOutcome {
    if (this.asleep.value) return { kind: 'asleep' };
    change(this.lock, 'UNLOCKED', at);
    this.unlockWindowUntil = at + windowMs;
    return { kind: 'done' };
  }

  private openParts(): CarDoor[] {
    return LOCK_BLOCKING_PARTS.filter((part) => this.doors[part].value !== 'CLOSED');
  }

  private forgetOldCommands(): void {
    for (const [id, record] of this.asyncCommands) {
      if (this.asyncCommands.size <= MAX_ASYNC_COMMANDS) return;
      if (record.outcome !== null) this.asyncCommands.delete(id);
    }
  }
}

/** Sets a reading; its timestamp moves only when the value changes. */
function change<V>(reading: StoredReading<V>, value: V, at: number): void {
  if (reading.value === value) return;
  reading.value = value;
  reading.changedAt = at;
}

/** A record with one entry per name. */
function recordOf<N extends string, T>(names: readonly N[], make: (name: N) => T): Record<N, T> {
  // Object.fromEntries loses the key type; the keys are exactly `names`.
  return Object.fromEntries(names.map((name) => [name, make(name)])) as Record<N, T>;
}
