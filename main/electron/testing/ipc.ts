import type { ContextBridge, IpcMain, IpcRenderer } from 'electron';
import { type Chaining, withStandInArguments } from './stand-ins';
import { fake, type Listener } from './state';
import type { FakeWebContents } from './windows';

/**
 * Both ends of IPC, recorded in {@link fake}: `ipcMain` (main), `ipcRenderer` and
 * `contextBridge` (the preload), and the test helpers that carry a call across.
 */

class FakeIpcMain
  implements
    Pick<IpcMain, 'handle' | 'removeHandler'>,
    Chaining<IpcMain, 'on' | 'removeAllListeners'>
{
  on(channel: string, listener: Parameters<IpcMain['on']>[1]) {
    const listeners = fake.ipcListeners.get(channel) ?? new Set<Listener>();
    listeners.add(withStandInArguments(listener));
    fake.ipcListeners.set(channel, listeners);
    return this;
  }
  removeAllListeners(channel?: string) {
    if (channel === undefined) fake.ipcListeners.clear();
    else fake.ipcListeners.delete(channel);
    return this;
  }
  handle(channel: string, handler: Parameters<IpcMain['handle']>[1]) {
    if (fake.ipcHandlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    fake.ipcHandlers.set(channel, withStandInArguments(handler));
  }
  removeHandler(channel: string) {
    fake.ipcHandlers.delete(channel);
  }
}

/** `ipcMain`: handlers and listeners by channel, in `fake.ipcHandlers` / `fake.ipcListeners`. */
export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer
  implements Pick<IpcRenderer, 'invoke'>, Chaining<IpcRenderer, 'on' | 'removeListener'>
{
  /** Answers every call with `{ ok: true, value: { channel, args } }`, so tests see what crossed. */
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    fake.rendererInvocations.push({ channel, args });
    return Promise.resolve({ ok: true, value: { channel, args } });
  }
  on(channel: string, listener: Parameters<IpcRenderer['on']>[1]) {
    const listeners = fake.rendererListeners.get(channel) ?? new Set<Listener>();
    listeners.add(withStandInArguments(listener));
    fake.rendererListeners.set(channel, listeners);
    return this;
  }
  removeListener(channel: string, listener: Parameters<IpcRenderer['removeListener']>[1]) {
    fake.rendererListeners.get(channel)?.delete(withStandInArguments(listener));
    return this;
  }
}

/** `ipcRenderer`, as the preload uses it. */
export const ipcRenderer = new FakeIpcRenderer();

/** `contextBridge`: what the preload exposes lands in `fake.exposedInMainWorld`. */
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    fake.exposedInMainWorld.set(key, api);
  },
} satisfies Pick<ContextBridge, 'exposeInMainWorld'>;

/** Test helper: what the renderer's `ipcRenderer.invoke` would reach in main. */
export async function invokeFromRenderer(
  channel: string,
  sender: { webContents: FakeWebContents; frame: { url: string; parent: unknown } | null },
  ...args: unknown[]
): Promise<unknown> {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`No handler for '${channel}'`);
  return handler({ sender: sender.webContents, senderFrame: sender.frame }, ...args);
}

/** Test helper: main pushes to the renderer (SNAPSHOT_CHANNEL). */
export function emitToRenderer(channel: string, payload: unknown): void {
  for (const listener of fake.rendererListeners.get(channel) ?? []) {
    listener({ sender: 'the ipcRenderer event' }, payload);
  }
}
