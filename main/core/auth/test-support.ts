import { createServer } from 'node:net';
import type { JsonStore, SecretName, SecretVault } from '../ports';

/** Test doubles for the auth tests: an observable vault and a store. */

/** One thing that happened, in order: vault writes and whatever the test records itself. */
export type Recorded =
  | { event: 'set'; name: SecretName; value: string }
  | { event: 'delete'; name: SecretName }
  | { event: string; value?: string };

/** An in-memory vault that records every write (after it is durable) in `events`. */
export interface RecordingVault extends SecretVault {
  readonly events: Recorded[];
  /** What is stored right now, as a crash at this moment would leave it. */
  contents(): Map<SecretName, string>;
  /** Called after each write resolves, e.g. to copy the vault at that instant. */
  afterWrite?: (event: Recorded) => void;
}

export function recordingVault(
  protection: 'os-encrypted' | 'plaintext' | 'memory' = 'os-encrypted',
  initial: Iterable<[SecretName, string]> = [],
): RecordingVault {
  const stored = new Map<SecretName, string>(initial);
  const vault: RecordingVault = {
    events: [],
    contents: () => new Map(stored),
    async get(name) {
      return stored.get(name);
    },
    async set(name, value) {
      await Promise.resolve();
      stored.set(name, value);
      const event = { event: 'set', name, value } as const;
      vault.events.push(event);
      vault.afterWrite?.(event);
    },
    async delete(name) {
      await Promise.resolve();
      stored.delete(name);
      const event = { event: 'delete', name } as const;
      vault.events.push(event);
      vault.afterWrite?.(event);
    },
    protection: () => protection,
  };
  return vault;
}

/** A JsonStore in memory; `saved` counts the writes. */
export function memoryStore(initial?: unknown): JsonStore<unknown> & { saved: unknown[] } {
  let value = initial;
  const saved: unknown[] = [];
  return {
    saved,
    load: () => (value === undefined ? undefined : structuredClone(value)),
    save(next) {
      value = structuredClone(next);
      saved.push(value);
    },
  };
}

/** A port on 127.0.0.1 that was free a moment ago (for the "registered redirect port"). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/** Waits (real time, briefly) until `condition` holds. */
export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
