import { describe, expect, it } from 'vitest';
import { mainDefaultSettings as defaultSettings, mainSays } from '../../test-support/main-says';
import { connectRequest, connectValues, preferencePatch, preferenceValues } from './settings-form';

const vins = ['YV1XZK9V2PA000001', 'YV4A22PL3N1000002'];

describe('preference form', () => {
  it('sends nothing when nothing changed', () => {
    const values = preferenceValues(defaultSettings, vins);
    expect(values.watched).toEqual(vins);
    expect(preferencePatch(values, defaultSettings, vins)).toEqual({ ok: true, patch: {} });
  });

  it('checks every car when the watch list names none of them (a list left from the demo)', () => {
    const mine = ['YV1LFA2BCJ1234567'];
    const fromDemo = { ...defaultSettings, watchedVins: [vins[1] ?? ''] };
    expect(preferenceValues(fromDemo, mine).watched).toEqual(mine);
    expect(preferenceValues(fromDemo, vins).watched).toEqual([vins[1]]);
  });

  it('sends only what changed, in a patch the core accepts', () => {
    const values = {
      ...preferenceValues(defaultSettings, vins),
      doorOpenMinutes: '2',
      fastSeconds: '45',
      launchAtLogin: true,
      watched: [vins[1] ?? ''],
    };
    const result = preferencePatch(values, defaultSettings, vins);
    expect(result).toEqual({
      ok: true,
      patch: {
        watchedVins: [vins[1]],
        alerts: { doorOpen: { enabled: true, minutes: 2 } },
        polling: { fastSeconds: 45 },
        launchAtLogin: true,
      },
    });
    expect(result.ok && mainSays.settingsPatch(result.patch) === null).toBe(true);
  });

  it('sends the opt-in to watch a parked car’s engine with the rest of its rule', () => {
    const values = { ...preferenceValues(defaultSettings, vins), engineWhileParked: true };
    const result = preferencePatch(values, defaultSettings, vins);
    expect(result).toEqual({
      ok: true,
      patch: { alerts: { engineRunning: { enabled: true, minutes: 10, whileParked: true } } },
    });
    expect(result.ok && mainSays.settingsPatch(result.patch) === null).toBe(true);
  });

  it('sends the opt-in to store the sign-in without encryption only when it changes', () => {
    const values = { ...preferenceValues(defaultSettings, vins), allowPlaintextSecrets: true };
    const result = preferencePatch(values, defaultSettings, vins);
    expect(result).toEqual({ ok: true, patch: { allowPlaintextSecrets: true } });
    expect(result.ok && mainSays.settingsPatch(result.patch) === null).toBe(true);
    const allowed = { ...defaultSettings, allowPlaintextSecrets: true };
    expect(preferencePatch(preferenceValues(allowed, vins), allowed, vins)).toEqual({
      ok: true,
      patch: {},
    });
  });

  it('refuses the whole form, with a message next to each wrong field', () => {
    const values = {
      ...preferenceValues(defaultSettings, vins),
      fastSeconds: '5',
      unlockDurationSeconds: 'soon',
      launchAtLogin: true,
    };
    expect(preferencePatch(values, defaultSettings, vins)).toEqual({
      ok: false,
      errors: {
        fastSeconds: 'Must be from 30 to 3600 seconds.',
        unlockDurationSeconds: 'Enter a whole number from 1 to 120 seconds.',
      },
    });
  });

  it('asks for at least one watched car and a slow interval not faster than the fast one', () => {
    const values = {
      ...preferenceValues(defaultSettings, vins),
      watched: [],
      fastSeconds: '300',
      slowSeconds: '120',
    };
    const result = preferencePatch(values, defaultSettings, vins);
    expect(result.ok).toBe(false);
    // In the form's order: the first error is the first field to fix.
    expect(!result.ok && Object.keys(result.errors)).toEqual(['watched', 'slowSeconds']);
  });
});

