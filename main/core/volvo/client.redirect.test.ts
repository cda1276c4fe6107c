import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createVehicleApi } from './client';
import { failure } from './testing/failure';
import { fixedTokens } from './testing/fake-fetch';

/**
 * Node's fetch follows redirects by default, and would carry the bearer token and API key to
 * wherever a redirect points. Two real servers on 127.0.0.1 (two ports: two origins) check
 * that the client never does.
 */

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

async function serve(
  answer: (path: string, headers: IncomingHttpHeaders) => { status: number; location?: string },
): Promise<string> {
  const server = createServer((request, response) => {
    const { status, location } = answer(request.url ?? '/', request.headers);
    response.writeHead(status, {
      'content-type': 'application/json',
      ...(location ? { location } : {}),
    });
    response.end('{}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('redirects', () => {
  it('does not follow a redirect, so the token and API key never reach another server', async () => {
    const elsewhere: IncomingHttpHeaders[] = [];
    const other = await serve((_path, headers) => {
      elsewhere.push(headers);
      return { status: 200 };
    });
    const api = await serve(() => ({ status: 307, location: `${other}/steal` }));

    const client = createVehicleApi({
      baseUrl: api,
      version: 'v2',
      apiKey: 'the-vcc-api-key',
      tokens: fixedTokens('the-access-token'),
    });
    const error = await failure(client.listVehicles());

    expect(elsewhere).toEqual([]);
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('HTTP 307');
  });
});
