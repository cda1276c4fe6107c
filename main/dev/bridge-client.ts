/**
 * Runs in the browser, not in Node: the browser host serves this file (types stripped) ahead of
 * the popover's own script. It gives the page a `window.volvo` that speaks the contract over the
 * host's loopback WebSocket, as the Electron preload does over IPC. It must not import anything
 * at run time: only types.
 */
import type { IntentName, IntentResult, VolvoBridge } from '../../shared/contract';
import type { Snapshot } from '../../shared/snapshot';
import type { HostMessage } from './wire';

/** Installs `window.volvo`, connecting to `socketUrl`; `intentNames` come from the contract. */
export function installVolvoBridge(
  target: Window,
  socketUrl: string,
  intentNames: readonly IntentName[],
): void {
  const socket = new WebSocket(socketUrl);
  const listeners = new Set<(snapshot: Snapshot) => void>();
  // The host pushes a Snapshot as the socket opens, usually before the popover's own script has
  // subscribed: kept, so a late subscriber starts from it instead of a getSnapshot round trip.
  let latest: Snapshot | null = null;
  const pending = new Map<number, (result: IntentResult<unknown>) => void>();
  const queue: string[] = [];
  let nextId = 1;
  let closedReason: string | null = null;

  socket.addEventListener('open', () => {
    for (const message of queue.splice(0)) socket.send(message);
  });
  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return;
    const message = JSON.parse(event.data) as HostMessage;
    if (message.type === 'snapshot') {
      latest = message.snapshot;
      for (const listener of listeners) listener(message.snapshot);
    } else if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    }
  });
  socket.addEventListener('close', () => {
    closedReason = 'The app has stopped (the browser host closed the connection).';
    for (const resolve of pending.values()) resolve({ ok: false, error: closedReason });
    pending.clear();
  });

  const call = (name: IntentName, args: unknown[]): Promise<IntentResult<unknown>> => {
    if (closedReason) return Promise.resolve({ ok: false, error: closedReason });
    const id = nextId++;
    const message = JSON.stringify({ type: 'intent', id, name, args });
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (socket.readyState === WebSocket.OPEN) socket.send(message);
      else queue.push(message);
    });
  };

  const methods: Record<string, unknown> = {
    onSnapshot(listener: (snapshot: Snapshot) => void): () => void {
      listeners.add(listener);
      const known = latest;
      // After the call returns, as a push would come, and only while still subscribed.
      if (known) {
        queueMicrotask(() => {
          if (listeners.has(listener)) listener(known);
        });
      }
      return () => listeners.delete(listener);
    },
  };
  for (const name of intentNames) {
    methods[name] = (...args: unknown[]) => call(name, args);
  }
  // One method per contract intent plus onSnapshot: the VolvoBridge shape, built from its names.
  const bridge = Object.freeze(methods) as unknown as VolvoBridge;
  Object.defineProperty(target, 'volvo', { value: bridge, enumerable: true });
}
