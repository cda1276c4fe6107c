import { useEffect, useState } from 'react';
import type { Snapshot } from '../../shared/snapshot';
import type { VolvoBridge } from '../bridge';

/** What the popover knows: the latest Snapshot, or why there is none yet. */
export type SnapshotState =
  | { kind: 'waiting' }
  | { kind: 'ready'; snapshot: Snapshot }
  | { kind: 'failed'; error: string };

/**
 * The latest Snapshot: asks once, then follows pushes. Older revisions arriving late (the answer
 * to getSnapshot racing a push) are dropped.
 */
export function useSnapshot(bridge: VolvoBridge): SnapshotState {
  const [state, setState] = useState<SnapshotState>({ kind: 'waiting' });
  useEffect(() => {
    let latest = -1;
    const accept = (snapshot: Snapshot) => {
      if (snapshot.revision < latest) return;
      latest = snapshot.revision;
      setState({ kind: 'ready', snapshot });
    };
    const unsubscribe = bridge.onSnapshot(accept);
    void bridge.getSnapshot().then((result) => {
      if (result.ok) accept(result.value);
      else if (latest < 0) setState({ kind: 'failed', error: result.error });
    });
    return unsubscribe;
  }, [bridge]);
  return state;
}
