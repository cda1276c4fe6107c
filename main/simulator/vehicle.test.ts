import { describe, expect, it } from 'vitest';
import {
  apiHeaders,
  call,
  control,
  simulatorPerTest,
  V1_LOCK,
  V1_READ,
  V1_UNLOCK,
  v2Command,
  v2Get,
} from './test-helpers';

const STEP = 1500;
const t = simulatorPerTest({ commandStepMs: STEP });

type V2Readings = Record<string, { value: string; timestamp: string }>;
async function v2Doors(of = t.vin): Promise<V2Readings> {
  return ((await v2Get(t.sim, `/vehicles/${of}/doors`)).body as { data: V2Readings }).data;
}

function v1Command(command: 'lock' | 'unlock', body = '') {
  return call(t.sim, `/connected-vehicle/v1/vehicles/${t.vin}/commands/${command}`, {
    method: 'POST',
    headers: apiHeaders(t.sim, { 'content-type': command === 'lock' ? V1_LOCK : V1_UNLOCK }),
    body,
  });
}

async function followHref(href: string): Promise<string> {
  const answer = await call(t.sim, href, { headers: apiHeaders(t.sim, { accept: V1_READ }) });
  expect(answer.status).toBe(200);
  return (answer.body as { async: { status: string } }).async.status;
}

describe('readings', () => {
  it('reports v2 doors and windows with the tank lid, and the sunroof only on the first car', async () => {
    const doors = await v2Doors();
    expect(Object.keys(doors).sort()).toEqual(
      [
        'centralLock',
        'frontLeftDoor',
        'frontRightDoor',
        'hood',
        'rearLeftDoor',
        'rearRightDoor',
        'tailgate',
        'tankLid',
      ].sort(),
    );
    expect(doors.centralLock).toEqual({ value: 'LOCKED', timestamp: '2026-11-27T08:00:00.000Z' });
    const windows = (await v2Get(t.sim, `/vehicles/${t.vin}/windows`)).body as { data: V2Readings };
    expect(windows.data.sunroof?.value).toBe('CLOSED');
    const classic = (await v2Get(t.sim, `/vehicles/${t.classicVin}/windows`)).body as {
      data: V2Readings;
    };
    expect(classic.data.sunroof?.value).toBe('UNSPECIFIED');
    expect((await v2Get(t.sim, '/vehicles')).body).toEqual({
      data: [{ vin: t.vin }, { vin: t.classicVin }],
    });
  });

  it('a car that uploads only on change moves a timestamp only when its value changes', async () => {
    t.sim.vehicle().setQuirks({ uploads: 'on-change' });
    await t.clock.advance(60_000);
    t.sim.vehicle().setDoor('rearRight', 'AJAR');
    await t.clock.advance(60_000);
    t.sim.vehicle().setDoor('rearRight', 'AJAR');
    t.sim.vehicle().setDoor('frontLeft', 'CLOSED');
    const doors = await v2Doors();
    expect(doors.rearRightDoor).toEqual({ value: 'AJAR', timestamp: '2026-11-27T08:01:00.000Z' });
    expect(doors.frontLeftDoor).toEqual({ value: 'CLOSED', timestamp: '2026-11-27T08:00:00.000Z' });
  });

  it('a real car (the default) stamps every field with its last upload, which moves every 2 minutes while awake', async () => {
    await t.clock.advance(60_000);
    t.sim.vehicle().setDoor('rearRight', 'OPEN');
    let doors = await v2Doors();
    // The change was uploaded at once: every field carries that upload's time.
    expect(doors.frontLeftDoor?.timestamp).toBe('2026-11-27T08:01:00.000Z');
    expect(doors.rearRightDoor?.timestamp).toBe('2026-11-27T08:01:00.000Z');
    await t.clock.advance(4 * 60_000);
    doors = await v2Doors();
    // Nothing changed, yet the periodic upload at 08:04 moved every timestamp.
    expect(new Set(Object.values(doors).map((reading) => reading?.timestamp))).toEqual(
      new Set(['2026-11-27T08:04:00.000Z']),
    );
    t.sim.vehicle().setAsleep(true);
    await t.clock.advance(10 * 60_000);
    doors = await v2Doors();
    // Asleep, the car uploads nothing: the last upload stays where it was.
    expect(doors.hood?.timestamp).toBe('2026-11-27T08:04:00.000Z');
  });

  it('answers with the quirks real cars have: UNSPECIFIED parts, a missing hood, the tailGate spelling', async () => {
    t.sim.vehicle().setQuirks({
      unspecified: ['tankLid', 'centralLock'],
      omitted: ['hood'],
      tailgateField: 'tailGate',
    });
    const doors = await v2Doors();
    expect(doors.tankLid?.value).toBe('UNSPECIFIED');
    expect(doors.centralLock?.value).toBe('UNSPECIFIED');
    expect(doors).not.toHaveProperty('hood');
    expect(doors).not.toHaveProperty('tailgate');
    expect(doors.tailGate?.value).toBe('CLOSED');
    expect(doors.frontLeftDoor?.value).toBe('CLOSED');
  });

  it('shows AJAR as OPEN in v1, which knows only OPEN and CLOSED', async () => {
    t.sim.vehicle().setWindow('frontRight', 'AJAR');
    const answer = await call(t.sim, `/connected-vehicle/v1/vehicles/${t.vin}/windows`, {
      headers: apiHeaders(t.sim, { accept: V1_READ }),
    });
    expect(answer.headers.get('content-type')).toBe(V1_READ);
    expect(answer.body).toMatchObject({ data: { frontRight: { value: 'OPEN' } } });
  });
});

