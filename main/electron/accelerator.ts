import { isModifier } from '../../shared/accelerator';

/**
 * Checks an Electron accelerator string ("CommandOrControl+Alt+L") before it reaches
 * `globalShortcut`, so a typo gets a sentence instead of an exception, and a bare key (which
 * would swallow that key in every app) is refused.
 */

const NAMED_KEYS = new Set(
  [
    'Plus',
    'Space',
    'Tab',
    'Capslock',
    'Numlock',
    'Scrolllock',
    'Backspace',
    'Delete',
    'Insert',
    'Return',
    'Enter',
    'Up',
    'Down',
    'Left',
    'Right',
    'Home',
    'End',
    'PageUp',
    'PageDown',
    'Escape',
    'Esc',
    'PrintScreen',
    'num0',
    'num1',
    'num2',
    'num3',
    'num4',
    'num5',
    'num6',
    'num7',
    'num8',
    'num9',
    'numdec',
    'numadd',
    'numsub',
    'nummult',
    'numdiv',
  ].map((k) => k.toLowerCase()),
);

/** Keys that may stand alone: they type nothing in other apps. */
const STANDALONE_KEYS = new Set(
  [
    'VolumeUp',
    'VolumeDown',
    'VolumeMute',
    'MediaNextTrack',
    'MediaPreviousTrack',
    'MediaStop',
    'MediaPlayPause',
  ].map((k) => k.toLowerCase()),
);

const FUNCTION_KEY = /^f([1-9]|1[0-9]|2[0-4])$/i;
const SINGLE_CHARACTER = /^[A-Za-z0-9)!@#$%^&*(:;+=<,_\->.?/~`{\]}[|\\'"]$/;

function isKey(token: string): boolean {
  const lower = token.toLowerCase();
  return (
    SINGLE_CHARACTER.test(token) ||
    NAMED_KEYS.has(lower) ||
    STANDALONE_KEYS.has(lower) ||
    FUNCTION_KEY.test(token)
  );
}

/** Null when `accelerator` is usable as a global shortcut, else why not, in words. */
export function acceleratorProblem(accelerator: string): string | null {
  const tokens = accelerator.split('+');
  // "Ctrl++" means Ctrl and the plus key.
  if (accelerator.endsWith('++')) tokens.splice(tokens.length - 2, 2, '+');
  const key = tokens.at(-1) ?? '';
  const modifiers = tokens.slice(0, -1);
  const invalid = `"${accelerator}" is not a valid shortcut`;
  if (tokens.some((token) => token.trim() === '' || token !== token.trim())) {
    return `${invalid}: write it like CommandOrControl+Alt+L.`;
  }
  const unknownModifier = modifiers.find((m) => !isModifier(m));
  if (unknownModifier !== undefined) {
    return `${invalid}: "${unknownModifier}" is not a modifier (use Ctrl, Alt, Shift, Cmd or CommandOrControl).`;
  }
  if (new Set(modifiers.map((m) => m.toLowerCase())).size !== modifiers.length) {
    return `${invalid}: a modifier appears twice.`;
  }
  if (isModifier(key)) return `${invalid}: it needs a key after the modifiers.`;
  if (!isKey(key)) return `${invalid}: "${key}" is not a key Electron knows.`;
  const standalone = FUNCTION_KEY.test(key) || STANDALONE_KEYS.has(key.toLowerCase());
  if (modifiers.length === 0 && !standalone) {
    return `"${accelerator}" needs a modifier such as Ctrl, Alt or Cmd, or it would take that key away from every other app.`;
  }
  return null;
}