describe('car names and the engine and tank lid rules in the form', () => {
  it('names a car, sends only the names that changed, and an emptied name to go back', () => {
    const named = { ...defaultSettings, vehicleNames: { [vins[1] ?? '']: 'Work car' } };
    const values = preferenceValues(named, vins);
    expect(values.names).toEqual({ [vins[0] ?? '']: '', [vins[1] ?? '']: 'Work car' });
    const result = preferencePatch(
      { ...values, names: { [vins[0] ?? '']: '  Anna’s XC40 ', [vins[1] ?? '']: '' } },
      named,
      vins,
    );
    expect(result).toEqual({
      ok: true,
      patch: { vehicleNames: { [vins[0] ?? '']: 'Anna’s XC40', [vins[1] ?? '']: '' } },
    });
    expect(result.ok && mainSays.settingsPatch(result.patch) === null).toBe(true);
  });

  it('refuses a name too long for the header, and saves nothing', () => {
    const values = {
      ...preferenceValues(defaultSettings, vins),
      names: { [vins[0] ?? '']: 'x'.repeat(41) },
      launchAtLogin: true,
    };
    expect(preferencePatch(values, defaultSettings, vins)).toEqual({
      ok: false,
      errors: { names: "A car's name has at most 40 characters." },
    });
  });

  it('switches the engine and tank lid rules and sets their minutes', () => {
    const values = {
      ...preferenceValues(defaultSettings, vins),
      engineRunningMinutes: '20',
      tankLidOpenEnabled: true,
    };
    const result = preferencePatch(values, defaultSettings, vins);
    expect(result).toEqual({
      ok: true,
      patch: {
        alerts: {
          engineRunning: { enabled: true, minutes: 20, whileParked: false },
          tankLidOpen: { enabled: true, minutes: 5 },
        },
      },
    });
    expect(result.ok && mainSays.settingsPatch(result.patch) === null).toBe(true);
  });
});

describe('connection form', () => {
  const filled = {
    ...connectValues(defaultSettings),
    clientId: 'my-volvo-app',
    apiKey: 'abcdef0123456789abcdef',
  };

  it('builds a sign-in request the contract accepts, leaving out an empty secret', () => {
    const result = connectRequest(filled);
    expect(result).toEqual({
      ok: true,
      request: {
        mode: 'volvo-id',
        clientId: 'my-volvo-app',
        apiKey: 'abcdef0123456789abcdef',
        redirectPort: 8765,
        apiVersion: 'v2',
        access: 'full',
      },
    });
    expect(result.ok && mainSays.signInRequest(result.request) === null).toBe(true);
  });

  it('asks for status only when the person says Volvo has not approved their app for commands', () => {
    const result = connectRequest({ ...filled, statusOnly: true });
    expect(result.ok && result.request.mode === 'volvo-id' && result.request.access).toBe(
      'status-only',
    );
    expect(result.ok && mainSays.signInRequest(result.request) === null).toBe(true);
  });

  it('asks for find my car (conve:honk_flash) only when the person ticks it', () => {
    const ticked = connectRequest({ ...filled, findMyCar: true });
    expect(ticked.ok && ticked.request.mode === 'volvo-id' && ticked.request.findMyCar).toBe(true);
    expect(ticked.ok && mainSays.signInRequest(ticked.request) === null).toBe(true);
    const left = connectRequest({ ...filled, findMyCar: false });
    expect(left.ok && left.request.mode === 'volvo-id' && 'findMyCar' in left.request).toBe(false);
  });

  it('names each wrong field', () => {
    const result = connectRequest({
      ...filled,
      clientId: ' ',
      apiKey: 'short',
      redirectPort: '80',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors)).toEqual([
      'clientId',
      'apiKey',
      'redirectPort',
    ]);
    expect(!result.ok && result.errors).toEqual({
      clientId: 'Enter the client id of your Volvo developer app.',
      apiKey:
        'The VCC API key is the long code of letters and digits from your Volvo developer app.',
      redirectPort: 'Must be from 1024 to 65535.',
    });
  });

  it('asks for the whole token in test-token mode', () => {
    const result = connectRequest({ ...filled, mode: 'test-token', accessToken: 'abc' });
    expect(!result.ok && result.errors).toEqual({
      accessToken: 'Paste the whole test access token from the Volvo developer portal.',
    });
    const ok = connectRequest({ ...filled, mode: 'test-token', accessToken: 't'.repeat(40) });
    expect(ok.ok && mainSays.signInRequest(ok.request) === null).toBe(true);
  });
});
