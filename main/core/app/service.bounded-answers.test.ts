import { describe, expect, test } from 'vitest';
import { divertingFetch, startHostileServer } from '../../../test-support/hostile-server';
import { loopbackOnlyFetch } from '../../../test-support/scenario';
import { scenarioStarter, vehicleView as view } from '../../../test-support/scenario-suite';
import { ANSWER_TOO_LARGE } from '../bounded-answer';

const MB = 1024 * 1024;
const start = scenarioStarter();

describe('a hostile answer in the middle of a real conversation', () => {
  test('a 400 MB status answer fails the check in words, keeps the last state, and the next check works', async () => {
    const server = await startHostileServer({ kind: 'huge', bytes: 400 * MB });
    let hostile = false;
    try {
      const scenario = await start({
        fetch: divertingFetch(
          loopbackOnlyFetch,
          server,
          (url) => hostile && url.pathname.endsWith('/doors'),
        ),
      });
      await scenario.service.intents.refresh();
      const before = view(scenario);
      expect(before.freshness.state).toBe('live');
      expect(before.lock?.value).toBeDefined();

      hostile = true;
      await scenario.service.intents.refresh();
      const during = view(scenario);
      expect(during.freshness).toMatchObject({
        state: 'stale',
        reason: expect.stringContaining(ANSWER_TOO_LARGE),
      });
      // Nothing the car showed is lost: the last lock state and doors stay.
      expect(during.lock).toEqual(before.lock);
      expect(during.doors).toEqual(before.doors);
      // The doors of both demo cars: one request each, no retry of a hostile answer.
      expect(server.requests).toBe(2);

      hostile = false;
      await scenario.service.intents.refresh();
      expect(view(scenario).freshness.state).toBe('live');
      await server.close();
      expect(server.bytesWritten).toBeLessThan(64 * MB);
    } finally {
      await server.close();
    }
  });
});
