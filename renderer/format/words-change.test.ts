import { describe, expect, it } from 'vitest';
import { formatAge, formatCountdown, formatSince } from '../../shared/words/time';
import { LOOK_AHEAD_MS, nextWordsChange, PRECISION_MS } from './words-change';

const T = Date.UTC(2026, 10, 27, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The change is found at its moment, never before it, and at most PRECISION_MS after it. */
function expectAt(found: number | null, moment: number): void {
  expect(found).not.toBeNull();
  expect(found).toBeGreaterThanOrEqual(moment);
  expect(found).toBeLessThanOrEqual(moment + PRECISION_MS);
}

describe('when a label of time next reads differently', () => {
  it('"Checked just now" becomes "1 min ago" at 45 s, then each minute at the half minute', () => {
    const checked = (now: number) => `Checked ${formatAge(iso(T), now)}`;
    expectAt(nextWordsChange(checked, T), T + 45 * SECOND);
    expect(checked(T + 45 * SECOND + PRECISION_MS)).toBe('Checked 1 min ago');
    expectAt(nextWordsChange(checked, T + 3 * MINUTE), T + 3.5 * MINUTE);
  });

  it('an age in hours changes on the hour, not every minute', () => {
    const age = (now: number) => formatAge(iso(T), now);
    expectAt(nextWordsChange(age, T + 2 * HOUR + 10 * MINUTE), T + 3 * HOUR);
  });

  it('a countdown changes on each of its seconds', () => {
    const until = iso(T + 114_300);
    const countdown = (now: number) => formatCountdown(until, now);
    expect(countdown(T)).toBe('1:55');
    expectAt(nextWordsChange(countdown, T), T + 300);
    expectAt(nextWordsChange(countdown, T + 300), T + 1300);
  });

  it('"since 21:10" changes at local midnight, when it becomes "since yesterday 21:10"', () => {
    const evening = new Date(T);
    evening.setHours(21, 10, 0, 0);
    const midnight = new Date(evening);
    midnight.setDate(midnight.getDate() + 1);
    midnight.setHours(0, 0, 0, 0);
    const since = (now: number) => formatSince(evening.toISOString(), now);
    expectAt(nextWordsChange(since, evening.getTime() + HOUR), midnight.getTime());
    expect(since(midnight.getTime() + PRECISION_MS)).toMatch(/^since yesterday /);
  });

  it('words with no time in them never need a new look', () => {
    expect(nextWordsChange(() => 'Tip: Ctrl+Alt+L locks the car from anywhere.', T)).toBeNull();
    const lateChange = (now: number) => (now < T + LOOK_AHEAD_MS * 2 ? 'a' : 'b');
    expect(nextWordsChange(lateChange, T)).toBeNull();
  });
});
