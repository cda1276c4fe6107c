import { describe, expect, test } from 'vitest';
import type { Doors, Windows } from '../../../shared/vehicle';
import { defaultSettings } from '../settings';
import {
  attentionReason,
  baseIntervalMs,
  parkedIntervalMs,
  requestsPerCheck,
  SETTLE_MS,
  WINDOWS_MAX_AGE_MS,
  windowsDue,
} from './poll-plan';

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
const locked = { value: 'LOCKED' as const, timestamp: null };
const parked = {
  lock: locked,
  doors,
  windows,
  attentionUntil: null,
  changedAt: null,
  windowsAt: null,
};
const DAY = 24 * 60 * 60_000;
/** A fixed instant: the plan never depends on the wall clock. */
const NOW = Date.UTC(2026, 0, 15, 0, 30);

describe('poll plan', () => {
  test('a locked, closed car is polled slowly; anything needing attention polls fast', () => {
    const now = NOW;
    const polling = defaultSettings.polling;
    expect(baseIntervalMs(parked, false, polling, now)).toBe(300_000);
    expect(baseIntervalMs(parked, true, polling, now)).toBe(60_000);
    expect(attentionReason({ ...parked, lock: { value: 'UNLOCKED', timestamp: null } }, now)).toBe(
      'not locked',
    );
    expect(attentionReason({ ...parked, lock: { value: 'UNKNOWN', timestamp: null } }, now)).toBe(
      'not locked',
    );
    expect(
      attentionReason(
        { ...parked, doors: { ...doors, tailgate: { value: 'AJAR', timestamp: null } } },
        now,
      ),
    ).toBe('door open');
    expect(
      attentionReason(
        { ...parked, windows: { ...windows, sunroof: { value: 'OPEN', timestamp: null } } },
        now,
      ),
    ).toBe('window open');
    expect(attentionReason({ ...parked, attentionUntil: now + 1 }, now)).toBe('command sent');
    expect(attentionReason({ ...parked, doors: null }, now)).toBe('no reading yet');
    expect(attentionReason(parked, now)).toBeNull();
  });

  test('a car just parked is checked at the fast interval, spreading out to the slow one', () => {
    const polling = defaultSettings.polling;
    const now = Date.UTC(2026, 10, 27, 12);
    const minute = 60_000;
    expect(parkedIntervalMs(null, polling, now)).toBe(300_000);
    expect(parkedIntervalMs(now, polling, now)).toBe(60_000);
    expect(parkedIntervalMs(now - 5 * minute, polling, now)).toBe(100_000);
    expect(parkedIntervalMs(now - 20 * minute, polling, now)).toBe(200_000);
    expect(parkedIntervalMs(now - SETTLE_MS, polling, now)).toBe(300_000);
    expect(parkedIntervalMs(now - 2 * SETTLE_MS, polling, now)).toBe(300_000);
    // A change noted "later" than now (the computer's clock was set back) is just a change.
    expect(parkedIntervalMs(now + minute, polling, now)).toBe(60_000);
    expect(baseIntervalMs({ ...parked, changedAt: now - 20 * minute }, false, polling, now)).toBe(
      200_000,
    );
  });

  test('with the default settings a parked day is checked every 5 minutes for at most 300 requests', () => {
    const now = NOW;
    const interval = baseIntervalMs(parked, false, defaultSettings.polling, now);
    expect(interval).toBe(5 * 60_000);
    expect((DAY / interval) * requestsPerCheck(parked, interval, now)).toBeLessThanOrEqual(300);
  });

  test('a locked, closed car is checked with doors alone while its windows are recent', () => {
    const now = Date.UTC(2026, 10, 27, 12);
    const read = (windowsAt: number) => ({ ...parked, windowsAt });
    expect(windowsDue(parked, now)).toBe(true);
    expect(windowsDue(read(now - 60_000), now)).toBe(false);
    expect(windowsDue(read(now - WINDOWS_MAX_AGE_MS), now)).toBe(true);
    expect(windowsDue(read(now + 60_000), now)).toBe(true);
    const unlocked = { ...read(now), lock: { value: 'UNLOCKED' as const, timestamp: null } };
    expect(windowsDue(unlocked, now)).toBe(true);
    expect(requestsPerCheck(unlocked, 60_000, now)).toBe(2);
  });
});
