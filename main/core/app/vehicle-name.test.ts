import { expect, test } from 'vitest';
import { durationInWords } from '../../../shared/words/time';
import { nextUtcMidnight } from './time-words';
import { vehicleName } from './vehicle-name';

test('a display name from the VIN: make, model year, last six characters', () => {
  expect(vehicleName('YV1XZK9V2PA000001')).toBe('Volvo 2023 · 000001');
  expect(vehicleName('yv4a22pl3n1000002')).toBe('Volvo 2022 · 000002');
  expect(vehicleName('YV1XZK9V281000003')).toBe('Volvo · 000003');
  expect(vehicleName('WVWZZZ1JZXW000004')).toBe('000004');
});

test('durations and the quota day in words', () => {
  expect(durationInWords(45_000)).toBe('45 s');
  expect(durationInWords(12 * 60_000)).toBe('12 min');
  expect(durationInWords(3.5 * 3600_000)).toBe('3 h 30 min');
  expect(new Date(nextUtcMidnight(Date.UTC(2026, 11, 31, 23, 59))).toISOString()).toBe(
    '2027-01-01T00:00:00.000Z',
  );
});
