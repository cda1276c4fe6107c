import { expect, test } from 'vitest';
import { chordOf, isModifier, keyInWords } from './accelerator';

test('aliases and order do not change the chord', () => {
  expect(chordOf('Ctrl+Alt+L')).toBe(chordOf('Alt+Control+l'));
  expect(chordOf('CmdOrCtrl+Option+K')).toBe(chordOf('CommandOrControl+Alt+K'));
  expect(chordOf('Meta+L')).toBe(chordOf('Super+L'));
  expect(chordOf('Ctrl+L')).not.toBe(chordOf('CommandOrControl+L'));
});

test('each modifier is named as the keyboard in front of the person says it', () => {
  expect(keyInWords('CommandOrControl', true)).toBe('Cmd');
  expect(keyInWords('CommandOrControl', false)).toBe('Ctrl');
  expect(keyInWords('Option', false)).toBe('Alt');
  expect(keyInWords('Meta', false)).toBe('Super');
  expect(keyInWords('L', true)).toBe('L');
  expect(isModifier('cmdorctrl')).toBe(true);
  expect(isModifier('L')).toBe(false);
});
