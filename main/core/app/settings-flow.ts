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
import { settingsProblemInWords, settingsWriteFailureInWords } from './app-words';
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
  /**
   * Makes `next` current, writing it only when it differs; when the disk refuses it, it stays in
   * force for this run and Settings says it was not saved.
   */
  save(next: Settings): void;
  /**
   * A patch from the UI, validated here whatever the caller checked; the settings after it. A
   * change that cannot be written is refused in words and not put in force.
   */
  update(patch: SettingsPatch): Settings;
  /** Tries a new shortcut and keeps it only if the system took it. */
  setShortcut(accelerator: string): ShortcutView;
}

export function createSettingsFlow(options: SettingsFlowOptions): SettingsFlow {
  const { state, shortcut } = options;

  /** Settings' notice of a change in force but not saved; gone once a write succeeds. */
  let unsavedNotice: string | null = null;
  const noticeUnsaved = (notice: string | null) => {
    if (notice === unsavedNotice) return;
    const others = state.settingsProblems.filter((problem) => problem !== unsavedNotice);
    unsavedNotice = notice;
    state.settingsProblems = notice === null ? others : [...others, notice];
    options.changed();
  };

  /** Writes `next` unless it is what is in force already; why it could not be, or null. */
  const write = (next: Settings): string | null => {
    if (JSON.stringify(next) === JSON.stringify(state.settings)) return null;
    try {
      options.store.save(next);
      noticeUnsaved(null);
      return null;
    } catch (error) {
      options.logger.warn('The settings could not be saved', {
        error: error instanceof Error ? error.message : 'unknown',
      });
      return settingsWriteFailureInWords(error);
    }
  };

  // A sign-in or the car chosen stays in force even when the disk refuses it: Settings says so.
  const save = (next: Settings) => {
    const problem = write(next);
    state.settings = next;
    if (problem !== null) noticeUnsaved(APP_WORDS.settingsKeptUnsaved(problem));
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
      // A change the disk refused is not put in force: the form keeps it to save again.
      const problem = write(next);
      if (problem !== null) {
        if (next.shortcut !== before.shortcut) shortcut.use(before.shortcut);
        throw new Error(problem);
      }
      state.settings = next;
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
