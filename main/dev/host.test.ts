import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Snapshot } from '../../shared/snapshot';
import { type BrowserHost, startBrowserHost } from './host';
import type { HostMessage } from './wire';

let dir = '';
let host: BrowserHost;

beforeAll(async () => {
  // A stand-in for the built popover: the host only needs an index.html with a module script.
  dir = await mkdtemp(join(tmpdir(), 'volvo-tray-host-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  );
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log("popover");');
  host = await startBrowserHost({ rendererDir: dir });
});

afterAll(async () => {
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A raw GET, so the Host header can be set. */
function get(path: string, headers: Record<string, string> = {}) {
  const { port } = new URL(host.origin);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
        (res) => {
          let body = '';
          res.on('data', (chunk) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

/** Opens a WebSocket; every message it gets is kept in `received`, from the first. */
function connect(
  path: string,
  origin = host.origin,
): Promise<{ ws: WebSocket; received: HostMessage[] }> {
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}${path}`, { origin });
  const received: HostMessage[] = [];
  ws.on('message', (data) => received.push(JSON.parse(String(data)) as HostMessage));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, received }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const secretPath = () => new URL(host.url).pathname;

describe('the browser host', () => {
  it('serves the popover only under the secret path, to 127.0.0.1', async () => {
    expect((await get(`${secretPath()}popover/`)).status).toBe(200);
    expect((await get('/popover/')).status).toBe(403);
    expect((await get('/')).status).toBe(403);
    expect((await get('/wrong-secret/popover/')).status).toBe(403);
    expect((await get(`${secretPath()}../popover/`)).status).toBe(403);
    // DNS rebinding: the right path under another host name.
    expect((await get(`${secretPath()}popover/`, { host: 'evil.example:80' })).status).toBe(403);
  });

  it('puts the bridge script ahead of the popover script, under the popover CSP', async () => {
    const page = await get(`${secretPath()}popover/`);
    // A plain script: it runs as soon as it loads, before the page's modules.
    const bridgeAt = page.body.indexOf('<script src="./bridge.js"></script>');
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bridgeAt).toBeLessThan(page.body.indexOf('src="./assets/app.js"'));
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    const bridge = await get(`${secretPath()}popover/bridge.js`);
    expect(bridge.body).toContain('installVolvoBridge(window');
    expect(bridge.body).not.toMatch(/:\s*VolvoBridge\b/); // types were stripped
    expect(bridge.body).not.toMatch(/^export /m); // a plain script cannot export
    expect((await get(`${secretPath()}popover/assets/app.js`)).body).toContain('popover');
    expect((await get(`${secretPath()}popover/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('refuses WebSockets without the secret or from another origin', async () => {
    await expect(connect('/ws/popover')).rejects.toThrow('403');
    await expect(connect(`${secretPath()}ws/popover`, 'http://evil.example')).rejects.toThrow(
      '403',
    );
  });

  it('speaks the contract: pushes the Snapshot, answers intents, validates arguments', async () => {
    const { ws, received: messages } = await connect(`${secretPath()}ws/popover`);
    const answer = (id: number) =>
      new Promise<HostMessage>((resolve) => {
        const check = () => {
          const found = messages.find((m) => m.type === 'result' && m.id === id);
          if (found) resolve(found);
          else setTimeout(check, 10);
        };
        check();
      });
    ws.send(JSON.stringify({ type: 'intent', id: 1, name: 'getSnapshot', args: [] }));
    ws.send(JSON.stringify({ type: 'intent', id: 2, name: 'lock', args: ['not-a-vin'] }));
    ws.send(JSON.stringify({ type: 'intent', id: 3, name: 'readTokens', args: [] }));
    const snapshot = await answer(1);
    expect(snapshot.type === 'result' && snapshot.result.ok).toBe(true);
    expect(messages[0]?.type).toBe('snapshot');
    expect(await answer(2)).toMatchObject({
      result: { ok: false, error: 'A VIN is 17 letters and digits (no I, O or Q).' },
    });
    expect(await answer(3)).toMatchObject({ result: { ok: false, error: 'Unknown request.' } });
    const first = messages[0];
    const pushed = first?.type === 'snapshot' ? (first.snapshot as Snapshot) : null;
    expect(JSON.stringify(pushed)).not.toMatch(/access_?token|refresh_?token|apiKey/i);
    ws.close();
  });

  it('closes a socket that sends something other than a contract message', async () => {
    const { ws } = await connect(`${secretPath()}ws/popover`);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{"type":"eval","code":"process.exit()"}');
    expect(await closed).toBe(1008);
  });

  it('closes a socket that sends a message larger than any contract message', async () => {
    const { ws } = await connect(`${secretPath()}ws/popover`);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(300 * 1024));
    expect(await closed).toBe(1009);
  });

  it('closes a socket that floods the core with messages', async () => {
    const strict = await startBrowserHost({
      rendererDir: dir,
      messageRate: { burst: 5, perSecond: 1, now: () => 0 },
    });
    try {
      const ws = new WebSocket(
        `${strict.origin.replace('http', 'ws')}${new URL(strict.url).pathname}ws/popover`,
        {
          origin: strict.origin,
        },
      );
      await new Promise((resolve) => ws.once('open', resolve));
      const results: unknown[] = [];
      ws.on('message', (data) => results.push(JSON.parse(String(data))));
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      for (let id = 1; id <= 20; id += 1) {
        ws.send(JSON.stringify({ type: 'intent', id, name: 'getSnapshot', args: [] }));
      }
      expect(await closed).toBe(1008);
      // The snapshot pushed on connect, and at most the five answers the burst allowed.
      expect(
        results.filter((m) => (m as { type: string }).type === 'result').length,
      ).toBeLessThanOrEqual(5);
    } finally {
      await strict.close();
    }
  });

  it('counts Escape as a request to close the popover and tells the test panel', async () => {
    const panel = await connect(`${secretPath()}ws/harness`);
    const before = host.requests.closePopover;
    expect(await host.call('closePopover')).toEqual({ ok: true, value: undefined });
    expect(host.requests.closePopover).toBe(before + 1);
    await expect
      .poll(() => panel.received.filter((m) => m.type === 'popover'))
      .toEqual([{ type: 'popover', open: false }]);
    panel.ws.close();
  });

  it('records notifications and fast-forwards the core clock', async () => {
    await host.call('updateSettings', { alerts: { doorOpen: { enabled: true, minutes: 2 } } });
    await host.demo({ kind: 'door', door: 'rearLeft', value: 'OPEN' });
    await expect.poll(() => host.service.snapshot().vehicles[0]?.summary).toBe('open');
    expect(host.notifications).toHaveLength(0);
    await host.advanceClock(3 * 60_000);
    await expect.poll(() => host.notifications.length).toBe(1);
    expect(host.notifications[0]?.title).toContain('Rear left door');
  });
});
