import { describe, expect, it } from 'vitest';
import type { VehicleView } from '../../shared/snapshot';
import type { OpenState, Reading } from '../../shared/vehicle';
import { vehicleView } from '../../test-support/snapshots';
import { carLabel, carUpdatedAt, freshnessBadge, stateView, updatedLine } from './summary';

const now = Date.parse('2026-11-27T08:10:00.000Z');
/** That day at a local clock time: the popover speaks the person's time zone, whichever it is. */
const localTime = (hours: number, minutes: number) =>
  new Date(2026, 10, 27, hours, minutes).toISOString();
const r = (value: OpenState, timestamp = '2026-11-27T08:00:00.000Z'): Reading<OpenState> => ({
  value,
  timestamp,
});

/** The shell tests' car, named as the demo names it, with its lock read at 08:07. */
function vehicle(overrides: Partial<VehicleView> = {}): VehicleView {
  return vehicleView({
    name: 'Volvo 2023 · 000001',
    lock: { value: 'LOCKED', timestamp: '2026-11-27T08:07:00.000Z' },
    fetchedAt: '2026-11-27T08:09:00.000Z',
    ...overrides,
  });
}

describe('stateView', () => {
  it('says Locked in the safe colour when all is closed', () => {
    expect(stateView(vehicle())).toEqual({
      word: 'Locked',
      tone: 'safe',
      detail: 'Everything closed',
    });
  });

  it('names what is open', () => {
    const base = vehicle();
    const open = vehicle({
      summary: 'open',
      doors: base.doors && { ...base.doors, rearLeft: r('OPEN') },
    });
    expect(stateView(open)).toEqual({
      word: 'Something is open',
      tone: 'alert',
      detail: 'Rear left door open',
    });
  });

  it('says Unlocked in the warning colour', () => {
    expect(stateView(vehicle({ summary: 'unlocked' }))).toMatchObject({
      word: 'Unlocked',
      tone: 'warn',
      detail: 'Everything closed',
    });
  });

  it('says Unknown, with what the car reported, rather than guessing', () => {
    const unknown = vehicle({
      summary: 'unknown',
      lock: { value: 'UNKNOWN', timestamp: null, reported: 'SECURED' },
    });
    expect(stateView(unknown)).toEqual({
      word: 'Unknown',
      tone: 'unknown',
      detail: 'The car reported its lock as “SECURED”',
    });
    expect(stateView(vehicle({ summary: 'unknown', lock: null })).detail).toBe(
      'Waiting for the car',
    );
  });
});

describe('stateView with parts the car did not say are closed', () => {
  const base = vehicle();
  const unknownWindow = (overrides: Partial<VehicleView>) =>
    vehicle({
      windows: base.windows && {
        ...base.windows,
        frontLeft: { value: 'UNKNOWN', timestamp: null, reported: 'HALF_OPEN' },
      },
      ...overrides,
    });

  it('never says Everything closed when a part is unknown', () => {
    expect(stateView(unknownWindow({})).detail).toBe('Locked, but front left window unknown');
    expect(stateView(unknownWindow({ summary: 'unlocked' })).detail).toBe(
      'Front left window unknown',
    );
    const openToo = unknownWindow({
      summary: 'open',
      doors: base.doors && { ...base.doors, hood: r('OPEN') },
    });
    expect(stateView(openToo).detail).toBe('Hood open; front left window unknown');
  });

  it('says so when the windows could not be read at all', () => {
    expect(stateView(vehicle({ windows: null })).detail).toBe('Locked, but windows unknown');
  });
});

describe('updatedLine', () => {
  it('uses the newest of the car’s own timestamps, not when we fetched', () => {
    expect(carUpdatedAt(vehicle())).toBe('2026-11-27T08:07:00.000Z');
    expect(updatedLine(vehicle(), now)).toBe('Updated 3 min ago');
  });

  it('falls back to when we checked, then to nothing', () => {
    const noTimes = vehicle({ lock: null, doors: null, windows: null });
    expect(updatedLine(noTimes, now)).toBe('Checked 1 min ago');
    expect(updatedLine({ ...noTimes, fetchedAt: null }, now)).toBe('Not updated yet');
  });
});

describe('freshnessBadge', () => {
  it('shows no badge for live data', () => {
    expect(freshnessBadge({ state: 'live' }, now)).toBeNull();
  });

  it('marks stale data with the reason and says the last known state is shown', () => {
    expect(
      freshnessBadge(
        { state: 'stale', since: '2026-11-27T08:05:00.000Z', reason: 'Volvo answered 503' },
        now,
      ),
    ).toEqual({
      label: 'Stale',
      explanation: 'Volvo answered 503. Showing the last known state.',
    });
    expect(freshnessBadge({ state: 'offline', since: localTime(8, 5) }, now)).toEqual({
      label: 'Offline',
      explanation: 'No network since 08:05. Showing the last known state.',
    });
  });
});

describe('carLabel', () => {
  it('does not repeat the VIN tail the name already has', () => {
    expect(carLabel(vehicle())).toBe('Volvo 2023 · 000001');
    expect(carLabel({ name: 'XC40', vin: 'YV1XZK9V2PA000001' })).toBe('XC40 · 000001');
  });
});
