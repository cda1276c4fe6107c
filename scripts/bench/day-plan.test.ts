import { expect, test } from 'vitest';
import { seededRandom } from '../../main/core/testing/seeded-random';
import { DAY, medianAndWorst, planCommutes, planDay, planLongParked } from './day-plan';

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

test('long-parked drives come after 3 to 24 hours parked, each the same on every run', () => {
  const first = planLongParked(VINS, 14, seededRandom(7));
  expect(planLongParked(VINS, 14, seededRandom(7))).toEqual(first);
  expect(first.length).toBeGreaterThan(20);
  for (const vin of VINS) {
    const drives = first.filter((episode) => episode.vin === vin);
    drives.forEach((episode, index) => {
      const parkedSince = index === 0 ? 0 : (drives[index - 1]?.lockAt ?? 0);
      expect(episode.unlockAt - parkedSince).toBeGreaterThanOrEqual(3 * 3_600_000);
      expect(episode.unlockAt - parkedSince).toBeLessThanOrEqual(24 * 3_600_000);
      expect(episode.unlockAt).toBeLessThan(episode.openAt);
      expect(episode.closeAt).toBeLessThan(episode.lockAt);
      expect(episode.lockAt).toBeLessThan(14 * DAY);
    });
  }
});

test('a commuting day has a morning and an evening drive per car', () => {
  const week = planCommutes(VINS, 5, seededRandom(7));
  expect(week).toHaveLength(5 * 2 * VINS.length);
  expect(planCommutes(VINS, 5, seededRandom(7))).toEqual(week);
});
