import { describe, expect, it } from 'vitest';
import { messageGate } from './message-rate';

describe('messageGate', () => {
  it('lets a burst through, then only the rate', () => {
    let now = 0;
    const gate = messageGate({ burst: 3, perSecond: 2, now: () => now });
    expect([gate(), gate(), gate(), gate()]).toEqual([true, true, true, false]);
    now = 500; // half a second: one more message
    expect([gate(), gate()]).toEqual([true, false]);
    now = 60_000; // a long pause refills the burst, no more
    expect([gate(), gate(), gate(), gate()]).toEqual([true, true, true, false]);
  });
});
