import { globalShortcut } from 'electron';
import type { ShortcutRegistrar } from '../core/ports';
import { acceleratorProblem } from './accelerator';

/**
 * The {@link ShortcutRegistrar} on Electron `globalShortcut`. A new accelerator is registered
 * before the old one is released, so when the new one fails (another app holds it, it is not a
 * valid accelerator, Wayland offers no global shortcuts portal) the previous one keeps working
 * and the reason comes back in words.
 */
export interface ElectronShortcutRegistrar extends ShortcutRegistrar {
  /** The accelerator registered now, or null. */
  current(): string | null;
  /**
   * Runs the registered shortcut's action as if pressed (end-to-end test hooks); false when no
   * accelerator is held with the OS, so a test cannot pass where the real keys would do nothing.
   */
  press(): boolean;
  /** Releases the shortcut (on quit). */
  dispose(): void;
}

export interface ShortcutEnvironment {
  platform: NodeJS.Platform;
  /** `XDG_SESSION_TYPE` on Linux. */
  sessionType?: string;
}

export function isWayland(environment: ShortcutEnvironment): boolean {
  return environment.platform === 'linux' && environment.sessionType === 'wayland';
}

export function createElectronShortcutRegistrar(
  environment: ShortcutEnvironment = {
    platform: process.platform,
    sessionType: process.env.XDG_SESSION_TYPE,
  },
): ElectronShortcutRegistrar {
  let current: string | null = null;
  // One stable callback per registration; the press handler can change without re-registering.
  let onPress: () => void = () => {};

  const failure = (accelerator: string): string =>
    isWayland(environment)
      ? 'This desktop (Wayland) does not let apps use global keyboard shortcuts; lock from the tray menu instead.'
      : `${accelerator} is already used by another app.`;

  return {
    current: () => current,

    register(accelerator, handler) {
      if (accelerator === '') {
        if (current !== null) globalShortcut.unregister(current);
        current = null;
        onPress = handler;
        return { ok: true };
      }
      if (accelerator === current) {
        onPress = handler;
        return { ok: true };
      }
      const problem = acceleratorProblem(accelerator);
      if (problem !== null) return { ok: false, reason: problem };
      let registered: boolean;
      try {
        registered = globalShortcut.register(accelerator, () => onPress());
      } catch {
        return { ok: false, reason: `"${accelerator}" is not a valid shortcut.` };
      }
      if (!registered && current !== null && globalShortcut.isRegistered(accelerator)) {
        // The same keys as ours, spelled differently ("Ctrl" for "Control"): move it over.
        const previous = current;
        globalShortcut.unregister(previous);
        registered = globalShortcut.register(accelerator, () => onPress());
        if (!registered) globalShortcut.register(previous, () => onPress());
        else current = null;
      }
      if (!registered) return { ok: false, reason: failure(accelerator) };
      if (current !== null) globalShortcut.unregister(current);
      current = accelerator;
      onPress = handler;
      return { ok: true };
    },

    press() {
      if (current === null || !globalShortcut.isRegistered(current)) return false;
      onPress();
      return true;
    },

    dispose() {
      if (current !== null) globalShortcut.unregister(current);
      current = null;
    },
  };
}
