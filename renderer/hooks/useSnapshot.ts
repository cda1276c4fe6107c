import { useSyncExternalStore } from 'react';
import type { SnapshotSource, SnapshotState } from '../snapshot-source';

/**
 * The latest Snapshot. A store update renders at once (not at the next frame, as a state set
 * from an effect would), so the first Snapshot is on screen one frame sooner.
 */
export function useSnapshot(source: SnapshotSource): SnapshotState {
  return useSyncExternalStore(source.subscribe, source.current);
}
