import { expect, test } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { memoryJsonStore } from './memory-ports';
import { createQuotaCounter, type QuotaState } from './quota-counter';

const KEY = 'demo-api-key-0123456789abcdef';
const OTHER_KEY = 'another-api-key-0123456789abcd';

test('counts requests per API key per UTC day, across restarts, and never stores the key', async () => {
  const clock = new FakeClock('2026-11-27T22:00:00Z');
  const store = memoryJsonStore<QuotaState>();
  const counter = createQuotaCounter(clock, store);
  counter.countFor(KEY);
  for (let i = 0; i < 3; i++) counter.record();
  counter.countFor(OTHER_KEY);
  counter.record();
  expect(counter.usedToday()).toBe(1);
  counter.flush();

  const restarted = createQuotaCounter(clock, store);
  restarted.countFor(KEY);
  expect(restarted.usedToday()).toBe(3);
  expect(new Date(restarted.resetsAt()).toISOString()).toBe('2026-11-28T00:00:00.000Z');
  expect(JSON.stringify(store.load())).not.toContain(KEY);

  await clock.advance(2 * 60 * 60_000);
  expect(restarted.usedToday()).toBe(0);
  restarted.record();
  expect(restarted.usedToday()).toBe(1);
  expect(store.load()?.day).toBe('2026-11-28');
});

test('nothing is counted without a key', () => {
  const counter = createQuotaCounter(new FakeClock(), memoryJsonStore<QuotaState>());
  counter.record();
  expect(counter.usedToday()).toBe(0);
});

test('the count is written at most once a minute, and all of it on flush', async () => {
  const clock = new FakeClock('2026-11-27T10:00:00Z');
  const store = memoryJsonStore<QuotaState>();
  let writes = 0;
  const counter = createQuotaCounter(clock, {
    load: () => store.load(),
    save(value) {
      writes++;
      store.save(value);
    },
  });
  counter.countFor(KEY);
  for (let i = 0; i < 50; i++) {
    counter.record();
    await clock.advance(1000);
  }
  expect(writes).toBe(1);
  await clock.advance(10_000);
  counter.record();
  expect(writes).toBe(2);
  counter.record();
  counter.flush();
  counter.flush();
  expect(writes).toBe(3);

  const restarted = createQuotaCounter(clock, store);
  restarted.countFor(KEY);
  expect(restarted.usedToday()).toBe(52);
});

test('the wall clock stepping back over midnight keeps the count; the next midnight resets it', async () => {
  const clock = new FakeClock('2026-11-28T00:10:00Z');
  const counter = createQuotaCounter(clock, memoryJsonStore<QuotaState>());
  counter.countFor(KEY);
  for (let i = 0; i < 5; i++) counter.record();
  // NTP corrects a clock that ran 20 minutes ahead.
  clock.jump(-20 * 60_000);
  expect(counter.usedToday()).toBe(5);
  counter.record();
  expect(counter.usedToday()).toBe(6);
  expect(new Date(counter.resetsAt()).toISOString()).toBe('2026-11-28T00:00:00.000Z');
  await clock.advance(10 * 60_000);
  expect(counter.usedToday()).toBe(0);
});

test('a far jump forward starts a new day', () => {
  const clock = new FakeClock('2026-11-27T10:00:00Z');
  const store = memoryJsonStore<QuotaState>();
  const counter = createQuotaCounter(clock, store);
  counter.countFor(KEY);
  counter.record();
  clock.jump(6 * 24 * 60 * 60_000);
  expect(counter.usedToday()).toBe(0);
  counter.record();
  expect(counter.usedToday()).toBe(1);
  expect(store.load()).toEqual({ day: '2026-12-03', counts: expect.any(Object) });
});
