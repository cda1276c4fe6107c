import { describe, expect, it } from 'vitest';
import { mainSays } from '../../test-support/main-says';
import {
  checkAccessToken,
  checkApiKey,
  checkClientId,
  checkClientSecret,
  checkWholeNumber,
  LIMITS,
  type NumberLimit,
} from './fields';

/** Each form limit, as the patch the core would receive. */
const patches: Record<keyof typeof LIMITS, (n: number) => unknown> = {
  fastSeconds: (n) => ({ polling: { fastSeconds: n } }),
  slowSeconds: (n) => ({ polling: { slowSeconds: n } }),
  dailyBudget: (n) => ({ polling: { dailyBudget: n } }),
  doorOpenMinutes: (n) => ({ alerts: { doorOpen: { minutes: n } } }),
  unlockedMinutes: (n) => ({ alerts: { unlocked: { minutes: n } } }),
  engineRunningMinutes: (n) => ({ alerts: { engineRunning: { minutes: n } } }),
  tankLidOpenMinutes: (n) => ({ alerts: { tankLidOpen: { minutes: n } } }),
  remindAfterMinutes: (n) => ({ alerts: { remindAfterMinutes: n } }),
  unlockDurationSeconds: (n) => ({ unlockDurationSeconds: n }),
  redirectPort: (n) => ({ connection: { redirectPort: n } }),
};

describe('form limits', () => {
  it('accept and refuse exactly what the core accepts and refuses', () => {
    for (const [name, limit] of Object.entries(LIMITS) as [keyof typeof LIMITS, NumberLimit][]) {
      const patch = patches[name];
      for (const n of [limit.min - 1, limit.min, limit.max, limit.max + 1]) {
        const core = mainSays.settingsPatch(patch(n)) === null;
        const form = checkWholeNumber(String(n), limit).ok;
        expect({ name, n, form }).toEqual({ name, n, form: core });
      }
    }
  });

  it('explains what to type when the number is wrong', () => {
    expect(checkWholeNumber('abc', LIMITS.fastSeconds)).toEqual({
      ok: false,
      message: 'Enter a whole number from 30 to 3600 seconds.',
    });
    expect(checkWholeNumber('12.5', LIMITS.doorOpenMinutes).ok).toBe(false);
    expect(checkWholeNumber('5', LIMITS.fastSeconds)).toEqual({
      ok: false,
      message: 'Must be from 30 to 3600 seconds.',
    });
    expect(checkWholeNumber(' 90 ', LIMITS.fastSeconds)).toEqual({ ok: true, value: 90 });
  });
});

describe('connection fields', () => {
  const base = {
    mode: 'volvo-id',
    clientId: 'my-app',
    apiKey: 'a'.repeat(32),
    redirectPort: 8765,
    apiVersion: 'v2',
  };

  it('agree with the contract on API keys', () => {
    for (const key of [
      'short',
      'a'.repeat(16),
      'has spaces in it 123456',
      'x'.repeat(129),
      'A-b_9'.repeat(5),
    ]) {
      const core = mainSays.signInRequest({ ...base, apiKey: key }) === null;
      expect({ key, form: checkApiKey(key).ok }).toEqual({ key, form: core });
    }
    expect(checkApiKey('').ok).toBe(false);
  });

  it('agree with the contract on client ids, secrets and test tokens', () => {
    for (const clientId of ['', '  ', 'app', 'x'.repeat(201)]) {
      const core = mainSays.signInRequest({ ...base, clientId }) === null;
      expect({ clientId, form: checkClientId(clientId).ok }).toEqual({ clientId, form: core });
    }
    expect(checkClientSecret('  ')).toEqual({ ok: true, value: undefined });
    expect(checkClientSecret('s'.repeat(501)).ok).toBe(false);
    for (const accessToken of ['short', 't'.repeat(20), 't'.repeat(8193)]) {
      const core =
        mainSays.signInRequest({
          mode: 'test-token',
          accessToken,
          apiKey: 'a'.repeat(32),
          apiVersion: 'v2',
        }) === null;
      expect({ accessToken: accessToken.length, form: checkAccessToken(accessToken).ok }).toEqual({
        accessToken: accessToken.length,
        form: core,
      });
    }
  });

  it('say what the contract says about a wrong field', () => {
    const coreSays = (request: Record<string, unknown>) =>
      mainSays.signInRequest(request) ?? undefined;
    const formSays = (check: { ok: boolean; message?: string }) =>
      check.ok ? undefined : check.message;
    expect(formSays(checkApiKey('short'))).toBe(coreSays({ ...base, apiKey: 'short' }));
    expect(formSays(checkClientId(''))).toBe(coreSays({ ...base, clientId: '' }));
    expect(formSays(checkClientId('x'.repeat(201)))).toBe(
      coreSays({ ...base, clientId: 'x'.repeat(201) }),
    );
    expect(formSays(checkAccessToken('short'))).toBe(
      coreSays({
        mode: 'test-token',
        accessToken: 'short',
        apiKey: 'a'.repeat(32),
        apiVersion: 'v2',
      }),
    );
  });
});
