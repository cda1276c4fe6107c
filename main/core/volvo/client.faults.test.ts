import { createServer } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { countingTokens, simulatedApis } from '../../../test-support/simulated-api';
import type { Fetch } from '../ports';
import { createVehicleApi } from './client';
import { failure } from './testing/failure';

const start = simulatedApis();

/** A fetch that overrides headers or the body on the way out, to provoke the API's refusals. */
function tampering(change: { headers?: Record<string, string>; body?: string }): Fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    for (const [name, value] of Object.entries(change.headers ?? {})) headers.set(name, value);
    const body = init?.method === 'POST' ? (change.body ?? init.body) : init?.body;
    return globalThis.fetch(input, { ...init, headers, body });
  };
}

describe.each(['v1', 'v2'] as const)('API %s errors from the simulator', (version) => {
  it('refreshes an expired token once and retries once', async () => {
    let first = '';
    const { sim, api, clock, tokens, requests } = await start(version, {
      sim: { accessTokenTtlSeconds: 60 },
      tokens: (s) => {
        first = s.issueAccessToken();
        return countingTokens(s, { initial: first });
      },
    });
    await clock.advance(61_000);
    expect(await api.listVehicles()).toEqual(sim.vins);
    expect(tokens.refused).toEqual([first]);
    expect(requests.map((r) => r.status)).toEqual([401, 200]);
  });

  it('a refused API key is about the key: no token refresh, one request, words about the key', async () => {
    const { sim, api, tokens, requests } = await start(version, { api: { apiKey: 'not-the-key' } });
    const error = await failure(api.getDoors(sim.vins[0] ?? ''));
    expect(error.kind).toBe('api-key');
    expect(error.message).toMatch(
      /^Volvo refused the VCC API key .*signing in again does not help\.$/,
    );
    expect(tokens.refused).toHaveLength(0);
    expect(requests.map((r) => r.status)).toEqual([401]);
  });

  it('stops at one request when there is no fresh token', async () => {
    const { api, requests } = await start(version, {
      tokens: (sim) => countingTokens(sim, { initial: 'revoked-token', canRefresh: false }),
    });
    expect((await failure(api.listVehicles())).kind).toBe('unauthorized');
    expect(requests).toHaveLength(1);
  });

  it('names the missing scope', async () => {
    const { sim, api, tokens } = await start(version, {
      tokens: (s) =>
        countingTokens(s, { initial: s.issueAccessToken(['openid', 'conve:vehicle_relation']) }),
    });
    expect(await api.listVehicles()).toEqual(sim.vins);
    const error = await failure(api.getWindows(sim.vins[0] ?? ''));
    expect(error.kind).toBe('forbidden');
    expect(error.details.status).toBe(403);
    expect(error.message).toContain('conve:windows_status');
    expect(tokens.refused).toHaveLength(0);
  });

  it('says when the daily quota returns', async () => {
    const { sim, api, clock } = await start(version, { sim: { quotaPerDay: 2 } });
    await api.listVehicles();
    await api.listVehicles();
    const error = await failure(api.listVehicles());
    expect(error.kind).toBe('quota');
    expect(error.message).toBe(
      "Volvo's daily request quota for your VCC API key is used up. It is replenished in 16 h.",
    );
    // The FakeClock stands at 08:00 UTC: the quota day ends in 16 hours.
    expect(error.details.quotaResetsAt).toBe(Date.UTC(2026, 10, 28));
    expect(clock.now()).toBe(Date.UTC(2026, 10, 27, 8));
    sim.setFault({ kind: 'quota-exhausted' });
    expect((await failure(api.listVehicles())).kind).toBe('quota');
  });

  it('passes on Retry-After when rate limited', async () => {
    const { sim, api } = await start(version);
    sim.setFault({ kind: 'rate-limit', retryAfterSeconds: 30 });
    const error = await failure(api.getDoors(sim.vins[0] ?? ''));
    expect(error.kind).toBe('rate-limited');
    expect(error.details.retryAfterMs).toBe(30_000);
    expect(error.message).toBe('Too many requests to the Volvo API. Try again in 30 s.');
  });

  it('reports server trouble, then works again', async () => {
    const { sim, api } = await start(version);
    sim.setFault({ kind: 'status', status: 503, count: 1 });
    const error = await failure(api.listVehicles());
    expect(error.kind).toBe('server');
    expect(error.message).toContain('HTTP 503');
    expect(await api.listVehicles()).toEqual(sim.vins);
  });

  it('reports a body that is not JSON as malformed', async () => {
    const { sim, api } = await start(version);
    sim.setFault({ kind: 'malformed' });
    expect((await failure(api.getDoors(sim.vins[0] ?? ''))).kind).toBe('malformed');
  });

  it('gives up on an API that never answers after timeoutMs, on its clock', async () => {
    const { sim, api, clock, requests } = await start(version, { api: { timeoutMs: 200 } });
    sim.setFault({ kind: 'timeout' });
    let ended = false;
    const pending = failure(api.getWindows(sim.vins[0] ?? '')).finally(() => {
      ended = true;
    });
    // The request is on its way (its deadline is set) before time moves.
    await vi.waitUntil(() => clock.pending() > 0);
    await clock.advance(199);
    expect(ended).toBe(false);
    await clock.advance(1);
    const error = await pending;
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('The Volvo API did not answer within 200 ms.');
    expect(requests.map((r) => r.status)).toEqual([null]);
  });

  it('waits out latency within the timeout', async () => {
    const { sim, api } = await start(version);
    sim.setFault({ kind: 'latency', ms: 50 });
    expect(await api.listVehicles()).toEqual(sim.vins);
  });

  it('stops when the caller cancels', async () => {
    const { sim, api } = await start(version);
    sim.setFault({ kind: 'timeout' });
    const controller = new AbortController();
    const pending = failure(api.listVehicles({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    const error = await pending;
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('The request to the Volvo API was cancelled.');
  });

  it('maps a refused accept or content-type to media-type', async () => {
    const accept = await start(version, {
      api: { fetch: tampering({ headers: { accept: 'text/plain' } }) },
    });
    const readError = await failure(accept.api.getDoors(accept.sim.vins[0] ?? ''));
    expect(readError.kind).toBe('media-type');
    expect(readError.details.status).toBe(406);
    const contentType = await start(version, {
      api: { fetch: tampering({ headers: { 'content-type': 'text/plain' } }) },
    });
    const commandError = await failure(contentType.api.lock(contentType.sim.vins[0] ?? ''));
    expect(commandError.kind).toBe('media-type');
    expect(commandError.details.status).toBe(415);
  });
});

describe('requests the API refuses', () => {
  it('maps a bad v1 unlock body to bad-request', async () => {
    const { sim, api } = await start('v1', {
      api: { fetch: tampering({ body: '{"unlockDuration":500}' }) },
    });
    const error = await failure(api.unlock(sim.vins[0] ?? '', { unlockDuration: 10 }));
    expect(error.kind).toBe('bad-request');
    expect(error.details.status).toBe(400);
  });

  it('reports an address where nothing listens as a network error', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const api = createVehicleApi({
      baseUrl: `http://127.0.0.1:${port}`,
      version: 'v2',
      apiKey: 'k',
      tokens: { accessToken: async () => 't', refreshAfterUnauthorized: async () => null },
    });
    const error = await failure(api.listVehicles());
    expect(error.kind).toBe('network');
    expect(error.message).toBe(
      `Could not reach the Volvo API at 127.0.0.1:${port} (ECONNREFUSED). Check your internet connection.`,
    );
  });
});
