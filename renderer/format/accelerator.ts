import { keyInWords } from '../../shared/accelerator';

/**
 * The shortcut recorder's logic: turns a key press into an Electron accelerator
 * ("CommandOrControl+Alt+L") and an accelerator back into words for the person.
 */

/** Whether this is a Mac, where Cmd plays Ctrl's part (read once; tests pass `isMac` instead). */
export const isMac =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The parts of a KeyboardEvent the recorder looks at. */
export interface KeyPress {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type RecordedKey =
  /** Only modifiers so far: keep listening. */
  | { kind: 'incomplete' }
  | { kind: 'accelerator'; accelerator: string }
  | { kind: 'invalid'; reason: string };

const NAMED_CODES: Record<string, string> = {
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Space: 'Space',
  Enter: 'Enter',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
};

const MODIFIER_CODE = /^(Shift|Control|Alt|Meta|OS|AltGraph)(Left|Right)?$/;

/** The accelerator key for a physical key code, or null when the key cannot be used. */
export function keyFromCode(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter?.[1]) return letter[1];
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit?.[1]) return digit[1];
  const numpad = /^Numpad([0-9])$/.exec(code);
  if (numpad?.[1]) return `num${numpad[1]}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return NAMED_CODES[code] ?? null;
}

/**
 * What a key press records. Uses the physical key (`code`) so the shortcut does not change with
 * the keyboard layout. On macOS Cmd is CommandOrControl; elsewhere Ctrl is, and the Windows key
 * is Super. A shortcut needs Ctrl, Cmd, Alt or Super (Shift alone would steal typing), except
 * function keys.
 */
export function recordKey(press: KeyPress, isMac: boolean): RecordedKey {
  if (MODIFIER_CODE.test(press.code)) return { kind: 'incomplete' };
  const key = keyFromCode(press.code);
  if (!key) return { kind: 'invalid', reason: 'That key cannot be used in a shortcut.' };
  const modifiers: string[] = [];
  const commandKey = isMac ? press.metaKey : press.ctrlKey;
  if (commandKey) modifiers.push('CommandOrControl');
  if (isMac && press.ctrlKey) modifiers.push('Control');
  if (!isMac && press.metaKey) modifiers.push('Super');
  if (press.altKey) modifiers.push('Alt');
  const isFunctionKey = /^F\d+$/.test(key);
  if (modifiers.length === 0 && !isFunctionKey) {
    return {
      kind: 'invalid',
      reason: `Hold ${isMac ? 'Cmd, Ctrl or Option' : 'Ctrl or Alt'} with the key, so typing is not taken over.`,
    };
  }
  if (press.shiftKey) modifiers.push('Shift');
  return { kind: 'accelerator', accelerator: [...modifiers, key].join('+') };
}

/** "CommandOrControl+Alt+L" -> "Ctrl+Alt+L" (or "Cmd+Option+L" on macOS); "" -> "None". */
export function describeAccelerator(accelerator: string, isMac: boolean): string {
  if (!accelerator.trim()) return 'None';
  return accelerator
    .split('+')
    .map((part) => keyInWords(part, isMac))
    .join('+');
}

/**
 * A sentence from the core with each of `accelerators` in it put into words:
 * "CommandOrControl+Alt+K is already used" -> "Ctrl+Alt+K is already used".
 */
export function describeAcceleratorsIn(
  text: string,
  accelerators: readonly string[],
  isMac: boolean,
): string {
  const named = accelerators.filter((a) => a.trim());
  if (named.length === 0) return text;
  // One pass, longest first: an accelerator inside a longer one, or inside a replacement, stays.
  const pattern = [...named]
    .sort((a, b) => b.length - a.length)
    .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  return text.replace(new RegExp(pattern, 'g'), (found) => describeAccelerator(found, isMac));
}
