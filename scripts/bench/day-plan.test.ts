import { expect, test } from 'vitest';
import { seededRandom } from '../../main/core/testing/seeded-random';
import { DAY, medianAndWorst, planDay } from './day-plan';

const VINS = ['YV1XZK9V2PA000001', 'YV4A22PL3N1000002'];

test('the busy day is the same on every run, within the day, with both kinds of openings', () => {
  const first = planDay(VINS, seededRandom(7));
  expect(planDay(VINS, seededRandom(7))).toEqual(first);
  expect(planDay(VINS, seededRandom(8))).not.toEqual(first);
  expect(first.length).toBeGreaterThan(20);
  expect(new Set(first.map((episode) => episode.kind))).toEqual(new Set(['unlocked', 'at-unlock']));
  for (const episode of first) {
    expect(episode.unlockAt).toBeLessThan(episode.openAt);
    expect(episode.openAt).toBeLessThan(episode.closeAt);
    expect(episode.closeAt).toBeLessThan(episode.lockAt);
    expect(episode.lockAt).toBeLessThan(DAY);
  }
});

test('median and worst', () => {
  expect(medianAndWorst([30, 10, 20])).toEqual({ median: 20, worst: 30 });
  expect(medianAndWorst([40, 10, 20, 30])).toEqual({ median: 25, worst: 40 });
  expect(Number.isNaN(medianAndWorst([]).median)).toBe(true);
});
