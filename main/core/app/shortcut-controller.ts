import type { ShortcutView } from '../../../shared/snapshot';
import type { ShortcutRegistrar } from '../ports';

/**
 * The global lock shortcut: registers the accelerator from the settings and, when a new one
 * cannot be registered (taken by another app, unsupported on Wayland, not a valid shortcut),
 * says why in words and keeps the last one that worked.
 */
export interface ShortcutController {
  /** Tries `accelerator` (empty: none). `ok` tells whether it is now the one in force. */
  use(accelerator: string): { ok: boolean; view: ShortcutView };
  view(): ShortcutView;
}

export function createShortcutController(
  registrar: ShortcutRegistrar,
  onPress: () => void,
): ShortcutController {
  let working: string | null = null;
  let current: ShortcutView = { accelerator: '', registered: false, message: null };

  return {
    use(accelerator) {
      const outcome = registrar.register(accelerator, onPress);
      if (outcome.ok) {
        working = accelerator;
        current =
          accelerator === ''
            ? {
                accelerator,
                registered: false,
                message: 'No shortcut: locking from the keyboard is off.',
              }
            : { accelerator, registered: true, message: null };
        return { ok: true, view: current };
      }
      const kept =
        working === null || working === ''
          ? 'No shortcut is active.'
          : `${working} still locks the car.`;
      current = {
        accelerator: working ?? accelerator,
        registered: working !== null && working !== '',
        message: `Could not use ${accelerator} as the lock shortcut: ${outcome.reason} ${kept}`,
      };
      return { ok: false, view: current };
    },
    view: () => current,
  };
}
