import { describe, expect, test } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { VolvoApiError } from '../volvo/errors';
import {
  createPollScheduler,
  MAX_PAUSE_MS,
  type PollOutcome,
  type PollPause,
  pauseFor,
} from './poll-scheduler';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

interface Harness {
  clock: FakeClock;
  polls: { vin: string; at: number }[];
  pauses: (PollPause | null)[];
  /** What the next polls answer, per VIN (default ok). */
  answers: Map<string, PollOutcome[]>;
  scheduler: ReturnType<typeof createPollScheduler>;
  signals: AbortSignal[];
}

function harness(
  overrides: {
    intervalMs?: (vin: string) => number;
    budgetBlockedUntil?: () => number | null;
    random?: () => number;
    hang?: boolean;
  } = {},
): Harness {
  const clock = new FakeClock();
  const polls: Harness['polls'] = [];
  const pauses: Harness['pauses'] = [];
  const answers = new Map<string, PollOutcome[]>();
  const signals: AbortSignal[] = [];
  const scheduler = createPollScheduler({
    clock,
    random: overrides.random ?? (() => 0.5),
    poll(vin, signal) {
      polls.push({ vin, at: clock.now() });
      signals.push(signal);
      if (overrides.hang) {
        return new Promise((resolve) =>
          signal.addEventListener('abort', () =>
            resolve({ ok: false, error: new Error('aborted') }),
          ),
        );
      }
      return Promise.resolve(answers.get(vin)?.shift() ?? { ok: true });
    },
    intervalMs: overrides.intervalMs ?? (() => 10 * MINUTE),
    budgetBlockedUntil: overrides.budgetBlockedUntil ?? (() => null),
    onPauseChange: (pause) => pauses.push(pause),
    pollTimeoutMs: 45 * SECOND,
    maxBackoffMs: 30 * MINUTE,
  });
  return { clock, polls, pauses, answers, scheduler, signals };
}

const times = (h: Harness, vin?: string) =>
  h.polls
    .filter((poll) => vin === undefined || poll.vin === vin)
    .map((poll) => poll.at - Date.UTC(2026, 10, 27, 8));

