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
      findMyCar: false,
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

  it('changes only the field a patch names: the rest of its group stays as the person set it', () => {
    const tuned = applySettingsPatch(
      defaultSettings,
      settingsPatchSchema.parse({
        polling: { dailyBudget: 2000, slowSeconds: 900 },
        connection: { clientId: 'my-app', redirectPort: 9000 },
      }),
    );
    const next = applySettingsPatch(
      tuned,
      settingsPatchSchema.parse({ polling: { fastSeconds: 45 }, connection: { mode: 'volvo-id' } }),
    );
    expect(next.polling).toMatchObject({ fastSeconds: 45, dailyBudget: 2000, slowSeconds: 900 });
    expect(next.connection).toMatchObject({
      mode: 'volvo-id',
      clientId: 'my-app',
      redirectPort: 9000,
    });
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

  it("keeps a rule's minutes when only its switch changes (engine and tank lid too)", () => {
    const tuned = applySettingsPatch(
      defaultSettings,
      settingsPatchSchema.parse({ alerts: { engineRunning: { minutes: 25 } } }),
    );
    const next = applySettingsPatch(
      tuned,
      settingsPatchSchema.parse({
        alerts: { engineRunning: { enabled: false }, tankLidOpen: { enabled: true } },
      }),
    );
    expect(next.alerts.engineRunning).toEqual({ enabled: false, minutes: 25, whileParked: false });
    expect(next.alerts.tankLidOpen).toEqual({ enabled: true, minutes: 5 });
  });

  it("names a car, renames it, and gives it back its model's name with an empty name", () => {
    const vin = 'YV1XZK9V2PA000001';
    const named = applySettingsPatch(
      defaultSettings,
      settingsPatchSchema.parse({ vehicleNames: { [vin]: '  Anna’s XC40 ' } }),
    );
    expect(named.vehicleNames).toEqual({ [vin]: 'Anna’s XC40' });
    const other = applySettingsPatch(
      named,
      settingsPatchSchema.parse({ vehicleNames: { YV4A22PL3N1000002: 'Work car' } }),
    );
    expect(other.vehicleNames).toEqual({ [vin]: 'Anna’s XC40', YV4A22PL3N1000002: 'Work car' });
    const cleared = applySettingsPatch(
      other,
      settingsPatchSchema.parse({ vehicleNames: { [vin]: '' } }),
    );
    expect(cleared.vehicleNames).toEqual({ YV4A22PL3N1000002: 'Work car' });
  });

  it('refuses a car name that is too long, not one line, or not keyed by a VIN', () => {
    const vin = 'YV1XZK9V2PA000001';
    const refused = (names: unknown) => settingsPatchSchema.safeParse({ vehicleNames: names });
    expect(refused({ [vin]: 'x'.repeat(41) }).error?.issues[0]?.message).toBe(
      "A car's name has at most 40 characters.",
    );
    expect(refused({ [vin]: 'two\nlines' }).success).toBe(false);
    expect(refused({ ['x'.repeat(1000)]: 'name' }).success).toBe(false);
    expect(refused({ [vin]: 42 }).success).toBe(false);
  });
});

describe("the address of Volvo's status page", () => {
  it('defaults to the developer portal and takes another origin, such as a simulator', () => {
    expect(defaultSettings.backendStatusBaseUrl).toBe(
      'https://public-developer-portal-bff.weu-prod.ecpaz.volvocars.biz',
    );
    const local = settingsPatchSchema.parse({ backendStatusBaseUrl: 'http://127.0.0.1:8090/' });
    expect(local.backendStatusBaseUrl).toBe('http://127.0.0.1:8090');
  });

  it('refuses a path, plain http off this computer, or not an address, in words', () => {
    for (const [value, says] of [
      ['https://example.com/api/v1', /without a path/],
      ['http://status.example.com', /https:\/\//],
      ['ftp://example.com', /http\(s\) address/],
      ['not a url', /http\(s\) address/],
    ] as const) {
      const { settings, problems } = loadSettings({ backendStatusBaseUrl: value });
      expect(settings.backendStatusBaseUrl).toBe(defaultSettings.backendStatusBaseUrl);
      expect(problems).toEqual([expect.stringMatching(says)]);
    }
  });
});
