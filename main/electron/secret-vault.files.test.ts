import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordingLogger } from '../core/testing/recording-logger';
import { MAX_JSON_FILE_BYTES } from './json-store';
import { createSafeStorageVault } from './secret-vault';
import { resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

let directory: string;
let file: string;

beforeEach(() => {
  resetFakeElectron();
  directory = mkdtempSync(join(tmpdir(), 'volvo-tray-vault-files-'));
  file = join(directory, 'secrets.json');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('the vault file on disk', () => {
  it('is created readable by the user only, and stays so through every rewrite', async () => {
    const vault = await createSafeStorageVault({
      file,
      logger: recordingLogger(),
      platform: 'linux',
    });
    await vault.set('refreshToken', 'rt-1');
    expect(mode(file)).toBe(0o600);
    for (let n = 2; n <= 5; n += 1) {
      await vault.set('refreshToken', `rt-${n}`);
      expect(mode(file)).toBe(0o600);
    }
    await vault.delete('refreshToken');
    expect(mode(file)).toBe(0o600);
  });

  it('takes a file others could read back to user-only at its next write', async () => {
    const first = await createSafeStorageVault({
      file,
      logger: recordingLogger(),
      platform: 'linux',
    });
    await first.set('refreshToken', 'rt-1');
    chmodSync(file, 0o644);
    const vault = await createSafeStorageVault({
      file,
      logger: recordingLogger(),
      platform: 'linux',
    });
    expect(await vault.get('refreshToken')).toBe('rt-1');
    await vault.set('refreshToken', 'rt-2');
    expect(mode(file)).toBe(0o600);
  });

  it('refuses a secrets file that is a link elsewhere: nothing read or written through it', async () => {
    // A valid vault file somewhere else, and secrets.json pointing at it.
    const elsewhere = join(directory, 'elsewhere.json');
    const other = await createSafeStorageVault({
      file: elsewhere,
      logger: recordingLogger(),
      platform: 'linux',
    });
    await other.set('refreshToken', 'someone-elses-token');
    const target = readFileSync(elsewhere, 'utf8');
    symlinkSync(elsewhere, file);

    const logger = recordingLogger();
    const vault = await createSafeStorageVault({ file, logger, platform: 'linux' });
    expect(await vault.get('refreshToken')).toBeUndefined();
    expect(logger.messages('warn')).toContain(
      'The secrets file is a link to another place, so volvo-tray does not read your sign-in from it; you are signed out.',
    );
    await expect(vault.set('refreshToken', 'rt-new')).rejects.toThrow(
      /secrets\.json is a link to another place, so volvo-tray did not write your sign-in through it\. Remove the link/,
    );
    expect(readFileSync(elsewhere, 'utf8')).toBe(target);
  });

  it('does not read a secrets file larger than any it writes: signed out, and saying why', async () => {
    const vault = await createSafeStorageVault({
      file,
      logger: recordingLogger(),
      platform: 'linux',
    });
    await vault.set('refreshToken', 'rt-1');
    truncateSync(file, MAX_JSON_FILE_BYTES + 1);
    const logger = recordingLogger();
    const reopened = await createSafeStorageVault({ file, logger, platform: 'linux' });
    expect(await reopened.get('refreshToken')).toBeUndefined();
    expect(logger.messages('warn')).toContain(
      'The secrets file is larger than any volvo-tray writes; not read, signed out.',
    );
    // The next sign-in is saved afresh.
    await reopened.set('refreshToken', 'rt-2');
    const again = await createSafeStorageVault({ file, logger, platform: 'linux' });
    expect(await again.get('refreshToken')).toBe('rt-2');
  });
});
