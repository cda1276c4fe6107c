import type {
  Dialog,
  GlobalShortcut,
  MessageBoxOptions,
  MessageBoxReturnValue,
  Shell,
} from 'electron';
import { chordOf } from '../../../shared/accelerator';
import { fake } from './state';

/**
 * What reaches the user and the OS outside the app's windows: `globalShortcut`, `dialog` and
 * `shell`, recorded in {@link fake}.
 */

/** The accelerator we hold that means the same chord as `accelerator` (aliases compared). */
function registeredAs(accelerator: string): string | undefined {
  return [...fake.shortcuts.keys()].find((held) => chordOf(held) === chordOf(accelerator));
}

/** `globalShortcut`: refuses chords in `fake.takenShortcuts`, and throws on a nonsense key as Electron does. */
export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    if (accelerator.includes('Nonsense')) throw new Error('conversion failure');
    const taken = [...fake.takenShortcuts].some((held) => chordOf(held) === chordOf(accelerator));
    if (taken || registeredAs(accelerator) !== undefined) return false;
    fake.shortcuts.set(accelerator, callback);
    return true;
  },
  unregister(accelerator: string) {
    const held = registeredAs(accelerator);
    if (held !== undefined) fake.shortcuts.delete(held);
  },
  isRegistered(accelerator: string) {
    return registeredAs(accelerator) !== undefined;
  },
  unregisterAll() {
    fake.shortcuts.clear();
  },
} satisfies Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered' | 'unregisterAll'>;

/** `dialog`: the error and message boxes shown, in `fake.errorBoxes` / `fake.messageBoxes`. */
export const dialog = {
  showErrorBox(title: string, content: string) {
    fake.errorBoxes.push({ title, content });
  },
  showMessageBox(options: MessageBoxOptions) {
    fake.messageBoxes.push(options);
    return Promise.resolve({ response: 0, checkboxChecked: false });
  },
  // Only the overload without a parent window: the About box has none.
} satisfies Pick<Dialog, 'showErrorBox'> & {
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
};

/** `shell`: URLs and folders opened, in `fake.openedExternal` / `fake.openedPaths`. */
export const shell = {
  openExternal(url: string): Promise<void> {
    fake.openedExternal.push(url);
    return Promise.resolve();
  },
  openPath(path: string): Promise<string> {
    fake.openedPaths.push(path);
    return Promise.resolve('');
  },
} satisfies Pick<Shell, 'openExternal' | 'openPath'>;
