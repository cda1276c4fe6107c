import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type JsonStore, type SecretVault, silentLogger } from '../main/core/ports';
import type { SettingsStore } from '../main/core/settings';
import type { FakeClock } from '../main/core/testing/fake-clock';
import { createJsonFileStore } from '../main/electron/json-store';
import { createSafeStorageVault } from '../main/electron/secret-vault';
import { createElectronSettingsStore } from '../main/electron/settings-store';

/**
 * The app's real file stores (settings, state, secrets) in a temporary user-data folder, as the
 * Electron shell opens them (`electron` being the shared fake, whose safeStorage "encrypts"), so
 * the fault matrix can damage the files between one start and the next.
 */

/** The three files the app keeps in its user-data folder. */
export type UserDataFile = 'settings.json' | 'state.json' | 'secrets.json';

export interface UserDataFolder {
  /** The user-data folder. */
  readonly path: string;
  /** A folder beside it, outside it: where a link may point. */
  readonly outside: string;
  /** The stores for one start of the app, timed by `clock` (backup file names). */
  open(clock: FakeClock): Promise<FileStores>;
  /** Words with this folder's path (random per run) said as `<userData>`. */
  scrub(text: string): string;
  remove(): void;
}

export interface FileStores {
  settingsStore: SettingsStore;
  stateStore: JsonStore<unknown>;
  vault: SecretVault;
}

export function temporaryUserData(): UserDataFolder {
  const parent = mkdtempSync(join(tmpdir(), 'volvo-tray-faults-'));
  const path = join(parent, 'userData');
  const outside = join(parent, 'elsewhere');
  mkdirSync(path);
  mkdirSync(outside);
  return {
    path,
    outside,
    async open(clock) {
      return {
        settingsStore: createElectronSettingsStore({
          directory: path,
          logger: silentLogger,
          now: () => new Date(clock.now()),
        }),
        stateStore: createJsonFileStore<unknown>(
          join(path, 'state.json'),
          silentLogger,
          () => new Date(clock.now()),
        ),
        vault: await createSafeStorageVault({
          file: join(path, 'secrets.json'),
          logger: silentLogger,
          platform: 'linux',
        }),
      };
    },
    scrub: (text) => text.replaceAll(path, '<userData>'),
    remove: () => rmSync(parent, { recursive: true, force: true }),
  };
}

/** What a fault does to a file between two starts; `outside` is a folder outside user data. */
export type FileDamage = (file: string, outside: string) => void;

/** Not JSON at all. */
export const corrupt: FileDamage = (file) => writeFileSync(file, 'not json {');

/** Cut in the middle, as a write without an atomic rename could leave it. */
export const truncated: FileDamage = (file) =>
  truncateSync(file, Math.floor(readFileSync(file).length / 2));

/** A valid JSON object of about `bytes`: its content, padded with one huge unknown key. */
export function huge(bytes: number): FileDamage {
  return (file) => {
    const kept = readFileSync(file, 'utf8').trim().replace(/\}$/, '');
    writeFileSync(file, `${kept},"padding":"${'x'.repeat(bytes)}"}`);
  };
}

/** JSON in place of the file, e.g. of the right outline with values of the wrong type. */
export function replacedWith(value: unknown): FileDamage {
  return (file) => writeFileSync(file, JSON.stringify(value));
}

/** What the file a link points to holds before the app starts on it. */
export const LINKED_FILE_CONTENT = '{"note":"a file outside volvo-tray\'s folder"}\n';

/** The file replaced by a link to a file outside the user-data folder. */
export const linkedElsewhere: FileDamage = (file, outside) => {
  const target = join(outside, basename(file));
  writeFileSync(target, LINKED_FILE_CONTENT);
  rmSync(file, { force: true });
  symlinkSync(target, file);
};

/** Whether the file a link made by {@link linkedElsewhere} points to is still as it was. */
export function linkedFileUntouched(file: string, outside: string): boolean {
  return readFileSync(join(outside, basename(file)), 'utf8') === LINKED_FILE_CONTENT;
}
