import type { Fetch } from '../../ports';

/**
 * A fetch for scenarios on a FakeClock against the real simulator: it records every request
 * and can wait until the app has gone idle (no request in flight, the event loop quiet), which
 * a FakeClock's default settle (a few event-loop turns) cannot promise with real HTTP.
 */
export interface TrackedRequest {
  method: string;
  url: URL;
  /** When it was sent, by the `now` given to {@link trackingFetch} (epoch ms). */
  at: number;
}

export interface TrackingFetch {
  fetch: Fetch;
  /** Every request sent so far, oldest first. */
  requests: TrackedRequest[];
  /**
   * Resolves once no request has been in flight for a few event-loop turns. Gives up after
   * `maxWaitMs` of real time, for requests the simulator never answers (the timeout fault).
   */
  idle(maxWaitMs?: number): Promise<void>;
}

/** How long `idle` checks on every event-loop turn before it sleeps between checks. */
const SPIN_MS = 50;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function trackingFetch(
  inner: Fetch = (input, init) => globalThis.fetch(input, init),
  now: () => number = Date.now,
): TrackingFetch {
  const requests: TrackedRequest[] = [];
  let inFlight = 0;
  let started = 0;

  const fetch: Fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    requests.push({ method: method.toUpperCase(), url: new URL(url), at: now() });
    inFlight++;
    started++;
    let finished = false;
    const finish = () => {
      if (!finished) {
        finished = true;
        inFlight--;
      }
    };
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      finish();
      throw error;
    }
    if (NULL_BODY_STATUSES.has(response.status) || response.body === null) {
      finish();
      return response;
    }
    // The request stays in flight until its body was read to the end or given up, so "no
    // request in flight" means the answer is in hand; the body passes through unbuffered, as
    // the client reads it (a huge answer must not be read here either).
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          try {
            const { done, value } = await reader.read();
            if (done) {
              finish();
              controller.close();
            } else controller.enqueue(value);
          } catch (error) {
            finish();
            controller.error(error);
          }
        },
        async cancel(reason) {
          finish();
          await reader.cancel(reason);
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };

  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  return {
    fetch,
    requests,
    async idle(maxWaitMs = 10_000) {
      const startedAt = Date.now();
      let quietTurns = 0;
      let seen = started;
      while (quietTurns < 4 && Date.now() - startedAt < maxWaitMs) {
        // Answers on this computer come within a few turns; a request the server holds
        // (the timeout fault) is waited for without spinning.
        if (inFlight > 0 && Date.now() - startedAt > SPIN_MS) await pause(1);
        else await turn();
        if (inFlight === 0 && started === seen) quietTurns++;
        else {
          quietTurns = 0;
          seen = started;
        }
      }
    },
  };
}
