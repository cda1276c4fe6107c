import { describe, expect, test } from 'vitest';
import type { Doors, FindCommand, OpenState } from '../../../shared/vehicle';
import { describeCommandStatus } from '../../../shared/words/commands';
import { FakeClock } from '../testing/fake-clock';
import { VolvoApiError } from '../volvo/errors';
import type { CommandCallOptions, CommandOutcome, VehicleApi } from '../volvo/model';
import { createCommandRateLimit } from './command-rate-limit';
import { type CommandRunnerOptions, createCommandRunner } from './command-runner';

const VIN = 'YV1XZK9V2PA000001';

function doors(open: Partial<Record<keyof Doors, OpenState>> = {}): Doors {
  const part = (name: keyof Doors) => ({
    value: open[name] ?? ('CLOSED' as const),
    timestamp: null,
  });
  return {
    frontLeft: part('frontLeft'),
    frontRight: part('frontRight'),
    rearLeft: part('rearLeft'),
    rearRight: part('rearRight'),
    hood: part('hood'),
    tailgate: part('tailgate'),
  };
}

function outcome(
  vin: string,
  command: CommandOutcome['command'],
  extra: Partial<CommandOutcome> = {},
): CommandOutcome {
  return { vin, command, status: 'COMPLETED', ok: true, message: 'The car is locked.', ...extra };
}

function setup(
  options: {
    doors?: Doors;
    /** Replaces the door check before locking (default: answers `doors` at once). */
    checkDoors?: (signal: AbortSignal) => Promise<Doors>;
    lastKnownDoors?: Doors | null;
    lock?: (vin: string, call: CommandCallOptions) => Promise<CommandOutcome>;
    unlock?: (vin: string) => Promise<CommandOutcome>;
    findMyCar?: (vin: string) => Promise<CommandOutcome>;
  } = {},
) {
  const clock = new FakeClock();
  const sent: string[] = [];
  const logged: string[] = [];
  const refreshed: string[] = [];
  const api = {
    lock: (vin: string, call: CommandCallOptions) => {
      sent.push(`lock ${vin}`);
      return options.lock ? options.lock(vin, call) : Promise.resolve(outcome(vin, 'lock'));
    },
    unlock: (vin: string) => {
      sent.push(`unlock ${vin}`);
      return options.unlock ? options.unlock(vin) : Promise.resolve(outcome(vin, 'unlock'));
    },
    findMyCar: (vin: string, kind: FindCommand) => {
      sent.push(`${kind} ${vin}`);
      return options.findMyCar
        ? options.findMyCar(vin)
        : Promise.resolve(
            outcome(vin, kind, { message: describeCommandStatus(kind, 'COMPLETED') }),
          );
    },
  } as unknown as VehicleApi;
  const runnerOptions: CommandRunnerOptions = {
    clock,
    api: () => api,
    checkDoors: async (_vin, signal) =>
      options.checkDoors ? options.checkDoors(signal) : (options.doors ?? doors()),
    lastKnownDoors: () => options.lastKnownDoors ?? null,
    checkTimeoutMs: 20_000,
    spendProblem: () => null,
    rateLimit: createCommandRateLimit(clock),
    timeoutMs: 150_000,
    joinWindowMs: 10_000,
    onChange() {},
    afterCommand: (vin) => refreshed.push(vin),
    log: (_vin, text) => logged.push(text),
  };
  return { clock, sent, logged, refreshed, runner: createCommandRunner(runnerOptions) };
}

