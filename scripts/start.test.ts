import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, 'start.mjs');
const CANNOT_START =
  'Electron could not start here (its binary is missing or cannot run on this machine); `npm run preview` serves the same app in a browser.';

let directory: string | null = null;
afterEach(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = null;
});

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [script, '--skip-build'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
}

describe('npm start where Electron cannot start', () => {
  it('says so in one sentence, points at npm run preview, and exits non-zero', () => {
    // An Electron install whose binary is not there (as here, where it cannot be downloaded).
    const result = start({
      ELECTRON_OVERRIDE_DIST_PATH: join(import.meta.dirname, 'no-electron-here'),
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([CANNOT_START]);
  });
});

describe.skipIf(process.platform === 'win32')('npm start where Electron runs', () => {
  it('launches it even when fetching the binary first printed progress on stdout', () => {
    directory = mkdtempSync(join(tmpdir(), 'volvo-tray-start-'));
    // A stand-in Electron that runs and exits cleanly.
    const electron = join(directory, 'electron');
    writeFileSync(electron, '#!/bin/sh\nexit 0\n');
    chmodSync(electron, 0o755);
    // What `require('electron')` prints on its first use, before it answers the path.
    const noise = join(directory, 'download-noise.cjs');
    writeFileSync(
      noise,
      "process.stdout.write('Downloading Electron binary...\\n[====>  ] 42%');\n",
    );
    const result = start({
      ELECTRON_OVERRIDE_DIST_PATH: directory,
      NODE_OPTIONS: `--require "${noise}"`,
    });
    expect(result.stderr).not.toContain(CANNOT_START);
    expect(result.status).toBe(0);
  });
});
