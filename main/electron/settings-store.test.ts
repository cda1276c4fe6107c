import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/ports';
import { defaultSettings } from '../core/settings';
import { MAX_JSON_FILE_BYTES } from './json-store';
import { migrateSettings } from './settings-migrations';
import { createElectronSettingsStore, ELECTRON_STORE_CHANNEL } from './settings-store';
import { fake, ipcMain, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

let directory: string;
let file: string;
const NOW = new Date('2026-11-27T08:00:00.000Z');

beforeEach(() => {
  resetFakeElectron();
  directory = mkdtempSync(join(tmpdir(), 'volvo-tray-settings-'));
  file = join(directory, 'settings.json');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const open = () => createElectronSettingsStore({ directory, logger: silentLogger, now: () => NOW });
const onDisk = () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const backups = () => readdirSync(directory).filter((name) => name.includes('.backup-'));

describe('the electron-store settings store', () => {
  it('starts with the defaults and no problems on a fresh install', () => {
    expect(open().load()).toEqual({ settings: defaultSettings, problems: [] });
    expect(readdirSync(directory)).toEqual([]);
  });

  it('leaves no IPC channel open beside the contract (electron-store adds one in main)', () => {
    // What electron-store's constructor does in Electron's main process.
    ipcMain.on(ELECTRON_STORE_CHANNEL, () => {});
    open().load();
    expect(fake.ipcListeners.has(ELECTRON_STORE_CHANNEL)).toBe(false);
  });

  it('round-trips saved settings and tells listeners', () => {
    const store = open();
    const saved: boolean[] = [];
    store.onSaved((settings) => saved.push(settings.launchAtLogin));
    store.save({ ...defaultSettings, launchAtLogin: true, shortcut: 'Alt+Shift+L' });
    expect(saved).toEqual([true]);
    const loaded = open().load();
    expect(loaded.problems).toEqual([]);
    expect(loaded.settings.shortcut).toBe('Alt+Shift+L');
    expect(loaded.settings.launchAtLogin).toBe(true);
  });

  it('repairs a hand-edited file key by key, keeping every good key and a copy of the original', () => {
    const original = {
      version: 1,
      shortcut: 'Alt+Shift+L',
      launchAtLogin: 'yes please',
      polling: { fastSeconds: 5, slowSeconds: 900 },
      alerts: { doorOpen: { enabled: false, minutes: 7 } },
      watchedVins: ['YV1XZK9V2PA000001'],
    };
    writeFileSync(file, JSON.stringify(original));
    const store = open();
    const { settings, problems } = store.load();

    expect(settings.shortcut).toBe('Alt+Shift+L');
    expect(settings.polling.slowSeconds).toBe(900);
    expect(settings.alerts.doorOpen).toEqual({ enabled: false, minutes: 7 });
    expect(settings.watchedVins).toEqual(['YV1XZK9V2PA000001']);
    expect(settings.launchAtLogin).toBe(false);
    expect(settings.polling.fastSeconds).toBe(defaultSettings.polling.fastSeconds);

    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/Setting "polling.fastSeconds" had an invalid value/);
    expect(problems[1]).toMatch(/Setting "launchAtLogin" had an invalid value/);
    expect(problems[2]).toBe(
      `The settings file as it was is kept in ${join(directory, 'settings.backup-2026-11-27T08-00-00-000Z.json')}.`,
    );
    expect(JSON.parse(readFileSync(join(directory, backups()[0] ?? ''), 'utf8'))).toEqual(original);
    // The repaired settings are written back: the next start is clean.
    expect(onDisk()).toMatchObject({ shortcut: 'Alt+Shift+L', launchAtLogin: false });
    expect(open().load().problems).toEqual([]);
    expect(store.current().shortcut).toBe('Alt+Shift+L');
  });

  it('keeps a corrupt file aside and starts from the defaults, saying so', () => {
    writeFileSync(file, '{"shortcut": "Alt+L", "launchAt');
    const { settings, problems } = open().load();
    expect(settings).toEqual(defaultSettings);
    expect(problems[0]).toBe(
      'The settings file could not be read (it is not a JSON object), so every setting is back to its default.',
    );
    expect(problems[1]).toMatch(/kept in .*settings\.backup-/);
    expect(readFileSync(join(directory, backups()[0] ?? ''), 'utf8')).toBe(
      '{"shortcut": "Alt+L", "launchAt',
    );
    expect(onDisk()).toMatchObject({ version: 1, shortcut: defaultSettings.shortcut });
  });

  it('sets aside a file larger than any it writes, without reading it, saying so', () => {
    writeFileSync(file, '{}');
    truncateSync(file, MAX_JSON_FILE_BYTES + 1);
    const { settings, problems } = open().load();
    expect(settings).toEqual(defaultSettings);
    expect(problems[0]).toBe(
      'The settings file was larger than any volvo-tray writes, so it was not read and every setting is back to its default.',
    );
    expect(problems[1]).toMatch(/kept in .*settings\.backup-/);
    expect(statSync(join(directory, backups()[0] ?? '')).size).toBe(MAX_JSON_FILE_BYTES + 1);
    expect(onDisk()).toMatchObject({ version: 1, shortcut: defaultSettings.shortcut });
  });

  it('treats JSON that is not an object (an array, a number) as unreadable too', () => {
    writeFileSync(file, '[1, 2, 3]');
    const { settings, problems } = open().load();
    expect(settings).toEqual(defaultSettings);
    expect(problems[0]).toMatch(/could not be read/);
  });

  it('reads a file from a newer version, keeping what it understands', () => {
    writeFileSync(file, JSON.stringify({ version: 7, shortcut: 'Alt+Shift+K', hologram: true }));
    const { settings, problems } = open().load();
    expect(settings.shortcut).toBe('Alt+Shift+K');
    expect(settings.version).toBe(1);
    expect(problems[0]).toMatch(/comes from a newer volvo-tray \(format 7\)/);
    expect(backups()).toHaveLength(1);
  });
});

describe('migrateSettings', () => {
  const migrations = {
    2: (raw: Record<string, unknown>) => {
      const { hotkey, ...rest } = raw;
      return { ...rest, shortcut: hotkey };
    },
    3: (raw: Record<string, unknown>) => ({ ...raw, launchAtLogin: raw.autostart === 'on' }),
  };

  it('runs each migration from the file version up to the target, in order', () => {
    expect(
      migrateSettings({ version: 1, hotkey: 'Alt+L', autostart: 'on' }, migrations, 3),
    ).toEqual({
      raw: { version: 3, shortcut: 'Alt+L', autostart: 'on', launchAtLogin: true },
      migrated: true,
      problems: [],
    });
    expect(migrateSettings({ version: 2, shortcut: 'Alt+L' }, migrations, 3).raw).toEqual({
      version: 3,
      shortcut: 'Alt+L',
      launchAtLogin: false,
    });
  });

  it('leaves a current or unversioned file alone', () => {
    expect(migrateSettings({ version: 3, a: 1 }, migrations, 3)).toEqual({
      raw: { version: 3, a: 1 },
      migrated: false,
      problems: [],
    });
    expect(migrateSettings({ a: 1 }, migrations, 3).migrated).toBe(false);
  });

  it('says so when the version itself is nonsense', () => {
    const result = migrateSettings({ version: 'two' }, migrations, 3);
    expect(result.raw.version).toBe(3);
    expect(result.problems[0]).toMatch(/invalid format version \("two"\)/);
  });
});
