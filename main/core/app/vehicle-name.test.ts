import { expect, test } from 'vitest';
import { durationInWords } from '../../../shared/words/time';
import { nextUtcMidnight } from './time-words';
import { vehicleDescription, vehicleName } from './vehicle-name';

const XC90 = { model: 'XC90', modelYear: 2019, colour: 'Passion Red Solid' };

test('a display name from the VIN alone: make, model year, last six characters', () => {
  expect(vehicleName('YV1XZK9V2PA000001')).toBe('Volvo 2023 · 000001');
  expect(vehicleName('yv4a22pl3n1000002')).toBe('Volvo 2022 · 000002');
  expect(vehicleName('YV1XZK9V281000003')).toBe('Volvo · 000003');
  expect(vehicleName('WVWZZZ1JZXW000004')).toBe('000004');
});

test('the model Volvo reports names the car; the person’s own name wins over both', () => {
  expect(vehicleName('YV1XZK9V2PA000001', XC90)).toBe('XC90 2019 · 000001');
  // No model year in the answer: the VIN's.
  expect(vehicleName('YV1XZK9V2PA000001', { ...XC90, modelYear: null })).toBe('XC90 2023 · 000001');
  // No model: the VIN's name, whatever else Volvo said.
  expect(vehicleName('YV1XZK9V2PA000001', { ...XC90, model: null })).toBe('Volvo 2019 · 000001');
  expect(vehicleName('YV1XZK9V2PA000001', XC90, '  Anna’s car ')).toBe('Anna’s car');
  expect(vehicleName('YV1XZK9V2PA000001', XC90, '   ')).toBe('XC90 2019 · 000001');
});

test('what Volvo says the car is, in one line, leaving out what it did not say', () => {
  expect(vehicleDescription(XC90)).toBe('XC90 · 2019 · Passion Red Solid');
  expect(vehicleDescription({ model: 'EX30', modelYear: 2024, colour: null })).toBe('EX30 · 2024');
  expect(vehicleDescription({ model: null, modelYear: null, colour: null })).toBeNull();
  expect(vehicleDescription(null)).toBeNull();
});

test('durations and the quota day in words', () => {
  expect(durationInWords(45_000)).toBe('45 s');
  expect(durationInWords(12 * 60_000)).toBe('12 min');
  expect(durationInWords(3.5 * 3600_000)).toBe('3 h 30 min');
  expect(new Date(nextUtcMidnight(Date.UTC(2026, 11, 31, 23, 59))).toISOString()).toBe(
    '2027-01-01T00:00:00.000Z',
  );
});