describe('poll scheduler', () => {
  test('polls every vehicle at start, then each on its own interval', async () => {
    const h = harness({ intervalMs: (vin) => (vin === 'A' ? MINUTE : 10 * MINUTE) });
    h.scheduler.setVehicles(['A', 'B']);
    h.scheduler.start();
    await h.clock.advance(20 * MINUTE);
    expect(times(h, 'A')).toHaveLength(21);
    expect(times(h, 'B')).toEqual([0, 10 * MINUTE, 20 * MINUTE]);
  });

  test('failures back off exponentially with jitter, and success restores the interval', async () => {
    const h = harness({ intervalMs: () => MINUTE, random: () => 1 });
    const failure: PollOutcome = {
      ok: false,
      error: new VolvoApiError('server', 'Volvo is down.'),
    };
    h.answers.set('A', [failure, failure, failure]);
    h.scheduler.setVehicles(['A']);
    h.scheduler.start();
    await h.clock.advance(30 * MINUTE);
    // random() = 1: the full ceiling, 2, 4 then 8 minutes; then every minute again.
    expect(times(h, 'A').slice(0, 6)).toEqual([
      0,
      2 * MINUTE,
      6 * MINUTE,
      14 * MINUTE,
      15 * MINUTE,
      16 * MINUTE,
    ]);
  });

  test('jitter spreads retries between half and all of the backoff', async () => {
    const h = harness({ intervalMs: () => MINUTE, random: () => 0 });
    h.answers.set('A', [{ ok: false, error: new VolvoApiError('network', 'Offline.') }]);
    h.scheduler.setVehicles(['A']);
    h.scheduler.start();
    await h.clock.advance(5 * MINUTE);
    expect(times(h, 'A').slice(0, 2)).toEqual([0, MINUTE]);
  });

  test('a 429 pauses every vehicle until Retry-After, then each is polled once at once', async () => {
    const h = harness({ intervalMs: () => MINUTE });
    h.answers.set('A', [
      {
        ok: false,
        error: new VolvoApiError('rate-limited', 'Too many.', {
          status: 429,
          retryAfterMs: 5 * MINUTE,
        }),
      },
    ]);
    h.scheduler.setVehicles(['A', 'B']);
    h.scheduler.start();
    await h.clock.advance(0);
    expect(h.scheduler.pause()).toMatchObject({ kind: 'rate-limited' });
    await h.clock.advance(5 * MINUTE - 1);
    expect(h.polls).toHaveLength(2);
    await h.clock.advance(1);
    expect(
      h.polls
        .slice(2)
        .map((poll) => poll.vin)
        .sort(),
    ).toEqual(['A', 'B']);
    expect(h.pauses.at(-1)).toBeNull();
  });

  test('the quota 403 pauses until Volvo replenishes the quota, asking once an hour meanwhile', async () => {
    const h = harness();
    const resetsAt = Date.UTC(2026, 10, 28);
    const out: PollOutcome = {
      ok: false,
      error: new VolvoApiError('quota', 'Out of quota.', { status: 403, quotaResetsAt: resetsAt }),
    };
    h.answers.set(
      'A',
      Array.from({ length: 16 }, () => out),
    );
    h.scheduler.setVehicles(['A']);
    h.scheduler.start();
    await h.clock.advance(0);
    expect(h.pauses[0]).toEqual({ kind: 'quota', until: resetsAt });
    await h.clock.advance(resetsAt - h.clock.now() - 1);
    // 08:00 the first 403, then one probe an hour from 09:00 to 23:00: 16 requests in 16 hours.
    expect(h.polls).toHaveLength(16);
    expect(h.polls.slice(0, 3).map((poll) => poll.at - (h.polls[0]?.at ?? 0))).toEqual([
      0,
      HOUR,
      2 * HOUR,
    ]);
    expect(h.scheduler.pause()?.kind).toBe('quota');
    await h.clock.advance(1);
    expect(h.polls).toHaveLength(17);
  });

  test('a quota pause ends at the first probe Volvo answers, and checks resume', async () => {
    const h = harness();
    const resetsAt = Date.UTC(2026, 10, 28);
    h.answers.set('A', [
      {
        ok: false,
        error: new VolvoApiError('quota', 'Out of quota.', {
          status: 403,
          quotaResetsAt: resetsAt,
        }),
      },
    ]);
    h.scheduler.setVehicles(['A']);
    h.scheduler.start();
    await h.clock.advance(0);
    await h.clock.advance(HOUR);
    expect(h.pauses).toEqual([{ kind: 'quota', until: resetsAt }, null]);
    expect(h.scheduler.pause()).toBeNull();
    await h.clock.advance(30 * MINUTE);
    // The normal rhythm again: every 10 minutes.
    expect(h.polls.length).toBeGreaterThanOrEqual(5);
  });

  test('a spent budget pauses polling until it resets', async () => {
    let blockedUntil: number | null = null;
    const h = harness({ budgetBlockedUntil: () => blockedUntil });
    h.scheduler.setVehicles(['A']);
    h.scheduler.start();
    await h.clock.advance(0);
    blockedUntil = h.clock.now() + 60 * MINUTE;
    await h.clock.advance(10 * MINUTE);
    expect(h.pauses[0]).toEqual({ kind: 'budget', until: blockedUntil });
    blockedUntil = null;
    await h.clock.advance(49 * MINUTE);
    expect(h.polls).toHaveLength(1);
    await h.clock.advance(MINUTE);
    expect(h.polls).toHaveLength(2);
  });

  test('nothing while suspended; one catch-up per vehicle on resume', async () => {
    const h = harness({ intervalMs: () => MINUTE });
    h.scheduler.setVehicles(['A', 'B']);
    h.scheduler.start();
    await h.clock.advance(0);
    h.scheduler.suspend();
    await h.clock.advance(60 * MINUTE);
    expect(h.polls).toHaveLength(2);
    h.scheduler.resume();
    h.scheduler.resume();
    await h.clock.advance(0);
    expect(h.polls).toHaveLength(4);
    await h.clock.advance(MINUTE);
    expect(h.polls).toHaveLength(6);
  });

  test('a refresh joins the poll already in flight', async () => {
    const h = harness();
    h.scheduler.setVehicles(['A']);
    h.scheduler.start();
    await Promise.all([
      h.scheduler.refresh(['A']),
      h.scheduler.refresh(),
      h.scheduler.refresh(['A']),
    ]);
    expect(h.polls).toHaveLength(1);
  });

  test('a refresh after the car changed waits for the poll in flight, then polls again', async () => {
    const h = harness();
    h.scheduler.setVehicles(['A']);
    h.scheduler.start();
    // The poll in flight started before the change: it cannot show it.
    await h.scheduler.refresh(['A'], { afterInFlight: true });
    expect(h.polls).toHaveLength(2);
  });

  test('a poll that never ends is abandoned after its timeout and tried again later', async () => {
    const h = harness({ hang: true, intervalMs: () => MINUTE });
    h.scheduler.setVehicles(['A']);
    h.scheduler.start();
    await h.clock.advance(44 * SECOND);
    expect(h.signals[0]?.aborted).toBe(false);
    await h.clock.advance(SECOND);
    expect(h.signals[0]?.aborted).toBe(true);
    await h.clock.advance(3 * MINUTE);
    expect(h.polls.length).toBeGreaterThan(1);
  });

  test('a shorter interval takes effect at once on reschedule', async () => {
    let interval = 10 * MINUTE;
    const h = harness({ intervalMs: () => interval });
    h.scheduler.setVehicles(['A']);
    h.scheduler.start();
    await h.clock.advance(2 * MINUTE);
    interval = MINUTE;
    h.scheduler.reschedule();
    await h.clock.advance(0);
    expect(h.polls).toHaveLength(2);
    expect(h.scheduler.nextPollAt('A')).toBe(h.clock.now() + MINUTE);
  });

  test('stop cancels the poll in flight and leaves no timer behind', async () => {
    const h = harness({ hang: true });
    h.scheduler.setVehicles(['A']);
    h.scheduler.start();
    await h.clock.advance(SECOND);
    h.scheduler.stop();
    await h.clock.advance(0);
    expect(h.signals[0]?.aborted).toBe(true);
    expect(h.clock.pending()).toBe(0);
  });
});

