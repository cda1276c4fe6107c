import { describe, expect, it } from 'vitest';
import { showProgress } from './progress';

describe('showProgress', () => {
  it('redraws one line each second with the time waited, and erases it when stopped', () => {
    let now = 1_000;
    let tick = () => {};
    let stopped = false;
    const written: string[] = [];
    const stop = showProgress('Locking', {
      write: (text) => written.push(text),
      now: () => now,
      every: (ms, callback) => {
        expect(ms).toBe(1000);
        tick = callback;
        return () => {
          stopped = true;
        };
      },
    });
    now += 12_400;
    tick();
    now += 60_000;
    tick();
    stop();
    expect(written).toEqual([
      '\r\x1b[2KLocking… waiting for the car (0 s)',
      '\r\x1b[2KLocking… waiting for the car (12 s)',
      '\r\x1b[2KLocking… waiting for the car (1 min)',
      '\r\x1b[2K',
    ]);
    expect(stopped).toBe(true);
  });
});
