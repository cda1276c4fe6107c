import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedirectFollower } from './redirect-follower';

let server: Server | null = null;
const seen: string[] = [];

afterEach(async () => {
  seen.length = 0;
  const running = server;
  server = null;
  if (running) await new Promise((resolve) => running.close(resolve));
});

/** A stand-in authorization server: /authorize redirects to /callback, or refuses. */
async function start(authorize: { status: number; location?: string; body?: string }) {
  server = createServer((request, response) => {
    seen.push(request.url ?? '');
    if (request.url?.startsWith('/authorize')) {
      response.writeHead(
        authorize.status,
        authorize.location ? { location: authorize.location } : {},
      );
      response.end(authorize.body ?? '');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('You can close this tab');
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe('createRedirectFollower', () => {
  it('fetches the authorize URL and delivers its redirect, like a browser', async () => {
    const base = await start({ status: 302, location: '/callback?code=c1&state=s1' });
    await createRedirectFollower(fetch).open(`${base}/authorize?client_id=x`);
    expect(seen).toEqual(['/authorize?client_id=x', '/callback?code=c1&state=s1']);
  });

  it('says what the sign-in page answered when it does not redirect', async () => {
    const base = await start({
      status: 400,
      body: JSON.stringify({ error: 'invalid_request', error_description: 'state is required.' }),
    });
    await expect(createRedirectFollower(fetch).open(`${base}/authorize`)).rejects.toThrow(
      'The sign-in page answered HTTP 400 (invalid_request: state is required.) instead of sending the browser back to volvo-tray.',
    );
    expect(seen).toEqual(['/authorize']);
  });
});
