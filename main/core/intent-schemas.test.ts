import { describe, expect, it } from 'vitest';
import { INTENT_NAMES, type IntentHandlers } from '../../shared/contract';
import { dispatchIntent, intentArgs } from './intent-schemas';

const VIN = 'YV1XZK9V2PA000001';

/** Handlers that record what reached them, as a host would wire the core. */
function recordingHandlers() {
  const calls: Array<[string, unknown[]]> = [];
  const handlers = Object.fromEntries(
    INTENT_NAMES.map((name) => [
      name,
      (...args: unknown[]) => {
        calls.push([name, args]);
        if (name === 'lock' && args[0] === 'YV1XZK9V2PA000009')
          throw new Error('The car is asleep.');
        return undefined;
      },
    ]),
  ) as unknown as IntentHandlers;
  return { handlers, calls };
}

describe('dispatchIntent', () => {
  it('passes valid arguments through to the handler', async () => {
    const { handlers, calls } = recordingHandlers();
    expect(await dispatchIntent(handlers, 'lock', [VIN, { reducedGuard: true }])).toEqual({
      ok: true,
      value: undefined,
    });
    expect(calls).toEqual([['lock', [VIN, { reducedGuard: true }]]]);
  });

  it('refuses a bad VIN in words and never calls the handler', async () => {
    const { handlers, calls } = recordingHandlers();
    const result = await dispatchIntent(handlers, 'lock', ['not-a-vin']);
    expect(result).toEqual({ ok: false, error: 'A VIN is 17 letters and digits (no I, O or Q).' });
    expect(calls).toEqual([]);
  });

  it('refuses unknown intents and non-array arguments', async () => {
    const { handlers, calls } = recordingHandlers();
    expect(await dispatchIntent(handlers, 'openUrl', ['https://example.com'])).toEqual({
      ok: false,
      error: 'Unknown request.',
    });
    expect(await dispatchIntent(handlers, '__proto__', [])).toMatchObject({ ok: false });
    expect((await dispatchIntent(handlers, 'refresh', 'x')).ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('turns a failing handler into an error sentence', async () => {
    const { handlers } = recordingHandlers();
    expect(await dispatchIntent(handlers, 'lock', ['YV1XZK9V2PA000009'])).toEqual({
      ok: false,
      error: 'The car is asleep.',
    });
  });

  it('checks sign-in input with messages a person understands', async () => {
    const { handlers } = recordingHandlers();
    const result = await dispatchIntent(handlers, 'signIn', [
      { mode: 'volvo-id', clientId: 'app', apiKey: 'short', redirectPort: 80, apiVersion: 'v2' },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/VCC API key|redirect port/);
  });

  it('has a schema for every intent', () => {
    for (const name of INTENT_NAMES) expect(intentArgs[name]).toBeDefined();
  });
});
