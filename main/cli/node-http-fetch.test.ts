import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchWithin } from '../core/bounded-answer';
import { nodeHttpFetch } from './node-http-fetch';

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    ),
  );
});

/** A server on 127.0.0.1 that answers with `listener`; resolves with its base address. */
async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function text(body: AsyncIterable<Uint8Array> | null): Promise<string> {
  if (body === null) return '';
  let all = '';
  const decoder = new TextDecoder();
  for await (const chunk of body) all += decoder.decode(chunk, { stream: true });
  return all + decoder.decode();
}

describe('nodeHttpFetch, the CLI transport', () => {
  it('sends the method, headers and body, and reads the status, headers and body', async () => {
    const base = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        response.writeHead(202, 'Accepted', [
          ['content-type', 'application/json'],
          ['x-seen', `${request.method} ${request.url} ${request.headers['vcc-api-key']} ${body}`],
          ['x-repeated', 'a'],
          ['x-repeated', 'b'],
        ]);
        response.end('{"ok":true}');
      });
    });
    const answer = await nodeHttpFetch(new URL('/v2/vehicles/VIN/commands/lock', base), {
      method: 'POST',
      headers: { 'vcc-api-key': 'key', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(answer.status).toBe(202);
    expect(answer.statusText).toBe('Accepted');
    expect(answer.url).toBe(`${base}/v2/vehicles/VIN/commands/lock`);
    expect(answer.headers.get('Content-Type')).toBe('application/json');
    expect(answer.headers.get('x-seen')).toBe('POST /v2/vehicles/VIN/commands/lock key {}');
    // As fetch's Headers.get reads repeated headers, and a missing one.
    expect(answer.headers.get('x-repeated')).toBe('a, b');
    expect(answer.headers.get('retry-after')).toBeNull();
    expect(await text(answer.body)).toBe('{"ok":true}');
  });

  it('takes the headers as fetch does too (pairs), and a URL as text', async () => {
    const base = await serve((request, response) => {
      response.end(request.headers.accept);
    });
    const answer = await nodeHttpFetch(`${base}/`, { headers: [['accept', 'application/json']] });
    expect(await text(answer.body)).toBe('application/json');
  });

  it('gives no body for 204, and does not follow a redirect', async () => {
    const base = await serve((request, response) => {
      if (request.url === '/empty') response.writeHead(204).end();
      else response.writeHead(302, { location: 'https://elsewhere.example/' }).end('moved');
    });
    const empty = await nodeHttpFetch(`${base}/empty`, {});
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    const moved = await nodeHttpFetch(`${base}/moved`, { redirect: 'manual' });
    expect(moved.status).toBe(302);
    expect(moved.headers.get('location')).toBe('https://elsewhere.example/');
  });

  it('fails as fetch does when nothing listens: a TypeError whose cause names the code', async () => {
    const base = await serve(() => {});
    const [server] = servers.splice(0);
    await new Promise((resolve) => server?.close(resolve));
    const failure = await nodeHttpFetch(`${base}/`, {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it("stops waiting for headers when the signal aborts, with the signal's reason", async () => {
    const base = await serve(() => {
      // Never answers.
    });
    const controller = new AbortController();
    const pending = nodeHttpFetch(`${base}/`, { signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
    const already = nodeHttpFetch(`${base}/`, { signal: AbortSignal.abort(new Error('before')) });
    await expect(already).rejects.toThrow('before');
  });

  it('keeps the bounded reader working: a trickling body is cut at the deadline', async () => {
    const base = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{');
      // ...and nothing more.
    });
    const reading = fetchWithin(
      nodeHttpFetch,
      `${base}/`,
      {},
      {
        maxBytes: 1024,
        // The headers came: at the deadline, the deadline is what broke (one timer, at any load).
        headerTimeoutMs: 50,
        deadlineMs: 50,
      },
    );
    await expect(reading).rejects.toThrow('The answer did not arrive within 50 ms.');
  });

  it('keeps the bounded reader working: an answer past the cap stops being read', async () => {
    const base = await serve((_, response) => {
      response.writeHead(200);
      response.end('x'.repeat(4096));
    });
    const reading = fetchWithin(
      nodeHttpFetch,
      `${base}/`,
      {},
      {
        maxBytes: 1024,
        headerTimeoutMs: 60_000,
        deadlineMs: 60_000,
      },
    );
    await expect(reading).rejects.toThrow('larger than any real one');
  });
});
