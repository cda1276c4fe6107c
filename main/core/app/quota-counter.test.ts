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
