import { describe, expect, it } from 'vitest';
import { type SimulatedApi, simulatedApis } from '../../../test-support/simulated-api';
import { failure } from './testing/failure';
import { settleOnClock } from './testing/fake-fetch';

const start = simulatedApis();

/** Runs a call to the end on the shared FakeClock (v1 commands wait on it). */
function run<T>(setup: SimulatedApi, promise: Promise<T>): Promise<T> {
  return settleOnClock(setup.clock, promise, 500);
}

describe.each(['v1', 'v2'] as const)('API %s against the simulator', (version) => {
  it('lists the vehicles and reads doors, lock and windows as the car has them', async () => {
    const setup = await start(version);
    const { sim, api } = setup;
    expect(await api.listVehicles()).toEqual(sim.vins);
    const car = sim.vehicle();
    car.setLock('UNLOCKED');
    car.setDoor('rearLeft', 'OPEN');
    car.setDoor('tailgate', 'AJAR');
    car.setWindow('frontRight', 'OPEN');
    const { lock, doors } = await api.getDoors(car.vin);
    const { windows } = await api.getWindows(car.vin);
    expect(lock.value).toBe('UNLOCKED');
    expect(doors.rearLeft?.value).toBe('OPEN');
    expect(doors.frontLeft?.value).toBe('CLOSED');
    // v1 knows only OPEN and CLOSED.
    expect(doors.tailgate?.value).toBe(version === 'v1' ? 'OPEN' : 'AJAR');
    expect(windows.frontRight?.value).toBe('OPEN');
    expect(Date.parse(lock.timestamp ?? '')).not.toBeNaN();
    expect(doors.tankLid !== undefined).toBe(version === 'v2');
    expect(windows.sunroof !== undefined).toBe(version === 'v2');
  });

  it('locks and unlocks, and reports each request for the quota count', async () => {
    const setup = await start(version);
    const { sim, api, requests } = setup;
    const before = sim.stats().apiRequests;
    const vin = sim.vins[0] ?? '';
    sim.vehicle(vin).setLock('UNLOCKED');
    const locked = await run(setup, api.lock(vin));
    expect(locked).toMatchObject({ vin, command: 'lock', status: 'COMPLETED', ok: true });
    expect(locked.message).toBe('The car is locked.');
    expect((await api.getDoors(vin)).lock.value).toBe('LOCKED');
    const unlocked = await run(setup, api.unlock(vin, { unlockDuration: 60 }));
    expect(unlocked).toMatchObject({ status: 'COMPLETED', ok: true });
    expect((await api.getDoors(vin)).lock.value).toBe('UNLOCKED');
    if (version === 'v2') {
      expect(Date.parse(unlocked.readyToUnlockUntil ?? '')).toBeGreaterThan(setup.clock.now());
    }
    expect(requests.length).toBe(sim.stats().apiRequests - before);
    expect(requests.every((r) => r.status === 200)).toBe(true);
  });

  it('names the open door when the car refuses to lock', async () => {
    const setup = await start(version);
    const car = setup.sim.vehicle();
    car.setLock('UNLOCKED');
    car.setDoor('rearLeft', 'OPEN');
    const outcome = await run(setup, setup.api.lock(car.vin));
    expect(outcome).toMatchObject({ status: 'UNABLE_TO_LOCK_DOOR_OPEN', ok: false });
    expect(outcome.message).toBe(
      'The car could not lock because the rear left door is open. Close it and try again.',
    );
    expect(setup.requests.at(-1)?.path).toMatch(/\/doors$/);
  });

  it('says when the car is asleep', async () => {
    const setup = await start(version);
    const car = setup.sim.vehicle();
    car.setAsleep(true);
    const outcome = await run(setup, setup.api.lock(car.vin));
    expect(outcome.status).toBe(version === 'v1' ? 'VEHICLE_IN_SLEEP' : 'CAR_IN_SLEEP_MODE');
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain('asleep');
  });

  it('answers an unknown VIN with not-found', async () => {
    const { api } = await start(version);
    const error = await failure(api.getDoors('YV1AAAAAAAA999999'));
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('YV1AAAAAAAA999999');
  });

  it('refuses an unlock duration outside 1..120 before sending', async () => {
    const { sim, api } = await start(version);
    const before = sim.stats().apiRequests;
    for (const unlockDuration of [0, 121, 2.5]) {
      expect((await failure(api.unlock(sim.vins[0] ?? '', { unlockDuration }))).kind).toBe(
        'invalid-input',
      );
    }
    expect(sim.stats().apiRequests).toBe(before);
  });

  it('shows unknown values as UNKNOWN, never as CLOSED or LOCKED', async () => {
    const { sim, api, logger } = await start(version);
    sim.setFault({ kind: 'unknown-values' });
    const { lock, doors } = await api.getDoors(sim.vins[0] ?? '');
    const { windows } = await api.getWindows(sim.vins[0] ?? '');
    expect(lock).toMatchObject({ value: 'UNKNOWN', reported: 'SECURED' });
    expect(doors.frontLeft).toMatchObject({ value: 'UNKNOWN', reported: 'HALF_OPEN' });
    expect(windows.frontLeft).toMatchObject({ value: 'UNKNOWN', reported: 'HALF_OPEN' });
    expect(logger.warnings.length).toBeGreaterThanOrEqual(3);
  });
});