describe('v2 commands', () => {
  it('locks, and refuses to lock with UNABLE_TO_LOCK_DOOR_OPEN while a door is open', async () => {
    t.sim.vehicle().setLock('UNLOCKED');
    t.sim.vehicle().setDoor('rearLeft', 'OPEN');
    const refused = await v2Command(t.sim, t.vin, 'lock');
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      data: { vin: t.vin, invokeStatus: 'UNABLE_TO_LOCK_DOOR_OPEN' },
    });
    expect((await v2Doors()).centralLock?.value).toBe('UNLOCKED');

    t.sim.vehicle().setDoor('rearLeft', 'CLOSED');
    expect((await v2Command(t.sim, t.vin, 'lock')).body).toEqual({
      data: { vin: t.vin, invokeStatus: 'COMPLETED', message: '' },
    });
    expect((await v2Doors()).centralLock?.value).toBe('LOCKED');
  });

  it('refuses to lock with the hood or the tailgate open, but not with a window open', async () => {
    t.sim.vehicle().setLock('UNLOCKED');
    t.sim.vehicle().setDoor('hood', 'AJAR');
    expect((await v2Command(t.sim, t.vin, 'lock')).body).toMatchObject({
      data: { invokeStatus: 'UNABLE_TO_LOCK_DOOR_OPEN' },
    });
    t.sim.vehicle().setDoor('hood', 'CLOSED');
    t.sim.vehicle().setWindow('frontLeft', 'OPEN');
    expect((await v2Command(t.sim, t.vin, 'lock')).body).toMatchObject({
      data: { invokeStatus: 'COMPLETED' },
    });
  });

  it('unlocks for 120 s and relocks by itself when no door was opened', async () => {
    const unlock = await v2Command(t.sim, t.vin, 'unlock');
    expect(unlock.body).toEqual({
      data: {
        vin: t.vin,
        invokeStatus: 'COMPLETED',
        message: '',
        readyToUnlock: true,
        readyToUnlockUntil: Date.parse('2026-11-27T08:02:00.000Z'),
      },
    });
    await t.clock.advance(119_000);
    expect((await v2Doors()).centralLock?.value).toBe('UNLOCKED');
    await t.clock.advance(1_000);
    expect((await v2Doors()).centralLock).toEqual({
      value: 'LOCKED',
      timestamp: '2026-11-27T08:02:00.000Z',
    });
  });

  it('stays unlocked when a door is opened within the window', async () => {
    await v2Command(t.sim, t.vin, 'unlock');
    await t.clock.advance(30_000);
    await control(t.sim, `/vehicles/${t.vin}/doors/frontLeft`, { value: 'OPEN' });
    await control(t.sim, `/vehicles/${t.vin}/doors/frontLeft`, { value: 'CLOSED' });
    await t.clock.advance(10 * 60_000);
    expect((await v2Doors()).centralLock?.value).toBe('UNLOCKED');
  });

  it('answers CAR_IN_SLEEP_MODE for a sleeping car and reads its last known values', async () => {
    t.sim.vehicle().setDoor('tailgate', 'OPEN');
    t.sim.vehicle().setAsleep(true);
    expect((await v2Command(t.sim, t.vin, 'unlock')).body).toEqual({
      data: {
        vin: t.vin,
        invokeStatus: 'CAR_IN_SLEEP_MODE',
        message: expect.any(String),
        readyToUnlock: false,
      },
    });
    expect((await v2Doors()).tailgate?.value).toBe('OPEN');
    expect((await v2Get(t.sim, `/vehicles/${t.vin}/command-accessibility`)).body).toEqual({
      data: {
        availabilityStatus: {
          value: 'UNAVAILABLE',
          unavailableReason: 'CAR_IN_SLEEP_MODE',
          timestamp: '2026-11-27T08:00:00.000Z',
        },
      },
    });
    t.sim.vehicle().setAsleep(false);
    expect((await v2Get(t.sim, `/vehicles/${t.vin}/command-accessibility`)).body).toMatchObject({
      data: { availabilityStatus: { value: 'AVAILABLE' } },
    });
  });

  it('lists LOCK_REDUCED_GUARD only for the modern car; the classic car answers 404 to it', async () => {
    expect((await v2Get(t.sim, `/vehicles/${t.vin}/commands`)).body).toEqual({
      data: [
        { command: 'LOCK', href: `/connected-vehicle/v2/vehicles/${t.vin}/commands/lock` },
        { command: 'UNLOCK', href: `/connected-vehicle/v2/vehicles/${t.vin}/commands/unlock` },
        {
          command: 'LOCK_REDUCED_GUARD',
          href: `/connected-vehicle/v2/vehicles/${t.vin}/commands/lock-reduced-guard`,
        },
        {
          command: 'HONK_AND_FLASH',
          href: `/connected-vehicle/v2/vehicles/${t.vin}/commands/honk-flash`,
        },
        { command: 'HONK', href: `/connected-vehicle/v2/vehicles/${t.vin}/commands/honk` },
        { command: 'FLASH', href: `/connected-vehicle/v2/vehicles/${t.vin}/commands/flash` },
      ],
    });
    const classic = (await v2Get(t.sim, `/vehicles/${t.classicVin}/commands`)).body as {
      data: { command: string }[];
    };
    expect(classic.data.map((entry) => entry.command)).toEqual(['LOCK', 'UNLOCK']);
    expect((await v2Command(t.sim, t.vin, 'lock-reduced-guard')).body).toMatchObject({
      data: { invokeStatus: 'COMPLETED' },
    });
    const refused = await v2Command(t.sim, t.classicVin, 'lock-reduced-guard');
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ error: { message: 'NOT_FOUND' } });
  });
});