describe('command runner', () => {
  test('repeated lock requests while one runs join it: one command', async () => {
    const { runner, sent, refreshed } = setup();
    const runs = await Promise.all(
      Array.from({ length: 5 }, () =>
        runner.run({ vin: VIN, command: 'lock', source: 'shortcut' }),
      ),
    );
    expect(sent).toEqual([`lock ${VIN}`]);
    expect(runs.filter((run) => !run.joined)).toHaveLength(1);
    expect(runs.every((run) => run.result.ok)).toBe(true);
    expect(refreshed).toEqual([VIN]);
    // Pressed again a moment later: still the same lock.
    const again = await runner.run({ vin: VIN, command: 'lock', source: 'shortcut' });
    expect(again.joined).toBe(true);
    expect(sent).toHaveLength(1);
  });

  test('with a door open nothing is sent and the door is named', async () => {
    const { runner, sent, logged } = setup({ doors: doors({ hood: 'OPEN', rearLeft: 'AJAR' }) });
    const { result } = await runner.run({ vin: VIN, command: 'lock', source: 'popover' });
    expect(sent).toEqual([]);
    expect(result).toMatchObject({ status: 'REFUSED', ok: false });
    expect(result.message).toBe(
      'The car could not lock because the rear left door and the hood are open. Close them and try again.',
    );
    expect(logged[0]).toMatch(/^Lock refused: /);
  });

  test('honk and flash: sent without a door check, even with a door open; its outcome in words', async () => {
    const { runner, sent, logged, refreshed } = setup({ doors: doors({ rearLeft: 'OPEN' }) });
    const { result } = await runner.run({ vin: VIN, command: 'honk-flash', source: 'popover' });
    expect(sent).toEqual([`honk-flash ${VIN}`]);
    expect(result).toMatchObject({ command: 'honk-flash', status: 'COMPLETED', ok: true });
    expect(result.message).toBe('The car honked and flashed its lights.');
    expect(logged).toEqual(['Honked and flashed from volvo-tray']);
    expect(refreshed).toEqual([VIN]);
  });

  test('honk and flash shares the 10 commands a minute with lock and unlock', async () => {
    const { runner, sent } = setup();
    const vins = Array.from(
      { length: 10 },
      (_, i) => `YV1XZK9V2PA0000${String(i).padStart(2, '0')}`,
    );
    for (const vin of vins) await runner.run({ vin, command: 'lock', source: 'popover' });
    const { result } = await runner.run({ vin: VIN, command: 'honk-flash', source: 'popover' });
    expect(sent).toHaveLength(10);
    expect(result.status).toBe('REFUSED');
    expect(result.message).toMatch(/10 commands a minute .* Try again in 1 min\./);
  });

  test('a car asleep or without the command: the sentence says so, not "locked"', async () => {
    const asleep = setup({
      findMyCar: async (vin) =>
        outcome(vin, 'honk-flash', {
          status: 'CAR_IN_SLEEP_MODE',
          ok: false,
          message: describeCommandStatus('honk-flash', 'CAR_IN_SLEEP_MODE'),
        }),
    });
    const slept = await asleep.runner.run({ vin: VIN, command: 'honk-flash', source: 'popover' });
    expect(slept.result.message).toBe(
      'The car is asleep and could not honk and flash remotely. Try again after the car has been used.',
    );
    const missing = setup({
      findMyCar: () => Promise.reject(new VolvoApiError('not-found', 'no such command')),
    });
    const refused = await missing.runner.run({
      vin: VIN,
      command: 'honk-flash',
      source: 'popover',
    });
    expect(refused.result.message).toBe('This car does not support the honk and flash command.');
  });

  test('never more than 10 commands a minute', async () => {
    const { runner, sent, clock } = setup();
    const vins = Array.from(
      { length: 11 },
      (_, i) => `YV1XZK9V2PA0000${String(i).padStart(2, '0')}`,
    );
    const runs = [];
    for (const vin of vins)
      runs.push(await runner.run({ vin, command: 'lock', source: 'popover' }));
    expect(sent).toHaveLength(10);
    expect(runs[10]?.result.status).toBe('REFUSED');
    expect(runs[10]?.result.message).toMatch(/10 commands a minute .* Try again in 1 min\./);
    await clock.advance(60_000);
    await runner.run({ vin: vins[10] ?? '', command: 'lock', source: 'popover' });
    expect(sent).toHaveLength(11);
  });

  test('a command without an answer ends as a timeout, not "in progress" forever', async () => {
    const { runner, clock } = setup({ lock: () => new Promise(() => {}) });
    const running = runner.run({ vin: VIN, command: 'lock', source: 'popover' });
    await clock.advance(1000);
    expect(runner.state(VIN).inProgress?.message).toBe('Locking… waiting for the car');
    await clock.advance(150_000);
    const { result } = await running;
    expect(result).toMatchObject({ status: 'TIMEOUT', ok: false });
    expect(runner.state(VIN).inProgress).toBeNull();
  });

  test('unlock while locking is refused in words; an unlock shows its window', async () => {
    let finishLock: (value: CommandOutcome) => void = () => {};
    const { runner, clock } = setup({
      lock: () =>
        new Promise((resolve) => {
          finishLock = resolve;
        }),
      unlock: (vin) =>
        Promise.resolve(
          outcome(vin, 'unlock', {
            readyToUnlockUntil: new Date(clock.now() + 120_000).toISOString(),
          }),
        ),
    });
    const locking = runner.run({ vin: VIN, command: 'lock', source: 'popover' });
    await clock.advance(0);
    const refused = await runner.run({ vin: VIN, command: 'unlock', source: 'popover' });
    expect(refused.result.message).toBe('Wait a moment: the car is still locking.');
    finishLock(outcome(VIN, 'lock'));
    await locking;
    await runner.run({ vin: VIN, command: 'unlock', source: 'popover' });
    expect(runner.state(VIN).unlockWindowUntil).toBe(clock.now() + 120_000);
  });

  test('a failed command says what the car said', async () => {
    const { runner } = setup({
      lock: (vin) =>
        Promise.resolve(
          outcome(vin, 'lock', {
            status: 'CAR_IN_SLEEP_MODE',
            ok: false,
            message: 'The car is asleep.',
          }),
        ),
    });
    const { result } = await runner.run({ vin: VIN, command: 'lock', source: 'popover' });
    expect(result).toMatchObject({
      status: 'CAR_IN_SLEEP_MODE',
      ok: false,
      message: 'The car is asleep.',
    });
    expect(runner.state(VIN).last).toEqual(result);
  });

  test('stop ends a command in flight at once: no timer left, a late answer changes nothing', async () => {
    let answer: (value: CommandOutcome) => void = () => {};
    const { runner, clock, logged } = setup({
      unlock: () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    });
    const unlocking = runner.run({ vin: VIN, command: 'unlock', source: 'popover' });
    await clock.advance(1000);
    runner.stop();
    const { result } = await unlocking;
    expect(result).toMatchObject({ status: 'TIMEOUT', ok: false });
    expect(result.message).toMatch(/closed before the car answered/);
    expect(clock.pending()).toBe(0);
    expect(runner.state(VIN).inProgress).toBeNull();

    answer(outcome(VIN, 'unlock', { readyToUnlockUntil: new Date(clock.now()).toISOString() }));
    await clock.advance(0);
    expect(runner.state(VIN)).toMatchObject({ unlockWindowUntil: null, last: result });
    expect(logged).toHaveLength(1);
  });

  test('v1 progress shows in words: the request at Volvo, then the car locking', async () => {
    let report: (status: 'WAITING' | 'RUNNING') => void = () => {};
    let finish: (value: CommandOutcome) => void = () => {};
    const { runner, clock } = setup({
      lock: (_vin, call) =>
        new Promise((resolve) => {
          report = (status) => call.onProgress?.(status);
          finish = resolve;
        }),
    });
    const locking = runner.run({ vin: VIN, command: 'lock', source: 'popover' });
    await clock.advance(0);
    expect(runner.state(VIN).inProgress?.message).toBe('Locking… waiting for the car');
    report('WAITING');
    expect(runner.state(VIN).inProgress?.message).toBe(
      'Locking… Volvo has the request and is passing it to the car',
    );
    report('RUNNING');
    expect(runner.state(VIN).inProgress?.message).toBe('Locking… the car is locking');
    finish(outcome(VIN, 'lock'));
    expect((await locking).result.ok).toBe(true);
  });

  test('a door check that gets no answer gives up after 20 s and locks, saying so', async () => {
    const { runner, clock, sent } = setup({
      checkDoors: (signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('cancelled')));
        }),
      lastKnownDoors: doors(),
      lock: () => new Promise(() => {}),
    });
    const locking = runner.run({ vin: VIN, command: 'lock', source: 'popover' });
    await clock.advance(0);
    await clock.advance(19_000);
    expect(runner.state(VIN).inProgress?.message).toBe('Checking the doors before locking…');
    expect(sent).toEqual([]);
    await clock.advance(1_000);
    expect(sent).toEqual([`lock ${VIN}`]);
    expect(runner.state(VIN).inProgress?.message).toBe(
      'Could not check the doors before locking: Volvo did not answer within 20 s. Locking anyway: the car refuses if a door is open…',
    );
    await clock.advance(150_000);
    expect((await locking).result.message).toMatch(/^No answer from Volvo within 2 min/);
  });

  test('a failed door check refuses when the last reading had a door open, naming it', async () => {
    const { runner, sent } = setup({
      checkDoors: () => Promise.reject(new Error('socket hang up')),
      lastKnownDoors: doors({ tailgate: 'OPEN' }),
    });
    const { result } = await runner.run({ vin: VIN, command: 'lock', source: 'popover' });
    expect(sent).toEqual([]);
    expect(result).toMatchObject({ status: 'REFUSED', ok: false });
    expect(result.message).toBe(
      'Could not check the doors before locking: Something went wrong while talking to Volvo. The last reading had the tailgate open: close it and try again.',
    );
  });

  test('a door opened after an unlock ends its window; closed doors leave it', async () => {
    const { runner, clock } = setup();
    await runner.run({ vin: VIN, command: 'unlock', source: 'popover', unlockDuration: 120 });
    const until = clock.now() + 120_000;
    expect(runner.state(VIN).unlockWindowUntil).toBe(until);
    runner.doorsRead(VIN, doors());
    expect(runner.state(VIN).unlockWindowUntil).toBe(until);
    runner.doorsRead(VIN, doors({ frontLeft: 'OPEN' }));
    expect(runner.state(VIN).unlockWindowUntil).toBeNull();
    runner.doorsRead(VIN, doors());
    expect(runner.state(VIN).unlockWindowUntil).toBeNull();
  });

  test("forget drops every car's command state and ends a command in flight", async () => {
    let answer: (value: CommandOutcome) => void = () => {};
    const { runner, clock } = setup({
      unlock: () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    });
    await runner.run({ vin: VIN, command: 'lock', source: 'popover' });
    const other = 'YV4A22PL3N1000002';
    const unlocking = runner.run({ vin: other, command: 'unlock', source: 'popover' });
    await clock.advance(1000);
    runner.forget('volvo-tray signed in again');
    const { result } = await unlocking;
    expect(result.message).toBe(
      'volvo-tray signed in again before the car answered. Check the lock state before you leave the car.',
    );
    answer(outcome(other, 'unlock'));
    await clock.advance(0);
    for (const vin of [VIN, other]) {
      expect(runner.state(vin)).toEqual({
        inProgress: null,
        last: null,
        unlockWindowUntil: null,
        attentionUntil: null,
      });
    }
    expect(clock.pending()).toBe(0);
  });
});
