import { connect, createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, systemClock } from '../ports';
import { FakeClock } from '../testing/fake-clock';
import { AuthError } from './errors';
import { type LoopbackListener, openLoopbackListener } from './loopback';

const open: LoopbackListener<unknown>[] = [];
const blockers: Server[] = [];

afterEach(async () => {
  for (const listener of open.splice(0)) listener.close(new Error('test over'));
  for (const server of blockers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function listen(
  accept: (parameters: URLSearchParams) => string = (p) => p.get('code') ?? '',
  options: { clock?: FakeClock; port?: number } = {},
) {
  const listener = await openLoopbackListener({
    port: options.port ?? 0,
    clock: options.clock ?? systemClock,
    timeoutMs: 5 * 60_000,
    accept,
    logger: silentLogger,
  });
  open.push(listener);
  return listener;
}

describe('loopback listener', () => {
  it('listens on 127.0.0.1 at /callback and answers the browser with a close-this-tab page', async () => {
    const listener = await listen();
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const page = await fetch(`${listener.redirectUri}?code=abc&state=s`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.text()).toContain('You can close this tab and return to volvo-tray.');
    await expect(listener.result).resolves.toBe('abc');
  });

  it('accepts one callback and then stops listening', async () => {
    const listener = await listen();
    await fetch(`${listener.redirectUri}?code=first`);
    await expect(listener.result).resolves.toBe('first');
    await expect(fetch(`${listener.redirectUri}?code=second`)).rejects.toThrow();
  });

  it('ignores other paths such as a favicon request', async () => {
    const listener = await listen();
    const favicon = await fetch(new URL('/favicon.ico', listener.redirectUri));
    expect(favicon.status).toBe(404);
    await favicon.text();
    await fetch(`${listener.redirectUri}?code=after-favicon`);
    await expect(listener.result).resolves.toBe('after-favicon');
  });

  it('shows a refused callback in the browser and rejects with the same words', async () => {
    const listener = await listen(() => {
      throw new AuthError('sign-in-failed', 'The <state> did not match.');
    });
    const page = await fetch(`${listener.redirectUri}?code=x&state=forged`);
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('The &#60;state&#62; did not match.');
    expect(html).toContain('You can close this tab and return to volvo-tray.');
    await expect(listener.result).rejects.toThrow('The <state> did not match.');
    await expect(fetch(listener.redirectUri)).rejects.toThrow();
  });

  it('names the port and what to do when the port is taken', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const attempt = listen(undefined, { port });
    await expect(attempt).rejects.toThrow(`Port ${port} on this computer is already in use`);
    await expect(attempt).rejects.toThrow('register another redirect port');
  });

  it('abandons a sign-in not finished within 5 minutes, and closes', async () => {
    const clock = new FakeClock();
    const listener = await listen(undefined, { clock });
    await clock.advance(4 * 60_000 + 59_000);
    await clock.advance(1_000);
    await expect(listener.result).rejects.toThrow(
      'The sign-in was not finished within 5 minutes, so volvo-tray stopped waiting.',
    );
    await expect(fetch(`${listener.redirectUri}?code=late`)).rejects.toThrow();
  });

  it('close() rejects a pending sign-in with the reason given', async () => {
    const listener = await listen();
    listener.close(new AuthError('sign-in-failed', 'cancelled by a new sign-in'));
    await expect(listener.result).rejects.toThrow('cancelled by a new sign-in');
  });
});

describe('loopback listener against a hostile local client', () => {
  /** Sends one raw HTTP request (fetch cannot send a request target that is not a URL). */
  function rawRequest(redirectUri: string, requestLine: string): Promise<string> {
    const { port } = new URL(redirectUri);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      });
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString();
      });
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });
  }

  it('answers a request target that is not a URL with 404, keeps running and still takes the callback', async () => {
    const listener = await listen();
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    try {
      const answer = await rawRequest(listener.redirectUri, 'GET //[x]/callback HTTP/1.1');
      expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    } finally {
      process.off('uncaughtException', onCrash);
    }
    expect(crashes).toEqual([]);
    await fetch(`${listener.redirectUri}?code=after-garbage`);
    await expect(listener.result).resolves.toBe('after-garbage');
  });

  it('does not treat a POST to /callback as the callback', async () => {
    const listener = await listen();
    const post = await fetch(`${listener.redirectUri}?code=posted`, { method: 'POST' });
    expect(post.status).toBe(404);
    await post.text();
    await fetch(`${listener.redirectUri}?code=real`);
    await expect(listener.result).resolves.toBe('real');
  });
});

/** Sends raw bytes to the listener and returns what it answered (until it closed). */
function rawRequest(redirectUri: string, request: string): Promise<string> {
  const { port } = new URL(redirectUri);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.end(request);
  });
}

describe('loopback listener limits', () => {
  it('refuses a request head larger than a real callback, and still takes the real one', async () => {
    const listener = await listen();
    const huge = `GET /callback?code=stolen HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`;
    expect(await rawRequest(listener.redirectUri, huge)).toMatch(/^HTTP\/1\.1 431/);
    await fetch(`${listener.redirectUri}?code=real`);
    await expect(listener.result).resolves.toBe('real');
  });

  it('does not read a request body, and a callback with one does not count', async () => {
    const listener = await listen();
    const chunked = await rawRequest(
      listener.redirectUri,
      'GET /callback?code=chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n',
    );
    expect(chunked).toMatch(/^HTTP\/1\.1 413/);
    await fetch(`${listener.redirectUri}?code=real`);
    await expect(listener.result).resolves.toBe('real');
  });
});
