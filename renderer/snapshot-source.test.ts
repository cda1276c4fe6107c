import { describe, expect, it } from 'vitest';
import type { IntentResult, VolvoBridge } from '../shared/contract';
import type { Snapshot } from '../shared/snapshot';
import { snapshot } from '../test-support/snapshots';
import { followSnapshots } from './snapshot-source';

/** A bridge whose getSnapshot answers when the test says, and whose pushes the test sends. */
function controlledBridge() {
  let push: (value: Snapshot) => void = () => {};
  let answer: (result: IntentResult<Snapshot>) => void = () => {};
  const bridge: Pick<VolvoBridge, 'onSnapshot' | 'getSnapshot'> = {
    onSnapshot(listener) {
      push = listener;
      return () => {};
    },
    getSnapshot: () =>
      new Promise<IntentResult<Snapshot>>((resolve) => {
        answer = resolve;
      }),
  };
  return {
    bridge,
    push: (value: Snapshot) => push(value),
    answer: (r: IntentResult<Snapshot>) => answer(r),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the popover’s Snapshots', () => {
  it('shows the first answer, then every newer push; an older answer arriving late is dropped', async () => {
    const { bridge, push, answer } = controlledBridge();
    const source = followSnapshots(bridge);
    const changes: string[] = [];
    source.subscribe(() => changes.push(source.current().kind));
    expect(source.current()).toEqual({ kind: 'waiting' });

    // A push before the answer (the popover reported itself open): the newer state wins.
    push(snapshot({ revision: 5 }));
    answer({ ok: true, value: snapshot({ revision: 4 }) });
    await flush();
    const state = source.current();
    expect(state.kind === 'ready' && state.snapshot.revision).toBe(5);
    expect(changes).toEqual(['ready']);
  });

  it('says why when the first Snapshot cannot be had, and keeps a Snapshot it already has', async () => {
    const failing = controlledBridge();
    const source = followSnapshots(failing.bridge);
    failing.answer({ ok: false, error: 'The app has stopped.' });
    await flush();
    expect(source.current()).toEqual({ kind: 'failed', error: 'The app has stopped.' });

    const pushedFirst = controlledBridge();
    const kept = followSnapshots(pushedFirst.bridge);
    pushedFirst.push(snapshot({ revision: 1 }));
    pushedFirst.answer({ ok: false, error: 'The app has stopped.' });
    await flush();
    expect(kept.current().kind).toBe('ready');
  });

  it('renders a Snapshot once: not again for the same one answered twice, nor for one that only says the popover opened', () => {
    const { bridge, push } = controlledBridge();
    const source = followSnapshots(bridge);
    let changes = 0;
    source.subscribe(() => changes++);
    push(snapshot({ revision: 3, popoverOpen: false }));
    push(snapshot({ revision: 3, popoverOpen: false }));
    push(snapshot({ revision: 4, popoverOpen: true }));
    expect(changes).toBe(1);
    push(snapshot({ revision: 5, popoverOpen: true, online: false }));
    expect(changes).toBe(2);
    const state = source.current();
    expect(state.kind === 'ready' && state.snapshot.online).toBe(false);
  });
});
