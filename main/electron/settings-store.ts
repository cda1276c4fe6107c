import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ipcMain } from 'electron';
import ElectronStore from 'electron-store';
import type { Settings } from '../../shared/settings';
import type { Logger } from '../core/ports';
import { defaultSettings, loadSettings, type SettingsStore } from '../core/settings';
import { removeLeftoverTemps } from './atomic-file';
import { fileStamp, isNotFound, tooLargeToRead } from './json-store';
import { migrateSettings, type SettingsMigration } from './settings-migrations';

/**
 * The {@link SettingsStore} on electron-store (atomic writes, one JSON file in userData). The
 * file is untrusted: it may be corrupt or hand-edited. On load it is migrated to the current
 * format version, then repaired key by key with `loadSettings` (a bad key falls back to its
 * default, every good key is kept), the problems are returned in words, and the file as it was
 * is kept beside the repaired one.
 */
export interface ElectronSettingsStore extends SettingsStore {
  /** The settings file. */
  readonly path: string;
  /** The settings as last loaded or saved (the defaults before the first load). */
  current(): Settings;
  /** Called after every save (launch at login follows the setting this way). */
  onSaved(listener: (settings: Settings) => void): () => void;
}

export interface ElectronSettingsStoreOptions {
  /** Where the file lives: `app.getPath('userData')`. */
  directory: string;
  /** File name without `.json`. Default `settings`. */
  name?: string;
  logger: Logger;
  migrations?: Readonly<Record<number, SettingsMigration>>;
  /** For backup file names. */
  now?: () => Date;
}

/** The channel electron-store listens on in main (see its `initDataListener`). */
export const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

type RawFile =
  | { kind: 'missing' }
  | { kind: 'object' }
  | { kind: 'unreadable' }
  | { kind: 'too-large' };

function inspectFile(path: string): RawFile {
  if (tooLargeToRead(path)) return { kind: 'too-large' };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return isNotFound(error) ? { kind: 'missing' } : { kind: 'unreadable' };
  }
  try {
    const json: unknown = JSON.parse(text);
    const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
    return isObject ? { kind: 'object' } : { kind: 'unreadable' };
  } catch {
    return { kind: 'unreadable' };
  }
}

export function createElectronSettingsStore(
  options: ElectronSettingsStoreOptions,
): ElectronSettingsStore {
  const name = options.name ?? 'settings';
  const path = join(options.directory, `${name}.json`);
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(settings: Settings) => void>();
  let current: Settings = defaultSettings;
  let store: ElectronStore<Record<string, unknown>> | null = null;

  const backupPath = () => join(options.directory, `${name}.backup-${fileStamp(now())}.json`);

  // electron-store throws on a file that is not JSON; such a file is moved aside first.
  const openStore = (): ElectronStore<Record<string, unknown>> => {
    if (store === null) {
      store = new ElectronStore<Record<string, unknown>>({
        cwd: options.directory,
        name,
        accessPropertiesByDotNotation: false,
      });
      // electron-store answers any renderer's sync "get data" message (for stores opened in a
      // renderer). We open none there, and the bridge allows no channel but the contract's.
      ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
    }
    return store;
  };

  const write = (settings: Settings) => {
    openStore().store = settings;
    current = settings;
  };

  return {
    path,
    current: () => current,

    load() {
      const problems: string[] = [];
      let keptAs: string | null = null;
      removeLeftoverTemps(path);
      const file = inspectFile(path);
      if (file.kind === 'unreadable' || file.kind === 'too-large') {
        keptAs = backupPath();
        renameSync(path, keptAs);
        problems.push(
          file.kind === 'unreadable'
            ? 'The settings file could not be read (it is not a JSON object), so every setting is back to its default.'
            : 'The settings file was larger than any volvo-tray writes, so it was not read and every setting is back to its default.',
        );
      }
      const raw = openStore().store;
      const migrated = migrateSettings(raw, options.migrations);
      const loaded = loadSettings(migrated.raw);
      problems.push(...migrated.problems, ...loaded.problems);
      const repaired = keptAs !== null || migrated.migrated || loaded.problems.length > 0;
      if (repaired) {
        if (keptAs === null && existsSync(path)) {
          keptAs = backupPath();
          copyFileSync(path, keptAs);
        }
        if (keptAs !== null) problems.push(`The settings file as it was is kept in ${keptAs}.`);
        write(loaded.settings);
        options.logger.warn('Settings were repaired.', { problems });
      } else {
        current = loaded.settings;
      }
      return { settings: loaded.settings, problems };
    },

    save(settings) {
      write(settings);
      for (const listener of listeners) listener(settings);
    },

    onSaved(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
