import type { Settings, SettingsPatch } from '../../../shared/settings';
import type { ShortcutView } from '../../../shared/snapshot';
import { APP_WORDS } from '../../../shared/words/app';
import type { Logger } from '../ports';
import {
  applySettingsPatch,
  defaultSettings,
  type LoadedSettings,
  type SettingsStore,
  settingsPatchSchema,
} from '../settings';
import type { AppState } from './app-state';
import { settingsProblemInWords } from './app-words';
import type { ShortcutController } from './shortcut-controller';

export interface SettingsFlowOptions {
  state: AppState;
  store: SettingsStore;
  logger: Logger;
  shortcut: ShortcutController;
  /** The settings changed from `before`: put them in force (cars watched, polling, alerts). */
  applied(before: Settings): void;
  changed(): void;
}

/** Reading, changing and saving the settings; the current ones are `state.settings`. */
export interface SettingsFlow {
  /** The settings file as read, or the defaults with the reason when it cannot be read. */
  load(): LoadedSettings;
  /** Makes `next` current, writing it only when it differs. */
  save(next: Settings): void;
  /** A patch from the UI, validated here whatever the caller checked; the settings after it. */
  update(patch: SettingsPatch): Settings;
  /** Tries a new shortcut and keeps it only if the system took it. */
  setShortcut(accelerator: string): ShortcutView;
}

export function createSettingsFlow(options: SettingsFlowOptions): SettingsFlow {
  const { state, shortcut } = options;

  const save = (next: Settings) => {
    const unchanged = JSON.stringify(next) === JSON.stringify(state.settings);
    state.settings = next;
    if (!unchanged) options.store.save(next);
  };

  return {
    load() {
      // The settings store may fail to read its file (permissions, a disk error): start anyway.
      try {
        return options.store.load();
      } catch (error) {
        options.logger.warn('The settings could not be read', {
          error: error instanceof Error ? error.message : 'unknown',
        });
        return { settings: defaultSettings, problems: [APP_WORDS.settingsUnreadable] };
      }
    },
    save,
    update(patch) {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) throw new Error(settingsProblemInWords(parsed.error));
      const before = state.settings;
      let next = applySettingsPatch(before, parsed.data);
      if (next.shortcut !== before.shortcut && !shortcut.use(next.shortcut).ok) {
        next = { ...next, shortcut: before.shortcut };
      }
      save(next);
      options.applied(before);
      options.changed();
      return state.settings;
    },
    setShortcut(accelerator) {
      const outcome = shortcut.use(accelerator);
      if (outcome.ok) save({ ...state.settings, shortcut: accelerator });
      options.changed();
      return outcome.view;
    },
  };
}
