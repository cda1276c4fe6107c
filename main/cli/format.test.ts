import { describe, expect, it } from 'vitest';
import type { Reading, VehicleStatus } from '../../shared/vehicle';
import { formatStatus, readingAge } from './format';

const now = Date.parse('2026-11-27T08:00:00.000Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('readingAge', () => {
  it.each([
    [null, 'time unknown'],
    [ago(2_000), 'just now'],
    [ago(-60_000), 'just now'],
    [ago(42_000), 'just now'],
    [ago(50_000), '1 min ago'],
    [ago(5 * 60_000 + 10_000), '5 min ago'],
    [ago(3 * 3_600_000), '3 h ago'],
    [ago(3 * 86_400_000), '3 days ago'],
  ])('%s reads as "%s"', (timestamp, expected) => {
    expect(readingAge(timestamp, now)).toBe(expected);
  });
});

describe('formatStatus', () => {
  const closed = (timestamp = ago(60_000)): Reading<'CLOSED'> => ({ value: 'CLOSED', timestamp });
  const status: VehicleStatus = {
    vin: 'YV1XZK9V2PA000001',
    lock: { value: 'LOCKED', timestamp: ago(7_200_000) },
    doors: {
      frontLeft: closed(),
      frontRight: closed(),
      rearLeft: closed(),
      rearRight: closed(),
      hood: { value: 'UNKNOWN', timestamp: null, reported: 'HALF_OPEN' },
      tailgate: closed(),
    },
    windows: {
      frontLeft: { value: 'OPEN', timestamp: ago(30_000) },
      frontRight: closed(),
      rearLeft: closed(),
      rearRight: closed(),
    },
    fetchedAt: new Date(now).toISOString(),
  };

  it('summarises, then lists every part with state and age, leaving out parts the car lacks', () => {
    expect(formatStatus(status)).toEqual([
      'YV1XZK9V2PA000001: Locked; open: front left window; unknown: hood.',
      '',
      'Part                State                           Reported',
      'Lock                LOCKED                          2 h ago',
      'Front left door     CLOSED                          1 min ago',
      'Front right door    CLOSED                          1 min ago',
      'Rear left door      CLOSED                          1 min ago',
      'Rear right door     CLOSED                          1 min ago',
      'Hood                UNKNOWN (car said "HALF_OPEN")  time unknown',
      'Tailgate            CLOSED                          1 min ago',
      'Front left window   OPEN                            just now',
      'Front right window  CLOSED                          1 min ago',
      'Rear left window    CLOSED                          1 min ago',
      'Rear right window   CLOSED                          1 min ago',
      '',
      'Fetched 2026-11-27T08:00:00.000Z.',
    ]);
  });
});
