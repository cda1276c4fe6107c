import { describe, expect, test } from 'vitest';
import type { Doors, Windows } from '../../../shared/vehicle';
import { defaultSettings } from '../settings';
import { FakeClock } from '../testing/fake-clock';
import { createPollBudget } from './poll-budget';
import type { AttentionInput } from './poll-plan';
import { projectedRequests, stretchFor } from './poll-projection';
import type { QuotaCounter } from './quota-counter';

const closed = { value: 'CLOSED' as const, timestamp: null };
const doors: Doors = {
  frontLeft: closed,
  frontRight: closed,
  rearLeft: closed,
  rearRight: closed,
  hood: closed,
  tailgate: closed,
};
const windows: Windows = {
  frontLeft: closed,
  frontRight: closed,
  rearLeft: closed,
  rearRight: closed,
};
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 00:30 UTC: 23.5 hours before the quota resets, the hours a worst-case projection failed in. */
const EARLY = Date.UTC(2026, 11, 5, 0, 30);
const MIDNIGHT = Date.UTC(2026, 11, 6);
const polling = defaultSettings.polling;
const parked: AttentionInput = {
  lock: { value: 'LOCKED', timestamp: null },
  doors,
  windows,
  attentionUntil: null,
  changedAt: EARLY - 10 * MINUTE,
  windowsAt: EARLY - 10 * MINUTE,
};
const unlocked: AttentionInput = { ...parked, lock: { value: 'UNLOCKED', timestamp: null } };

function budgetWith(
  cars: AttentionInput[],
  used: number,
  dailyBudget: number,
  popoverOpen = false,
) {
  const quota: QuotaCounter = {
    countFor() {},
    record() {},
    usedToday: () => used,
    resetsAt: () => MIDNIGHT,
    flush() {},
  };
  return createPollBudget({
    clock: new FakeClock(EARLY),
    quota,
    polling: () => ({ ...polling, dailyBudget }),
    popoverOpen: () => popoverOpen,
    watched: () => new Map(cars.map((car, i) => [`VIN${i}`, car])),
  });
}

describe('the day projected as polling will run it', () => {
  test('an open popover counts for the hour ahead, not for the rest of the day', () => {
    const open = projectedRequests({
      vehicle: parked,
      popoverOpen: true,
      polling,
      now: EARLY,
      until: MIDNIGHT,
    });
    // An hour at one check a minute, then the parked ramp: far from 23.5 h at the fast rate.
    expect(open).toBeGreaterThan(2 * 60);
    expect(open).toBeLessThan(2 * (60 + 23.5 * 6 + 40));
    expect(open).toBeLessThan((2 * 23.5 * HOUR) / MINUTE / 3);
  });

  test('an unlocked car is projected to stay unlocked: fast checks all day', () => {
    const allDay = projectedRequests({
      vehicle: unlocked,
      popoverOpen: false,
      polling,
      now: EARLY,
      until: MIDNIGHT,
    });
    expect(allDay).toBe(2 * Math.ceil((23.5 * HOUR) / (polling.fastSeconds * 1000)));
  });

  test('a parked car costs what the parked ramp spends', () => {
    const parkedDay = projectedRequests({
      vehicle: parked,
      popoverOpen: false,
      polling,
      now: EARLY,
      until: MIDNIGHT,
    });
    expect(parkedDay).toBeLessThanOrEqual(
      2 * Math.ceil((23.5 * HOUR) / (polling.slowSeconds * 1000)) + 2 * 40,
    );
  });

  test('the first demo run after midnight is not stretched: two cars, the popover open, 7 used', () => {
    const budget = budgetWith([parked, unlocked], 7, 5000, true);
    expect(budget.stretch()).toBe(1);
    expect(budget.intervalMs('VIN0')).toBe(polling.fastSeconds * 1000);
  });

  test('four cars watched with 8,000 of a 9,000 budget used are stretched; with 1,000 used, not', () => {
    const cars = [parked, parked, parked, parked];
    const late = budgetWith(cars, 8000, 9000, true);
    expect(late.stretch()).toBeGreaterThan(1.05);
    expect(late.intervalMs('VIN0')).toBeGreaterThan(polling.fastSeconds * 1000);
    const early = budgetWith(cars, 1000, 9000, true);
    expect(early.stretch()).toBe(1);
  });

  test('stretching makes the projection fit, and nothing left means stop', () => {
    expect(stretchFor(1000, 2000)).toBe(1);
    expect(stretchFor(2000, 1100)).toBeCloseTo(2, 5);
    expect(stretchFor(10, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});
