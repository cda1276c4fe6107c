import type { Settings } from '../../../shared/settings';
import { DEFAULT_CLOCK_STYLE } from '../../../shared/words/time';
import type {
  AppNotification,
  BrowserOpener,
  JsonStore,
  Notifier,
  SecretName,
  SecretVault,
  ShortcutRegistrar,
  StartDemoBackend,
} from '../ports';
import { silentLogger, systemClock } from '../ports';
import { loadSettings, type SettingsStore } from '../settings';
import type { AppDeps } from './types';

/**
 * In-memory implementations of the core's ports, for tests, the CLI and the browser host.
 * Nothing here touches the disk.
 */

/** A vault that keeps secrets in a Map for the life of the process. */
export function memoryVault(
  protection: 'os-encrypted' | 'plaintext' | 'memory' = 'memory',
): SecretVault {
  const secrets = new Map<SecretName, string>();
  return {
    async get(name) {
      return secrets.get(name);
    },
    async set(name, value) {
      secrets.set(name, value);
    },
    async delete(name) {
      secrets.delete(name);
    },
    protection: () => protection,
  };
}

/**
 * A settings store over a JSON value. `initial` is untrusted (as a file on disk would be), so
 * loading repairs bad keys and reports them. `saved` records every save, newest last.
 */
export function memorySettings(initial?: unknown): SettingsStore & { saved: unknown[] } {
  let raw: unknown = initial;
  const saved: unknown[] = [];
  return {
    saved,
    load: () => loadSettings(structuredClone(raw)),
    save(settings: Settings) {
      raw = structuredClone(settings);
      saved.push(structuredClone(settings));
    },
  };
}

/** A JSON document kept in memory; copies on the way in and out, like a file would. */
export function memoryJsonStore<T>(initial?: T): JsonStore<T> {
  let value: T | undefined = initial === undefined ? undefined : structuredClone(initial);
  return {
    load: () => (value === undefined ? undefined : structuredClone(value)),
    save(next) {
      value = structuredClone(next);
    },
  };
}

/** A notifier that remembers what it showed, oldest first. */
export function recordingNotifier(): Notifier & {
  shown: AppNotification[];
  withdrawn: string[];
} {
  const shown: AppNotification[] = [];
  const withdrawn: string[] = [];
  return {
    shown,
    withdrawn,
    show(notification) {
      shown.push(structuredClone(notification));
    },
    withdraw(id) {
      withdrawn.push(id);
    },
  };
}

const MODIFIERS = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);
const NAMED_KEYS = new Set([
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'printscreen',
]);

/** Why `accelerator` is not one Electron would accept, or null when it looks valid. */
function acceleratorProblem(accelerator: string): string | null {
  const parts = accelerator.split('+');
  const key = parts[parts.length - 1]?.toLowerCase() ?? '';
  const modifiers = parts.slice(0, -1).map((part) => part.toLowerCase());
  const keyOk =
    /^[a-z0-9]$/.test(key) || /^f([1-9]|1[0-9]|2[0-4])$/.test(key) || NAMED_KEYS.has(key);
  if (!keyOk || modifiers.some((modifier) => !MODIFIERS.has(modifier))) {
    return `"${accelerator}" is not a keyboard shortcut this system understands (for example CommandOrControl+Alt+L).`;
  }
  if (modifiers.length === 0) {
    return `"${accelerator}" needs at least one modifier key such as Ctrl or Alt.`;
  }
  return null;
}

/**
 * A shortcut registrar that behaves like Electron's globalShortcut: accelerators in `taken`
 * belong to another application and fail; on failure the previous one stays registered.
 * `press()` simulates the user pressing the current accelerator.
 */
export function recordingShortcuts(
  taken: string[] = [],
): ShortcutRegistrar & { current: string | null; press(): void } {
  let onPress: (() => void) | null = null;
  const registrar = {
    current: null as string | null,
    register(accelerator: string, handler: () => void) {
      if (accelerator === '') {
        registrar.current = null;
        onPress = null;
        return { ok: true } as const;
      }
      const problem = acceleratorProblem(accelerator);
      if (problem) return { ok: false, reason: problem } as const;
      if (taken.some((other) => other.toLowerCase() === accelerator.toLowerCase())) {
        return {
          ok: false,
          reason: `${accelerator} is already used by another app.`,
        } as const;
      }
      registrar.current = accelerator;
      onPress = handler;
      return { ok: true } as const;
    },
    press() {
      onPress?.();
    },
  };
  return registrar;
}

/** A browser opener for hosts without a system browser: it says so instead of failing silently. */
const noBrowser: BrowserOpener = {
  async open() {
    throw new Error(
      'The browser preview cannot open a web browser for the Volvo ID sign-in. Try demo mode, or sign in from the desktop app.',
    );
  },
};

/** Demo mode for hosts that were given no demo backend: it says so. */
const noDemo: StartDemoBackend = async () => {
  throw new Error('Demo mode is not available here.');
};

/**
 * Every AppDeps port in memory: the real clock and fetch, a memory vault, default settings,
 * a recording notifier and shortcut registrar. `overrides` replaces any of them.
 */
export function createMemoryDeps(overrides: Partial<AppDeps> = {}): AppDeps & {
  notifier: ReturnType<typeof recordingNotifier>;
  shortcuts: ReturnType<typeof recordingShortcuts>;
} {
  const notifier = recordingNotifier();
  const shortcuts = recordingShortcuts();
  const base: AppDeps = {
    clock: systemClock,
    fetch: (input, init) => globalThis.fetch(input, init),
    vault: memoryVault(),
    settings: memorySettings(),
    notifier,
    browser: noBrowser,
    logger: silentLogger,
    shortcuts,
    state: memoryJsonStore<unknown>(),
    clockStyle: DEFAULT_CLOCK_STYLE,
    startDemo: noDemo,
  };
  const merged = { ...base, ...overrides };
  return {
    ...merged,
    notifier: isRecordingNotifier(merged.notifier)
      ? merged.notifier
      : wrapNotifier(merged.notifier),
    shortcuts: isRecordingShortcuts(merged.shortcuts)
      ? merged.shortcuts
      : wrapShortcuts(merged.shortcuts),
  };
}

function isRecordingNotifier(notifier: Notifier): notifier is ReturnType<typeof recordingNotifier> {
  return Array.isArray((notifier as { shown?: unknown }).shown);
}

function isRecordingShortcuts(
  shortcuts: ShortcutRegistrar,
): shortcuts is ReturnType<typeof recordingShortcuts> {
  return typeof (shortcuts as { press?: unknown }).press === 'function';
}

/** Records what a caller-supplied notifier shows while still passing it on. */
function wrapNotifier(inner: Notifier): ReturnType<typeof recordingNotifier> {
  const recorder = recordingNotifier();
  return {
    shown: recorder.shown,
    withdrawn: recorder.withdrawn,
    show(notification) {
      recorder.show(notification);
      inner.show(notification);
    },
    withdraw(id) {
      recorder.withdraw(id);
      inner.withdraw(id);
    },
  };
}

/** Adds `current` and `press` to a caller-supplied registrar. */
function wrapShortcuts(inner: ShortcutRegistrar): ReturnType<typeof recordingShortcuts> {
  let onPress: (() => void) | null = null;
  const wrapped = {
    current: null as string | null,
    register(accelerator: string, handler: () => void) {
      const result = inner.register(accelerator, handler);
      if (result.ok) {
        wrapped.current = accelerator === '' ? null : accelerator;
        onPress = accelerator === '' ? null : handler;
      }
      return result;
    },
    press() {
      onPress?.();
    },
  };
  return wrapped;
}