describe('v1 async commands', () => {
  it('steps WAITING -> RUNNING -> COMPLETED at async.href, and locks when it completes', async () => {
    t.sim.vehicle().setLock('UNLOCKED');
    const posted = await v1Command('lock');
    const { href, status } = (posted.body as { async: { href: string; status: string } }).async;
    expect(status).toBe('WAITING');
    expect(await followHref(href)).toBe('WAITING');
    await t.clock.advance(STEP);
    expect(await followHref(href)).toBe('RUNNING');
    expect((await v2Doors()).centralLock?.value).toBe('UNLOCKED');
    await t.clock.advance(STEP);
    expect(await followHref(href)).toBe('COMPLETED');
    expect((await v2Doors()).centralLock).toEqual({
      value: 'LOCKED',
      timestamp: '2026-11-27T08:00:03.000Z',
    });
  });

  it('ends UNABLE_TO_LOCK_DOOR_OPEN when a door is opened before the car acts', async () => {
    t.sim.vehicle().setLock('UNLOCKED');
    const { href } = ((await v1Command('lock')).body as { async: { href: string } }).async;
    await t.clock.advance(STEP);
    t.sim.vehicle().setDoor('frontRight', 'OPEN');
    await t.clock.advance(STEP);
    expect(await followHref(href)).toBe('UNABLE_TO_LOCK_DOOR_OPEN');
    expect((await v2Doors()).centralLock?.value).toBe('UNLOCKED');
  });

  it('unlocks for unlockDuration seconds and relocks when no door was opened', async () => {
    const { href } = (
      (await v1Command('unlock', '{"unlockDuration":30}')).body as {
        async: { href: string };
      }
    ).async;
    await t.clock.advance(2 * STEP);
    expect(await followHref(href)).toBe('COMPLETED');
    expect((await v2Doors()).centralLock?.value).toBe('UNLOCKED');
    await t.clock.advance(30_000);
    expect((await v2Doors()).centralLock).toEqual({
      value: 'LOCKED',
      timestamp: '2026-11-27T08:00:33.000Z',
    });
  });

  it('ends VEHICLE_IN_SLEEP for a sleeping car', async () => {
    t.sim.vehicle().setAsleep(true);
    const { href } = (
      (await v1Command('unlock', '{"unlockDuration":120}')).body as {
        async: { href: string };
      }
    ).async;
    await t.clock.advance(2 * STEP);
    expect(await followHref(href)).toBe('VEHICLE_IN_SLEEP');
    expect((await v2Doors()).centralLock?.value).toBe('LOCKED');
  });

  it('answers async.href for application/json and without accept, and 404 for an unknown id', async () => {
    const { href } = ((await v1Command('lock')).body as { async: { href: string } }).async;
    const headers = apiHeaders(t.sim, {});
    expect(
      (await call(t.sim, href, { headers: { ...headers, accept: 'application/json' } })).status,
    ).toBe(200);
    expect((await call(t.sim, href, { headers })).status).toBe(200);
    const unknown = await call(t.sim, `${href.slice(0, href.lastIndexOf('/'))}/no-such-id`, {
      headers,
    });
    expect(unknown.status).toBe(404);
    // The unlock href of a lock command is not the same resource.
    expect(
      (await call(t.sim, href.replace('/commands/lock/', '/commands/unlock/'), { headers })).status,
    ).toBe(404);
  });
});
