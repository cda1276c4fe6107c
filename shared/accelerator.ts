/**
 * The vocabulary of Electron accelerators ("CommandOrControl+Alt+L"), in one place: which
 * spellings are modifiers, which of them mean the same key, and what a person calls each on
 * macOS and elsewhere. The shell checks shortcuts with it, the popover puts them into words,
 * and the fake Electron compares chords with it.
 */

interface Modifier {
  /** The one spelling every alias stands for, so "Ctrl+Alt+L" and "Control+Alt+L" compare equal. */
  canonical: string;
  /** What the key is called on macOS, and on Windows and Linux. */
  words: readonly [mac: string, other: string];
}

const command: Modifier = { canonical: 'Command', words: ['Cmd', 'Cmd'] };
const control: Modifier = { canonical: 'Control', words: ['Ctrl', 'Ctrl'] };
const commandOrControl: Modifier = { canonical: 'CommandOrControl', words: ['Cmd', 'Ctrl'] };
const alt: Modifier = { canonical: 'Alt', words: ['Option', 'Alt'] };
const superKey: Modifier = { canonical: 'Super', words: ['Cmd', 'Super'] };

/** Every modifier spelling Electron accepts, keyed in lower case (Electron ignores case). */
const MODIFIERS: ReadonlyMap<string, Modifier> = new Map([
  ['command', command],
  ['cmd', command],
  ['control', control],
  ['ctrl', control],
  ['commandorcontrol', commandOrControl],
  ['cmdorctrl', commandOrControl],
  ['alt', alt],
  ['option', alt],
  ['altgr', { canonical: 'AltGr', words: ['AltGr', 'AltGr'] }],
  ['shift', { canonical: 'Shift', words: ['Shift', 'Shift'] }],
  ['super', superKey],
  ['meta', superKey],
]);

/** Whether `token` is one of Electron's modifier spellings (any case). */
export function isModifier(token: string): boolean {
  return MODIFIERS.has(token.toLowerCase());
}

/** What a person calls a modifier: "Cmd"/"Ctrl" for CommandOrControl; a key is left as it is. */
export function keyInWords(token: string, isMac: boolean): string {
  const modifier = MODIFIERS.get(token.toLowerCase());
  return modifier ? modifier.words[isMac ? 0 : 1] : token;
}

/**
 * The chord an accelerator stands for, as Electron compares them: aliases folded, modifiers in
 * one order, case ignored. "Ctrl+Alt+L" and "Alt+Control+l" give the same chord.
 */
export function chordOf(accelerator: string): string {
  const parts = accelerator.split('+');
  const key = (parts.pop() ?? '').toLowerCase();
  const modifiers = parts.map((m) =>
    (MODIFIERS.get(m.toLowerCase())?.canonical ?? m).toLowerCase(),
  );
  return [...modifiers.sort(), key].join('+');
}
