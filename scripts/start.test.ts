import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, 'start.mjs');

describe('npm start where Electron cannot start', () => {
  it('says so in one sentence, points at npm run preview, and exits non-zero', () => {
    // An Electron install whose binary is not there (as here, where it cannot be downloaded).
    const result = spawnSync(process.execPath, [script, '--skip-build'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        ELECTRON_OVERRIDE_DIST_PATH: join(import.meta.dirname, 'no-electron-here'),
      },
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'Electron could not start here (its binary is missing or cannot run on this machine); `npm run preview` serves the same app in a browser.',
    ]);
  });
});
