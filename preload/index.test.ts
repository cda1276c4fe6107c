import { beforeAll, describe, expect, it, vi } from 'vitest';
import { emitToRenderer, fake } from '../main/electron/testing/fake-electron';
import {
  INTENT_NAMES,
  intentChannel,
  SNAPSHOT_CHANNEL,
  type VolvoBridge,
} from '../shared/contract';
import { snapshot } from '../test-support/snapshots';

vi.mock('electron', () => import('../main/electron/testing/fake-electron'));

const VIN = 'YV1XZK9V2PA000001';
let bridge: VolvoBridge;
let buildBridge: typeof import('./index').buildBridge;
let NOT_SENT_ERROR: string;
beforeAll(async () => {
  ({ buildBridge, NOT_SENT_ERROR } = await import('./index'));
  bridge = fake.exposedInMainWorld.get('volvo') as VolvoBridge;
});

describe('the preload', () => {
  it('exposes window.volvo and nothing else', () => {
    expect([...fake.exposedInMainWorld.keys()]).toEqual(['volvo']);
  });

  it('exposes exactly one function per intent plus onSnapshot: no ipcRenderer, no generic invoke', () => {
    expect(Object.keys(bridge).sort()).toEqual([...INTENT_NAMES, 'onSnapshot'].sort());
    for (const value of Object.values(bridge)) expect(value).toBeTypeOf('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends each intent on its own channel with the arguments as given', async () => {
    await bridge.lock(VIN, { reducedGuard: true });
    await bridge.refresh();
    expect(fake.rendererInvocations).toEqual([
      { channel: intentChannel('lock'), args: [VIN, { reducedGuard: true }] },
      { channel: intentChannel('refresh'), args: [] },
    ]);
  });

  it('delivers Snapshots to the listener without the IPC event, and unsubscribes', () => {
    const received: unknown[] = [];
    const unsubscribe = bridge.onSnapshot((s) => received.push(s));
    emitToRenderer(SNAPSHOT_CHANNEL, snapshot());
    unsubscribe();
    emitToRenderer(SNAPSHOT_CHANNEL, snapshot({ revision: 2 }));
    expect(received).toEqual([snapshot()]);
    expect(fake.rendererListeners.get(SNAPSHOT_CHANNEL)?.size).toBe(0);
  });

  it('answers in words, never with a rejection, when a request cannot reach main', async () => {
    const failing = buildBridge(
      () => Promise.reject(new Error('An object could not be cloned.')),
      () => () => {},
    );
    expect(await failing.lock(VIN, { reducedGuard: true })).toEqual({
      ok: false,
      error: NOT_SENT_ERROR,
    });
  });

  it('refuses a listener that is not a function', () => {
    expect(() => bridge.onSnapshot('alert(1)' as never)).toThrow('onSnapshot needs a function.');
  });
});
