import type { Snapshot } from '../shared/snapshot';
import type { VolvoBridge } from './bridge';

/** What the popover knows: the latest Snapshot, or why there is none yet. */
export type SnapshotState =
  | { kind: 'waiting' }
  | { kind: 'ready'; snapshot: Snapshot }
  | { kind: 'failed'; error: string };

/** The latest Snapshot as a store React can follow (`useSyncExternalStore`). */
export interface SnapshotSource {
  current(): SnapshotState;
  /** Calls `onChange` after every change; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void;
}

/**
 * Follows the bridge's Snapshots from the moment the page starts, before React mounts: the
 * first one is asked at once and pushes are never missed between the answer and a subscription.
 * Older revisions arriving late (the answer to getSnapshot racing a push) are dropped, and so is
 * one already shown (the bridge may deliver the Snapshot it had and answer with it too).
 */
export function followSnapshots(
  bridge: Pick<VolvoBridge, 'onSnapshot' | 'getSnapshot'>,
): SnapshotSource {
  const listeners = new Set<() => void>();
  let state: SnapshotState = { kind: 'waiting' };
  let latest = -1;
  const set = (next: SnapshotState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  let shown = '';
  const accept = (snapshot: Snapshot) => {
    if (snapshot.revision <= latest) return;
    latest = snapshot.revision;
    // A push that only says the popover opened (the core's own flag, not shown) would render
    // everything again for nothing, just as the popover appears.
    const next = JSON.stringify({ ...snapshot, revision: 0, popoverOpen: false });
    if (next === shown) return;
    shown = next;
    set({ kind: 'ready', snapshot });
  };
  bridge.onSnapshot(accept);
  void bridge.getSnapshot().then((result) => {
    if (result.ok) accept(result.value);
    else if (latest < 0) set({ kind: 'failed', error: result.error });
  });
  return {
    current: () => state,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
