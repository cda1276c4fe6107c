import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import {
  INTENT_NAMES,
  intentChannel,
  SNAPSHOT_CHANNEL,
  type VolvoBridge,
} from '../shared/contract';
import type { Snapshot } from '../shared/snapshot';

/**
 * The preload (bundled to CommonJS: a sandboxed preload cannot load ES modules). It exposes
 * exactly the contract as `window.volvo`: one function per intent, each sending its arguments
 * on that intent's own channel, and `onSnapshot`. Nothing else crosses: no `ipcRenderer`, no
 * generic invoke, no channel name chosen by the page. Main checks the sender and validates
 * every argument.
 */

/** What an intent answers when the request could not even reach main. */
export const NOT_SENT_ERROR = 'That request could not be sent to volvo-tray.';

/** Builds the bridge from an invoke and a subscribe function (the test passes fakes). */
export function buildBridge(
  invoke: (channel: string, args: unknown[]) => Promise<unknown>,
  subscribe: (channel: string, listener: (payload: unknown) => void) => () => void,
): VolvoBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of INTENT_NAMES) {
    const channel = intentChannel(name);
    // An argument IPC cannot copy (a function, a DOM node) or a main process that is quitting
    // rejects the invoke: the page still gets an answer in words, as the contract promises.
    bridge[name] = (...args: unknown[]) =>
      invoke(channel, args).catch(() => ({ ok: false, error: NOT_SENT_ERROR }));
  }
  bridge.onSnapshot = (listener: (snapshot: Snapshot) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onSnapshot needs a function.');
    return subscribe(SNAPSHOT_CHANNEL, (payload) => listener(payload as Snapshot));
  };
  return Object.freeze(bridge) as VolvoBridge;
}

const bridge = buildBridge(
  (channel, args) => ipcRenderer.invoke(channel, ...args),
  (channel, listener) => {
    // The page's listener never sees the IPC event (it holds `sender`, an ipcRenderer).
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('volvo', bridge);
