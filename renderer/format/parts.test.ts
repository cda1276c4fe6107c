import { describe, expect, it } from 'vitest';
import type { Doors, OpenState, Reading, Windows } from '../../shared/vehicle';
import { isOpen } from '../../shared/vehicle';
import { closedDoors, closedWindows } from '../../test-support/snapshots';
import { openPartNames, partReadings, reportedNote, stateWord } from './parts';

const at = '2026-11-27T08:00:00.000Z';
const r = (value: OpenState, reported?: string): Reading<OpenState> =>
  reported ? { value, timestamp: at, reported } : { value, timestamp: at };

const doors = (overrides: Partial<Doors> = {}): Doors => ({ ...closedDoors(), ...overrides });
const windows = (overrides: Partial<Windows> = {}): Windows => ({
  ...closedWindows(),
  ...overrides,
});

describe('parts', () => {
  it('lists doors then windows, with the tank lid and sunroof only where the car has them', () => {
    const without = partReadings({ doors: doors(), windows: windows() }).map((p) => p.label);
    expect(without).toEqual([
      'Front left door',
      'Front right door',
      'Rear left door',
      'Rear right door',
      'Hood',
      'Tailgate',
      'Front left window',
      'Front right window',
      'Rear left window',
      'Rear right window',
    ]);
    const withAll = partReadings({
      doors: doors({ tankLid: r('CLOSED') }),
      windows: windows({ sunroof: r('OPEN') }),
    }).map((p) => p.label);
    expect(withAll).toContain('Tank lid');
    expect(withAll.at(-1)).toBe('Sunroof');
  });

  it('shows nothing for a car it has not heard from', () => {
    expect(partReadings({ doors: null, windows: null })).toEqual([]);
  });

  it('names the open and ajar parts and not the closed or unknown ones', () => {
    const names = openPartNames({
      doors: doors({ rearLeft: r('OPEN'), hood: r('UNKNOWN', 'HALF_OPEN') }),
      windows: windows({ frontRight: r('AJAR') }),
    });
    expect(names).toEqual(['rear left door', 'front right window']);
  });

  it('never calls an unknown value closed, and shows what the car said', () => {
    expect(stateWord('UNKNOWN')).toBe('Unknown');
    expect(reportedNote('HALF_OPEN')).toBe('car said “HALF_OPEN”');
    expect(reportedNote(undefined)).toBeNull();
    expect(reportedNote('UNSPECIFIED')).toBe('not reported by the car');
    expect(stateWord('AJAR')).toBe('Ajar');
    expect(isOpen('UNKNOWN')).toBe(false);
    expect(isOpen('AJAR')).toBe(true);
  });
});