describe('v1 command following', () => {
  it('follows async.href on the shared clock through WAITING and RUNNING', async () => {
    const setup = await start('v1', { sim: { commandStepMs: 3_000 } });
    const vin = setup.sim.vins[0] ?? '';
    setup.sim.vehicle(vin).setLock('UNLOCKED');
    const started = setup.clock.now();
    const outcome = await run(setup, setup.api.lock(vin));
    expect(outcome.status).toBe('COMPLETED');
    const polls = setup.requests.filter((r) => r.method === 'GET' && r.path.includes('/commands/'));
    // Three steps of 3 s, polled every second: the car confirmed after about 9 s.
    expect(polls.length).toBeGreaterThanOrEqual(6);
    expect(setup.clock.now() - started).toBeGreaterThanOrEqual(6_000);
    expect(setup.clock.now() - started).toBeLessThan(12_000);
  });

  it('reports each new pending status once, before the final outcome', async () => {
    const setup = await start('v1', { sim: { commandStepMs: 3_000 } });
    const vin = setup.sim.vins[0] ?? '';
    setup.sim.vehicle(vin).setLock('UNLOCKED');
    const progress: string[] = [];
    const outcome = await run(
      setup,
      setup.api.lock(vin, { onProgress: (status) => progress.push(status) }),
    );
    expect(progress).toEqual(['WAITING', 'RUNNING']);
    expect(outcome.status).toBe('COMPLETED');
  });

  it('gives a TIMEOUT outcome when the car does not confirm in time', async () => {
    const setup = await start('v1', {
      sim: { commandStepMs: 60_000 },
      api: { commandTimeoutMs: 10_000, commandPollMs: 2_000 },
    });
    const outcome = await run(setup, setup.api.lock(setup.sim.vins[0] ?? ''));
    expect(outcome).toMatchObject({ status: 'TIMEOUT', ok: false });
    expect(outcome.message).toBe(
      'The car did not confirm locking in time; check the lock state before you leave the car.',
    );
  });

  it('refuses lock with reduced guard', async () => {
    const { sim, api } = await start('v1');
    const error = await failure(api.lock(sim.vins[0] ?? '', { reducedGuard: true }));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toContain('API v2');
  });

  it('tells the user to switch to v2 when Volvo has removed v1', async () => {
    const { sim, api } = await start('v1', { sim: { v1Removed: true } });
    const error = await failure(api.listVehicles());
    expect(error.kind).toBe('gone');
    expect(error.details.status).toBe(410);
    expect(error.message).toBe('Volvo has removed API v1: switch to API v2 in Settings.');
    expect((await failure(api.getDoors(sim.vins[0] ?? ''))).kind).toBe('gone');
  });
});

describe('v2 commands', () => {
  it('locks with reduced guard where the car supports it, and says which cars do', async () => {
    const { sim, api } = await start('v2');
    const [modern = '', classic = ''] = sim.vins;
    expect(await api.supportedCommands(modern)).toEqual([
      'lock',
      'unlock',
      'lock-reduced-guard',
      'honk-flash',
      'honk',
      'flash',
    ]);
    expect(await api.supportedCommands(classic)).toEqual(['lock', 'unlock']);
    const outcome = await api.lock(modern, { reducedGuard: true });
    expect(outcome).toMatchObject({ command: 'lock-reduced-guard', ok: true });
    const error = await failure(api.lock(classic, { reducedGuard: true }));
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('reduced guard');
  });

  it('finds the car: honk and flash, honk, flash where the car lists them; 404 in words where not', async () => {
    const { sim, api } = await start('v2');
    const [modern = '', classic = ''] = sim.vins;
    expect(await api.findMyCar(modern, 'honk-flash')).toMatchObject({
      command: 'honk-flash',
      status: 'COMPLETED',
      ok: true,
      message: 'The car honked and flashed its lights.',
    });
    expect((await api.findMyCar(modern, 'honk')).message).toBe('The car honked.');
    expect((await api.findMyCar(modern, 'flash')).message).toBe('The car flashed its lights.');
    const error = await failure(api.findMyCar(classic, 'honk-flash'));
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('This car cannot honk and flash remotely');
  });

  it('reads command accessibility', async () => {
    const { sim, api } = await start('v2');
    expect(await api.commandAccessibility(sim.vins[0] ?? '')).toEqual({ available: true });
  });
});
