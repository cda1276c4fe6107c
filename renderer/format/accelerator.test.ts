import { describe, expect, it } from 'vitest';
import {
  describeAccelerator,
  describeAcceleratorsIn,
  type KeyPress,
  recordKey,
} from './accelerator';

const press = (code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('recordKey', () => {
  it('records Ctrl+Alt+L as the cross-platform accelerator', () => {
    expect(recordKey(press('KeyL', { ctrlKey: true, altKey: true }), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+Alt+L',
    });
    expect(recordKey(press('KeyL', { metaKey: true, shiftKey: true }), true)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+Shift+L',
    });
  });

  it('keeps listening while only modifiers are held', () => {
    expect(recordKey(press('ControlLeft', { ctrlKey: true }), false)).toEqual({
      kind: 'incomplete',
    });
    expect(recordKey(press('ShiftRight', { shiftKey: true }), true)).toEqual({
      kind: 'incomplete',
    });
  });

  it('refuses a plain letter or Shift+letter, which would take over typing', () => {
    const plain = recordKey(press('KeyL'), false);
    expect(plain.kind).toBe('invalid');
    expect(recordKey(press('KeyL', { shiftKey: true }), false).kind).toBe('invalid');
  });

  it('allows a function key alone and maps arrows, digits and the numpad', () => {
    expect(recordKey(press('F9'), false)).toEqual({ kind: 'accelerator', accelerator: 'F9' });
    expect(recordKey(press('ArrowUp', { altKey: true }), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'Alt+Up',
    });
    expect(recordKey(press('Digit7', { ctrlKey: true }), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+7',
    });
    expect(recordKey(press('Numpad3', { ctrlKey: true }), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+num3',
    });
  });

  it('refuses keys an accelerator cannot name', () => {
    expect(recordKey(press('IntlBackslash', { ctrlKey: true }), false)).toEqual({
      kind: 'invalid',
      reason: 'That key cannot be used in a shortcut.',
    });
  });
});

describe('describeAccelerator', () => {
  it('writes the accelerator the way the platform names its keys', () => {
    expect(describeAccelerator('CommandOrControl+Alt+L', false)).toBe('Ctrl+Alt+L');
    expect(describeAccelerator('CommandOrControl+Alt+L', true)).toBe('Cmd+Option+L');
    expect(describeAccelerator('', false)).toBe('None');
  });
});

describe('describeAcceleratorsIn', () => {
  it('puts the accelerators in a sentence from the core into words', () => {
    const sentence =
      'Could not use CommandOrControl+Alt+K as the lock shortcut: CommandOrControl+Alt+K is already used by another app. CommandOrControl+Alt+L still locks the car.';
    expect(
      describeAcceleratorsIn(sentence, ['CommandOrControl+Alt+K', 'CommandOrControl+Alt+L'], true),
    ).toBe(
      'Could not use Cmd+Option+K as the lock shortcut: Cmd+Option+K is already used by another app. Cmd+Option+L still locks the car.',
    );
  });

  it('replaces a longer accelerator whole, not the shorter one inside it', () => {
    expect(describeAcceleratorsIn('Alt+K and Shift+Alt+K', ['Alt+K', 'Shift+Alt+K'], true)).toBe(
      'Option+K and Shift+Option+K',
    );
  });

  it('leaves a sentence without them, or an empty accelerator, alone', () => {
    expect(describeAcceleratorsIn('Global shortcuts are not supported.', ['', 'F9'], false)).toBe(
      'Global shortcuts are not supported.',
    );
  });
});
