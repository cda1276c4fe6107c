import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type HostileServer, startHostileServer } from '../test-support/hostile-server';
import { ANSWER_TOO_LARGE } from './core/bounded-answer';

/**
 * The CLI against a server that answers with 400 MB, in a child process of its own, so its
 * peak resident memory can be read: it must stay what the same CLI needs for a tiny answer,
 * not grow with the answer.
 */

const MB = 1024 * 1024;
const root = fileURLToPath(new URL('..', import.meta.url));
const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function statusAgainst(server: HostileServer) {
  const child = spawn(
    process.execPath,
    [
      '--require',
      './test-support/max-rss-on-exit.cjs',
      '--import',
      'tsx',
      'main/cli.ts',
      'status',
      'YV1XZK9V2PA000001',
      '--base',
      server.baseUrl,
      '--token',
      'a-token',
      '--api-key',
      'a-key',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const peak = Number(stderr.match(/max-rss-bytes=(\d+)/)?.[1] ?? Number.NaN);
  return { code, stderr, peak };
}

describe('the CLI against a 400 MB answer', () => {
  it('fails in words and stays at the memory a tiny answer needs', async () => {
    const server = await startHostileServer({ kind: 'plain', status: 200, body: '{}' });
    servers.push(server);
    const tiny = await statusAgainst(server);
    expect(tiny.code).toBe(1);

    server.answer({ kind: 'huge', bytes: 400 * MB });
    const huge = await statusAgainst(server);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toContain(ANSWER_TOO_LARGE);
    expect(Number.isFinite(huge.peak)).toBe(true);
    // Reading the answer would cost hundreds of MB; the cap costs a few.
    expect(huge.peak - tiny.peak).toBeLessThan(32 * MB);
    await server.close();
    expect(server.bytesWritten).toBeLessThan(64 * MB);
  });
});
