import { afterEach, describe, expect, it } from 'vitest';
import { ControllableClock } from './controllable-clock';

const noSettle = () => Promise.resolve();
let clock: ControllableClock | null = null;
afterEach(() => clock?.dispose());

describe('ControllableClock', () => {
  it('runs with the system clock until told otherwise', () => {
    clock = new ControllableClock(noSettle);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50);
  });

  it('fires real timers on time', async () => {
    clock = new ControllableClock(noSettle);
    const fired = await new Promise<number>((resolve) => {
      const started = Date.now();
      clock?.setTimeout(() => resolve(Date.now() - started), 30);
    });
    expect(fired).toBeGreaterThanOrEqual(25);
  });

  it('fires a timer asked for with a NaN delay at once, as the system clock does', async () => {
    clock = new ControllableClock(noSettle);
    await new Promise<void>((resolve) => clock?.setTimeout(resolve, Number.NaN));
  }, 2000);

  it('jumps forward, firing due timers in order at their own time, and not the later ones', async () => {
    clock = new ControllableClock(noSettle);
    const c = clock;
    const start = c.now();
    const seen: [string, number][] = [];
    c.setTimeout(() => seen.push(['five minutes', c.now() - start]), 5 * 60_000);
    c.setTimeout(() => {
      seen.push(['one minute', c.now() - start]);
      // A poller re-arming itself: due again within the jump, so it fires again.
      c.setTimeout(() => seen.push(['two minutes', c.now() - start]), 60_000);
    }, 60_000);
    c.setTimeout(() => seen.push(['an hour', c.now() - start]), 60 * 60_000);
    await c.advance(6 * 60_000);
    expect(seen.map(([what]) => what)).toEqual(['one minute', 'two minutes', 'five minutes']);
    expect(seen[0]?.[1]).toBeGreaterThanOrEqual(60_000);
    expect(seen[0]?.[1]).toBeLessThan(61_000);
    expect(seen[2]?.[1]).toBeGreaterThanOrEqual(5 * 60_000);
    expect(c.now() - start).toBeGreaterThanOrEqual(6 * 60_000);
    expect(c.pending()).toBe(1);
  });

  it('forgets cleared timers', async () => {
    clock = new ControllableClock(noSettle);
    let fired = false;
    const handle = clock.setTimeout(() => {
      fired = true;
    }, 1000);
    clock.clearTimeout(handle);
    await clock.advance(2000);
    expect(fired).toBe(false);
    expect(clock.pending()).toBe(0);
  });

  it('re-arms waiting timers after a jump so they fire at the new, nearer time', async () => {
    clock = new ControllableClock(noSettle);
    const c = clock;
    const firedAfter = new Promise<number>((resolve) => {
      const started = Date.now();
      c.setTimeout(() => resolve(Date.now() - started), 10 * 60_000 + 40);
    });
    await c.advance(10 * 60_000);
    expect(await firedAfter).toBeLessThan(2000);
  });
});
