import { expect, test } from 'vitest';
import { MAX_TIMER_MS, systemClock, timerDelay } from './ports';
import { FakeClock } from './testing/fake-clock';

test('a wait longer than Node can time is capped, not fired at once', async () => {
  let fired = false;
  const handle = systemClock.setTimeout(() => {
    fired = true;
  }, 2 ** 40);
  await new Promise((resolve) => setTimeout(resolve, 20));
  systemClock.clearTimeout(handle);
  expect(fired).toBe(false);
});

test('timer delays: capped at the longest Node allows, never negative, NaN as none', () => {
  expect(timerDelay(2 ** 40)).toBe(MAX_TIMER_MS);
  expect(timerDelay(Number.POSITIVE_INFINITY)).toBe(MAX_TIMER_MS);
  expect(timerDelay(-5)).toBe(0);
  expect(timerDelay(Number.NaN)).toBe(0);
  expect(timerDelay(1500)).toBe(1500);
});

test('the FakeClock: a wall-clock jump keeps what each timer has left to wait', async () => {
  const clock = new FakeClock(0);
  const fired: number[] = [];
  clock.setTimeout(() => fired.push(clock.now()), 60_000);
  clock.jump(-3_600_000);
  await clock.advance(59_999);
  expect(fired).toEqual([]);
  await clock.advance(1);
  expect(fired).toEqual([-3_540_000]);
});
