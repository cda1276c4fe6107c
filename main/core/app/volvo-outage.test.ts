import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import {
  BACKEND_STATUS_BASE,
  MAX_STATUS_MESSAGE,
  readBackendStatus,
} from '../volvo/backend-status';
import { VolvoApiError } from '../volvo/errors';
import { fakeFetch, json } from '../volvo/testing/fake-fetch';
import { createVolvoOutage, OUTAGE_ANSWER_MS, outageMayExplain } from './volvo-outage';

/** The watch over a fake status page whose answer the test sets. */
function watch(answer: () => Response | Promise<Response>) {
  const clock = new FakeClock();
  const fetch = fakeFetch(() => answer());
  let changes = 0;
  const outage = createVolvoOutage({
    clock,
    read: (signal) => readBackendStatus(fetch, BACKEND_STATUS_BASE, signal),
    onChange: () => {
      changes++;
    },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { clock, fetch, outage, settle, changes: () => changes };
}

describe("Volvo's status page when checks fail", () => {
  it('a problem is read once, from the portal, and its message stands for minutes', async () => {
    const t = watch(() => json({ message: 'Connected Vehicle API is down.' }));
    t.outage.checkFailed();
    t.outage.checkFailed(); // while the first is on its way: no second request
    await t.settle();
    expect(t.fetch.seen.map((r) => r.url.href)).toEqual([
      'https://public-developer-portal-bff.weu-prod.ecpaz.volvocars.biz/api/v1/backend-status',
    ]);
    expect(t.fetch.seen[0]?.headers.get('authorization')).toBeNull();
    expect(t.outage.message()).toBe('Connected Vehicle API is down.');
    expect(t.changes()).toBe(1);

    await t.clock.advance(OUTAGE_ANSWER_MS - 1);
    t.outage.checkFailed();
    await t.settle();
    expect(t.fetch.seen).toHaveLength(1);

    await t.clock.advance(1);
    expect(t.outage.message()).toBeNull();
    t.outage.checkFailed();
    await t.settle();
    expect(t.fetch.seen).toHaveLength(2);
    expect(t.outage.message()).toBe('Connected Vehicle API is down.');
  });

  it('a healthy answer ("OK", empty or no message) says nothing', async () => {
    for (const body of [
      { message: 'OK' },
      { message: '' },
      {},
      { message: null },
      { message: ' ok ' },
    ]) {
      const t = watch(() => json(body));
      t.outage.checkFailed();
      await t.settle();
      expect(t.outage.message()).toBeNull();
      expect(t.changes()).toBe(0);
    }
  });

  it('a garbled, failing or absent answer is ignored, never a crash', async () => {
    const answers: (() => Response | Promise<Response>)[] = [
      () => new Response('{"message": "Down', { headers: { 'content-type': 'application/json' } }),
      () => json({ message: 42 }),
      () => json(['OK']),
      () => json('down'),
      () => json({ message: 'Down.' }, 503),
      () => new Response('x'.repeat(64 * 1024)),
      () => Promise.reject(new TypeError('fetch failed')),
    ];
    for (const answer of answers) {
      const t = watch(answer);
      t.outage.checkFailed();
      await t.settle();
      expect(t.outage.message()).toBeNull();
    }
  });

  it('the message is bounded and plain text', async () => {
    const t = watch(() =>
      json({ message: `Down\n\u202eevil\u0000 <b>now</b>${' long'.repeat(200)}` }),
    );
    t.outage.checkFailed();
    await t.settle();
    const message = t.outage.message() ?? '';
    expect([...message]).toHaveLength(MAX_STATUS_MESSAGE);
    expect(message.startsWith('Down evil <b>now</b> long long')).toBe(true);
    expect(message.endsWith('…')).toBe(true);
  });

  it('a reset drops what was known and an answer still on its way', async () => {
    let release: (response: Response) => void = () => {};
    const t = watch(() => new Promise<Response>((resolve) => (release = resolve)));
    t.outage.checkFailed();
    t.outage.reset();
    release(json({ message: 'Down.' }));
    await t.settle();
    expect(t.outage.message()).toBeNull();
    expect(t.changes()).toBe(0);
  });
});

describe('which failures an outage explains', () => {
  it('5xx, no connection and no answer in time; not sign-in, scope, quota or rate limits', () => {
    const error = (kind: ConstructorParameters<typeof VolvoApiError>[0]) =>
      new VolvoApiError(kind, 'words');
    expect(
      ['server', 'network', 'timeout'].map((k) => outageMayExplain(error(k as 'server'))),
    ).toEqual([true, true, true]);
    for (const kind of [
      'unauthorized',
      'api-key',
      'forbidden',
      'quota',
      'rate-limited',
      'not-found',
      'malformed',
    ] as const) {
      expect(outageMayExplain(error(kind))).toBe(false);
    }
    // A check abandoned for taking too long.
    expect(outageMayExplain(new DOMException('aborted', 'AbortError'))).toBe(true);
  });
});
