import { describe, expect, it } from 'vitest';
import type { VehicleView } from '../../shared/snapshot';
import type { OpenState, Reading } from '../../shared/vehicle';
import { DEFAULT_CLOCK_STYLE } from '../../shared/words/time';
import { vehicleView } from '../../test-support/snapshots';
import { carUpdatedAt, freshnessBadge, stateView, updatedLine } from './summary';

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
      open: null,
      tone: 'safe',
      detail: 'Everything closed',
    });
  });

  it("keeps the lock in the headline when something is open, in amber: red is the alert's", () => {
    const base = vehicle();
    const open = vehicle({
      summary: 'open',
      doors: base.doors && { ...base.doors, rearLeft: r('OPEN') },
    });
    expect(stateView(open)).toEqual({
      word: 'Locked',
      open: 'rear left door open',
      tone: 'warn',
      detail: null,
    });
    const unlockedOpen = vehicle({
      summary: 'open',
      lock: { value: 'UNLOCKED', timestamp: null },
      windows: base.windows && { ...base.windows, rearLeft: r('OPEN') },
    });
    expect(stateView(unlockedOpen)).toMatchObject({
      word: 'Unlocked',
      open: 'rear left window open',
    });
  });

  it('says Unlocked in the warning colour', () => {
    expect(
      stateView(vehicle({ summary: 'unlocked', lock: { value: 'UNLOCKED', timestamp: null } })),
    ).toEqual({ word: 'Unlocked', open: null, tone: 'warn', detail: 'Everything closed' });
  });

  it('says Unknown, with what the car reported, rather than guessing', () => {
    const unknown = vehicle({
      summary: 'unknown',
      lock: { value: 'UNKNOWN', timestamp: null, reported: 'SECURED' },
    });
    expect(stateView(unknown)).toEqual({
      word: 'Unknown',
      open: null,
      tone: 'unknown',
      detail: 'The car reported its lock as “SECURED”',
    });
    expect(stateView(vehicle({ summary: 'unknown', lock: null })).detail).toBe(
      'Waiting for the car',
    );
  });

  it('says a lock the car does not report is not reported', () => {
    const unspecified = vehicle({
      summary: 'unknown',
      lock: { value: 'UNKNOWN', timestamp: null, reported: 'UNSPECIFIED' },
    });
    expect(stateView(unspecified)).toMatchObject({
      word: 'Lock not reported',
      detail: 'This car does not report its lock state',
    });
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
    expect(stateView(unknownWindow({}))).toMatchObject({
      open: 'front left window unknown',
      detail: null,
    });
    const openToo = unknownWindow({
      summary: 'open',
      doors: base.doors && { ...base.doors, hood: r('OPEN') },
    });
    expect(stateView(openToo).open).toBe('hood open; front left window unknown');
  });

  it('a locked car with a part it does not report is grey, as the tray shows it, not green', () => {
    const hoodNotReported = vehicle({
      summary: 'unknown',
      doors: base.doors && {
        ...base.doors,
        hood: { value: 'UNKNOWN', timestamp: null, reported: 'UNSPECIFIED' },
      },
    });
    expect(stateView(hoodNotReported)).toEqual({
      word: 'Locked',
      open: 'hood unknown',
      tone: 'unknown',
      detail: null,
    });
  });

  it('says so when the windows could not be read at all', () => {
    expect(stateView(vehicle({ windows: null })).open).toBe('windows unknown');
  });
});

describe('updatedLine', () => {
  it("says when volvo-tray last checked, apart from the car's own report", () => {
    expect(carUpdatedAt(vehicle())).toBe('2026-11-27T08:07:00.000Z');
    expect(updatedLine(vehicle(), now)).toBe('Checked 1 min ago');
  });

  it("adds how old the car's report is only when it is old (a car asleep uploads nothing)", () => {
    const asleep = vehicle({ lock: { value: 'LOCKED', timestamp: '2026-11-27T05:00:00.000Z' } });
    const base = vehicle();
    const allOld = {
      ...asleep,
      doors: base.doors && {
        frontLeft: r('CLOSED', '2026-11-27T05:00:00.000Z'),
      },
      windows: null,
    };
    expect(updatedLine(allOld, now)).toBe('Checked 1 min ago · the car last reported 3 h ago');
    // The same line when the caller found the car's report once for many times.
    expect(updatedLine(allOld, now, carUpdatedAt(allOld))).toBe(updatedLine(allOld, now));
  });

  it('says when nothing was checked yet', () => {
    expect(updatedLine(vehicle({ fetchedAt: null }), now)).toBe('Not checked yet');
  });
});

describe('freshnessBadge', () => {
  it('shows no badge for live data', () => {
    expect(freshnessBadge({ state: 'live' }, now, DEFAULT_CLOCK_STYLE)).toBeNull();
  });

  it('marks stale data with the reason and says the last known state is shown', () => {
    expect(
      freshnessBadge(
        { state: 'stale', since: '2026-11-27T08:05:00.000Z', reason: 'Volvo answered 503' },
        now,
        DEFAULT_CLOCK_STYLE,
      ),
    ).toEqual({
      label: 'Stale',
      explanation: 'Volvo answered 503. Showing the last known state.',
    });
    expect(
      freshnessBadge({ state: 'offline', since: localTime(8, 5) }, now, DEFAULT_CLOCK_STYLE),
    ).toEqual({
      label: 'Offline',
      explanation: 'No network since 08:05. Showing the last known state.',
    });
    // On a 12-hour computer, the time as it writes it.
    const us = freshnessBadge({ state: 'offline', since: localTime(8, 5) }, now, {
      locale: 'en-US',
      hour12: null,
    });
    expect(us?.explanation.replace(/\s/g, ' ')).toBe(
      'No network since 8:05 AM. Showing the last known state.',
    );
  });
});
