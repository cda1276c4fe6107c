import { describe, expect, it } from 'vitest';
import { applySettingsPatch, defaultSettings, loadSettings, settingsPatchSchema } from './settings';

describe('loadSettings', () => {
  it('gives a fresh install the documented defaults', () => {
    const { settings, problems } = loadSettings(undefined);
    expect(problems).toEqual([]);
    expect(settings.connection).toMatchObject({ mode: 'demo', apiVersion: 'v2' });
    expect(settings.shortcut).toBe('CommandOrControl+Alt+L');
    expect(settings.alerts.doorOpen).toEqual({ enabled: true, minutes: 5 });
    expect(settings.alerts.unlocked).toEqual({ enabled: true, minutes: 10 });
    expect(settings.polling.dailyBudget).toBeLessThan(10_000);
  });

  it('repairs only the bad keys of a hand-edited file and says which', () => {
    const { settings, problems } = loadSettings({
      connection: { mode: 'volvo-id', apiVersion: 'v3', clientId: 'my-app', redirectPort: 8080 },
      polling: { fastSeconds: 5, slowSeconds: 900 },
      alerts: { doorOpen: { enabled: false, minutes: 'soon' } },
      shortcut: 'Alt+Shift+K',
    });
    expect(settings.connection).toEqual({
      mode: 'volvo-id',
      apiVersion: 'v2',
      clientId: 'my-app',
      redirectPort: 8080,
      access: 'full',
    });
    expect(settings.polling.fastSeconds).toBe(60);
    expect(settings.polling.slowSeconds).toBe(900);
    expect(settings.alerts.doorOpen).toEqual({ enabled: false, minutes: 5 });
    expect(settings.shortcut).toBe('Alt+Shift+K');
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/connection\.apiVersion/);
    expect(problems.join('\n')).toMatch(/polling\.fastSeconds/);
    expect(problems.join('\n')).toMatch(/alerts\.doorOpen\.minutes/);
  });

  it('falls back to defaults for a file that is not an object at all', () => {
    const { settings, problems } = loadSettings('{not json');
    expect(settings).toEqual(defaultSettings);
    expect(problems[0]).toMatch(/not readable/);
  });

  it('replaces a section that is not a group with its defaults', () => {
    const { settings, problems } = loadSettings({ polling: 42, launchAtLogin: true });
    expect(settings.polling).toEqual(defaultSettings.polling);
    expect(settings.launchAtLogin).toBe(true);
    expect(problems).toHaveLength(1);
  });
});

describe('settings patches', () => {
  it('merges nested sections and keeps everything else', () => {
    const patch = settingsPatchSchema.parse({
      alerts: { unlocked: { minutes: 3 } },
      polling: { fastSeconds: 45 },
    });
    const next = applySettingsPatch(defaultSettings, patch);
    expect(next.alerts.unlocked).toEqual({ enabled: true, minutes: 3 });
    expect(next.alerts.doorOpen).toEqual(defaultSettings.alerts.doorOpen);
    expect(next.polling).toEqual({ ...defaultSettings.polling, fastSeconds: 45 });
  });

  it('refuses unknown keys and out-of-range values', () => {
    expect(settingsPatchSchema.safeParse({ polling: { fastSeconds: 1 } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ unlockDurationSeconds: 500 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ apiKey: 'sneaky' }).success).toBe(false);
  });

  it('refuses huge values a compromised page could send to fill the settings file', () => {
    const vin = 'YV1XZK9V2PA000001';
    expect(settingsPatchSchema.safeParse({ watchedVins: [vin], selectedVin: vin }).success).toBe(
      true,
    );
    expect(settingsPatchSchema.safeParse({ watchedVins: Array(100_000).fill(vin) }).success).toBe(
      false,
    );
    expect(settingsPatchSchema.safeParse({ watchedVins: ['x'.repeat(1_000_000)] }).success).toBe(
      false,
    );
    expect(settingsPatchSchema.safeParse({ selectedVin: 'x'.repeat(1_000_000) }).success).toBe(
      false,
    );
  });
});
