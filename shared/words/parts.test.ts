import { describe, expect, it } from 'vitest';
import { DOOR_NAMES, WINDOW_NAMES } from '../vehicle';
import {
  capitalize,
  doorLabel,
  doorName,
  joinWithAnd,
  partsInWords,
  windowLabel,
  windowName,
} from './parts';

describe('part names', () => {
  it('gives every door and window its own name, never the wire name', () => {
    const names = [...DOOR_NAMES.map(doorName), ...WINDOW_NAMES.map(windowName)];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+( [a-z]+)*$/);
    expect(doorName('tankLid')).toBe('tank lid');
    expect(windowName('rearLeft')).toBe('rear left window');
  });

  it('writes a label with a capital and running text without', () => {
    expect(doorLabel('rearLeft')).toBe('Rear left door');
    expect(doorLabel('hood')).toBe('Hood');
    expect(windowLabel('sunroof')).toBe('Sunroof');
    expect(capitalize('tailgate left open')).toBe('Tailgate left open');
  });

  it('lists parts as a sentence speaks of them', () => {
    expect(partsInWords([doorName('rearLeft')])).toBe('the rear left door');
    expect(partsInWords([doorName('rearLeft'), doorName('hood')])).toBe(
      'the rear left door and the hood',
    );
    expect(partsInWords(['hood', 'tailgate', 'sunroof'])).toBe(
      'the hood, the tailgate and the sunroof',
    );
  });

  it('joins a short list with "and"', () => {
    expect(joinWithAnd([])).toBe('');
    expect(joinWithAnd(['hood'])).toBe('hood');
    expect(joinWithAnd(['rear left door', 'hood'])).toBe('rear left door and hood');
    expect(joinWithAnd(['hood', 'tailgate', 'sunroof'])).toBe('hood, tailgate and sunroof');
  });
});
