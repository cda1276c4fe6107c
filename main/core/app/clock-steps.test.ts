import { expect, test } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { createCommandRateLimit } from './command-rate-limit';
import { createUnlockConfirmations, UNLOCK_CONFIRMATION_MS } from './unlock-confirmations';

/** The small timekeepers of commands when the wall clock steps back (NTP, a manual change). */

const HOUR = 60 * 60_000;
const VIN = 'YV1XZK9V2PA000001';

test('commands a minute: after the clock steps back, the wait is never longer than the minute', () => {
  const clock = new FakeClock();
  const limit = createCommandRateLimit(clock);
  for (let i = 0; i < 10; i++) expect(limit.take().ok).toBe(true);
  clock.jump(-HOUR);
  const refused = limit.take();
  expect(refused).toEqual({ ok: false, waitMs: 60_000 });
});

test('an unlock confirmation lives its few seconds, whichever way the clock steps', async () => {
  const clock = new FakeClock();
  const confirmations = createUnlockConfirmations(clock);
  const { token } = confirmations.issue(VIN);
  clock.jump(-HOUR);
  await clock.advance(UNLOCK_CONFIRMATION_MS + 1000);
  expect(() => confirmations.redeem(VIN, token)).toThrow(/expired or was already used/);

  const fresh = confirmations.issue(VIN);
  expect(() => confirmations.redeem(VIN, fresh.token)).not.toThrow();
});