describe('poll scheduler and the wall clock', () => {
  const quotaOut = (resetsAt: number): PollOutcome => ({
    ok: false,
    error: new VolvoApiError('quota', 'Out of quota.', { status: 403, quotaResetsAt: resetsAt }),
  });

  test('waking from a night asleep after the quota came back checks at once', async () => {
    const h = harness();
    const resetsAt = Date.UTC(2026, 10, 28);
    h.answers.set('A', [quotaOut(resetsAt)]);
    h.scheduler.setVehicles(['A']);
    h.scheduler.start();
    await h.clock.advance(0);
    h.scheduler.suspend();
    // Asleep from 08:00 to 07:00 the next day: timers stood still, the wall clock did not.
    h.clock.jump(23 * HOUR);
    h.scheduler.resume();
    await h.clock.advance(0);
    expect(h.polls).toHaveLength(2);
    expect(h.scheduler.pause()).toBeNull();
    expect(h.pauses.at(-1)).toBeNull();
  });

  test('back online after the quota came back by the wall clock: checks at once', async () => {
    const h = harness();
    h.answers.set('A', [quotaOut(Date.UTC(2026, 10, 27, 9))]);
    h.scheduler.setVehicles(['A']);
    h.scheduler.start();
    await h.clock.advance(0);
    h.scheduler.setOnline(false);
    h.clock.jump(2 * HOUR);
    h.scheduler.setOnline(true);
    await h.clock.advance(0);
    expect(h.polls).toHaveLength(2);
  });

  test('the wall clock stepping back does not hold off the next check', async () => {
    let interval = 10 * MINUTE;
    const h = harness({ intervalMs: () => interval });
    h.scheduler.setVehicles(['A']);
    h.scheduler.start();
    await h.clock.advance(MINUTE);
    h.clock.jump(-HOUR);
    interval = MINUTE;
    h.scheduler.reschedule();
    expect((h.scheduler.nextPollAt('A') ?? 0) - h.clock.now()).toBeLessThanOrEqual(MINUTE);
    await h.clock.advance(MINUTE);
    expect(h.polls).toHaveLength(2);
  });

  test('a Retry-After or quota reset beyond a day pauses for a day at most', () => {
    const now = Date.UTC(2026, 10, 27, 8);
    const tooMany = new VolvoApiError('rate-limited', 'Too many.', {
      status: 429,
      retryAfterMs: 10 * 365 * 24 * HOUR,
    });
    const quota = new VolvoApiError('quota', 'Out of quota.', {
      status: 403,
      quotaResetsAt: now + 999 * HOUR,
    });
    expect(pauseFor(tooMany, now)).toEqual({ kind: 'rate-limited', until: now + MAX_PAUSE_MS });
    expect(pauseFor(quota, now)).toEqual({ kind: 'quota', until: now + MAX_PAUSE_MS });
  });
});
