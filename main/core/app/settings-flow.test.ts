import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/settings';
import { defaultSettings, loadSettings } from '../settings';
import { createAppState } from './app-state';
import { createSettingsFlow } from './settings-flow';
import type { ShortcutController } from './shortcut-controller';

const diskFull = () =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
const readOnly = () =>
  Object.assign(new Error('EROFS: read-only file system, write'), { code: 'EROFS' });

/** The flow over a settings file that refuses writes while `failing` says so. */
function flowOnDisk() {
  const state = createAppState();
  let stored: Settings = defaultSettings;
  const disk = { failing: null as (() => Error) | null };
  const registered: string[] = [];
  const shortcut: ShortcutController = {
    use(accelerator) {
      registered.push(accelerator);
      return { ok: true, view: { accelerator, registered: true, message: null } };
    },
    view: () => ({ accelerator: '', registered: false, message: null }),
  };
  const applied: Settings[] = [];
  const flow = createSettingsFlow({
    state,
    store: {
      load: () => loadSettings(structuredClone(stored)),
      save(next) {
        if (disk.failing) throw disk.failing();
        stored = structuredClone(next);
      },
    },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    shortcut,
    applied: (before) => applied.push(before),
    changed() {},
  });
  return { state, flow, disk, stored: () => stored, registered, applied };
}

describe('saving settings on a disk that refuses', () => {
  it('refuses a change from Settings in words, keeps what is in force, and saves it once the disk allows', () => {
    const { state, flow, disk, stored, registered } = flowOnDisk();
    disk.failing = diskFull;
    const change = { alerts: { doorOpen: { minutes: 7 } }, shortcut: 'CommandOrControl+Alt+K' };
    expect(() => flow.update(change)).toThrow(
      'the disk is full. Free some space, then save again.',
    );
    // Nothing changed: not in force, not on disk, and the shortcut is the one it was.
    expect(state.settings.alerts.doorOpen.minutes).toBe(5);
    expect(stored().alerts.doorOpen.minutes).toBe(5);
    expect(registered.at(-1)).toBe(defaultSettings.shortcut);

    disk.failing = readOnly;
    expect(() => flow.update(change)).toThrow(/is read-only/);

    disk.failing = null;
    expect(flow.update(change).alerts.doorOpen.minutes).toBe(7);
    expect(stored().alerts.doorOpen.minutes).toBe(7);
  });

  it('keeps a change made elsewhere in force, says it was not saved, and stops saying so once saved', () => {
    const { state, flow, disk, stored } = flowOnDisk();
    disk.failing = diskFull;
    flow.save({ ...state.settings, selectedVin: 'YV1XZK9V2PA000001' });
    expect(state.settings.selectedVin).toBe('YV1XZK9V2PA000001');
    expect(stored().selectedVin).toBeNull();
    expect(state.settingsProblems).toEqual([
      'A settings change could not be saved, so it lasts only until volvo-tray quits: the disk is full. Free some space, then save again.',
    ]);

    disk.failing = null;
    flow.save({ ...state.settings, selectedVin: 'YV4A22PL3N1000002' });
    expect(stored().selectedVin).toBe('YV4A22PL3N1000002');
    expect(state.settingsProblems).toEqual([]);
  });
});
