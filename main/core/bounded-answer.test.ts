import { afterEach, describe, expect, it } from 'vitest';
import { type HostileServer, startHostileServer } from '../../test-support/hostile-server';
import {
  ANSWER_TOO_LARGE,
  AnswerLimitError,
  fetchWithin,
  fetchWithLimits,
  MAX_ANSWER_BYTES,
  readBodyWithin,
} from './bounded-answer';

const MB = 1024 * 1024;
const LIMITS = { maxBytes: MAX_ANSWER_BYTES, headerTimeoutMs: 10_000, deadlineMs: 15_000 };

/** A body produced only as it is read, counting what was produced. */
function lazyBody(chunkBytes: number, chunks: number) {
  let produced = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (produced >= chunks * chunkBytes) return controller.close();
        produced += chunkBytes;
        controller.enqueue(new Uint8Array(chunkBytes));
      },
    },
    { highWaterMark: 0 },
  );
  return { response: new Response(stream), produced: () => produced };
}

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function hostile(...args: Parameters<typeof startHostileServer>) {
  const server = await startHostileServer(...args);
  servers.push(server);
  return server;
}

async function limitError(pending: Promise<unknown>): Promise<AnswerLimitError> {
  const error = await pending.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AnswerLimitError)) throw new Error(`expected a limit, got ${error}`);
  return error;
}

describe('reading an answer within limits', () => {
  it('stops reading a 400 MB body just past 1 MB, and says why in words', async () => {
    const body = lazyBody(64 * 1024, 6400);
    const error = await limitError(readBodyWithin(body.response, MAX_ANSWER_BYTES));
    expect(error.limit).toBe('too-large');
    expect(error.message).toBe(
      `${ANSWER_TOO_LARGE} (more than 1 MB), so volvo-tray stopped reading it.`,
    );
    expect(body.produced()).toBeLessThanOrEqual(MAX_ANSWER_BYTES + 64 * 1024);
  });

  it('refuses a declared length above the cap without reading', async () => {
    const body = lazyBody(64 * 1024, 6400);
    const response = new Response(body.response.body, {
      headers: { 'content-length': String(400 * MB) },
    });
    expect((await limitError(readBodyWithin(response, MAX_ANSWER_BYTES))).limit).toBe('too-large');
    expect(body.produced()).toBe(0);
  });

  it('reads an answer up to the cap whole', async () => {
    const body = lazyBody(1024, 1024);
    expect((await readBodyWithin(body.response, MAX_ANSWER_BYTES)).byteLength).toBe(MB);
  });

  it('ends a 400 MB answer from a server after the cap: the server writes little of it', async () => {
    const server = await hostile({ kind: 'huge', bytes: 400 * MB });
    const error = await limitError(fetchWithin(globalThis.fetch, server.baseUrl, {}, LIMITS));
    expect(error.limit).toBe('too-large');
    await server.close();
    // What the kernel buffers on loopback plus the cap: nowhere near the 400 MB offered.
    expect(server.bytesWritten).toBeLessThan(64 * MB);
  });

  it('a library reading through fetchWithLimits gets small answers whole, huge ones refused', async () => {
    const server = await hostile({ kind: 'plain', status: 200, body: '{"ok":true}' });
    const limited = fetchWithLimits(globalThis.fetch, LIMITS);
    expect(await (await limited(server.baseUrl)).json()).toEqual({ ok: true });
    server.answer({ kind: 'huge', bytes: 400 * MB, status: 400 });
    expect((await limitError(limited(server.baseUrl))).limit).toBe('too-large');
  });

  it('gives up on a server that sends no headers, and names the wait', async () => {
    const server = await hostile({ kind: 'silent' });
    const error = await limitError(
      fetchWithin(globalThis.fetch, server.baseUrl, {}, { ...LIMITS, headerTimeoutMs: 50 }),
    );
    expect(error.limit).toBe('no-headers');
    expect(error.message).toBe('The server did not start answering within 50 ms.');
  });

  it('ends an answer that trickles past the deadline', async () => {
    const server = await hostile({ kind: 'trickle' });
    const error = await limitError(
      fetchWithin(globalThis.fetch, server.baseUrl, {}, { ...LIMITS, deadlineMs: 100 }),
    );
    expect(error.limit).toBe('deadline');
    expect(error.message).toBe('The answer did not arrive within 100 ms.');
  });
});
