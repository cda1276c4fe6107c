import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createRotatingLogFile } from './log-file';
import { createRedactingLogger } from './logger';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'volvo-tray-logs-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

test('rotates at the size cap and keeps three old files: the folder never grows past 4 caps', () => {
  const file = createRotatingLogFile({ directory, maxBytes: 1000, keep: 3 });
  const line = 'x'.repeat(99); // 100 bytes with its newline
  for (let i = 0; i < 100; i++) file.write(`${line}`);
  expect(readdirSync(directory).sort()).toEqual([
    'main.1.log',
    'main.2.log',
    'main.3.log',
    'main.log',
  ]);
  for (const name of readdirSync(directory)) {
    expect(readFileSync(join(directory, name)).byteLength).toBeLessThanOrEqual(1000);
  }
  // The newest lines are in main.log, the ones before in main.1.log.
  expect(readFileSync(join(directory, 'main.log'), 'utf8').split('\n')).toHaveLength(11);
});

test('starts from the size already on disk after a restart', () => {
  createRotatingLogFile({ directory, maxBytes: 1000 }).write('a'.repeat(899));
  const again = createRotatingLogFile({ directory, maxBytes: 1000 });
  again.write('b'.repeat(199));
  expect(readdirSync(directory).sort()).toEqual(['main.1.log', 'main.log']);
});

test('every line is scrubbed before it reaches the file', () => {
  const file = createRotatingLogFile({ directory });
  const logger = createRedactingLogger({ write: (_level, line) => file.write(line) });
  logger.info('token refreshed', { refresh_token: 'rt-0123456789abcdefghijklmnopqrstuvwxyz' });
  logger.warn('callback http://127.0.0.1:8765/callback?code=abcdef0123456789&state=s1');
  logger.error('Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
  const written = readFileSync(file.path, 'utf8');
  expect(written).not.toContain('rt-0123456789');
  expect(written).not.toContain('abcdef0123456789');
  expect(written).not.toContain('eyJhbGciOiJSUzI1NiJ9');
  expect(written.split('\n').filter(Boolean)).toHaveLength(3);
});

test('a folder that cannot be written is not an error for the app', () => {
  const file = createRotatingLogFile({ directory: join(directory, 'missing\u0000name') });
  expect(() => file.write('line')).not.toThrow();
});
