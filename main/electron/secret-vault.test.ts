import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/ports';
import { createSafeStorageVault } from './secret-vault';
import { fake, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

const REFRESH_TOKEN = 'rt-0123456789abcdefghijklmnopqrstuvwxyz';
let directory: string;
let file: string;

beforeEach(() => {
  resetFakeElectron();
  directory = mkdtempSync(join(tmpdir(), 'volvo-tray-vault-'));
  file = join(directory, 'secrets.json');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

/** The ciphertext the vault file holds for a secret, as safeStorage produced it. */
function storedCiphertext(name: string): string {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { secrets: Record<string, string> };
  return Buffer.from(stored.secrets[name] ?? '', 'base64').toString();
}

const open = (platform: NodeJS.Platform = 'linux') =>
  createSafeStorageVault({ file, logger: silentLogger, platform });

describe('the safeStorage vault', () => {
  it('round-trips secrets across restarts, encrypted on disk', async () => {
    const vault = await open();
    expect(vault.protection()).toBe('os-encrypted');
    await vault.set('refreshToken', REFRESH_TOKEN);
    await vault.set('apiKey', 'key-1234567890abcdef');

    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk).not.toContain(REFRESH_TOKEN);
    expect(onDisk).not.toContain('key-1234567890abcdef');
    // What is stored is safeStorage's output, not an encoding of the secret.
    expect(storedCiphertext('refreshToken')).toMatch(/^enc:k1:/);

    const reopened = await open();
    expect(await reopened.get('refreshToken')).toBe(REFRESH_TOKEN);
    expect(await reopened.get('apiKey')).toBe('key-1234567890abcdef');
    expect(await reopened.get('clientSecret')).toBeUndefined();
  });

  it('keeps the file readable by its user only, even one that was not before', async () => {
    if (process.platform === 'win32') return;
    writeFileSync(file, '{"format":1,"secrets":{}}\n', { mode: 0o644 });
    const vault = await open();
    await vault.set('refreshToken', REFRESH_TOKEN);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('forgets a deleted secret on disk too', async () => {
    const vault = await open();
    await vault.set('refreshToken', REFRESH_TOKEN);
    await vault.delete('refreshToken');
    expect(await vault.get('refreshToken')).toBeUndefined();
    expect(await (await open()).get('refreshToken')).toBeUndefined();
  });

  it('keeps the last of concurrent writes and leaves no temporary files', async () => {
    const vault = await open();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => vault.set('refreshToken', `token-${i}`)),
    );
    expect(await (await open()).get('refreshToken')).toBe('token-19');
    expect(readdirSync(directory)).toEqual(['secrets.json']);
  });

  it('uses the synchronous API where the async one is missing', async () => {
    fake.safeStorage.asyncApi = false;
    const vault = await open();
    await vault.set('clientSecret', 'shh-secret-value');
    expect(await (await open()).get('clientSecret')).toBe('shh-secret-value');
  });

  it('reports plaintext on Linux with the basic_text backend (no keyring)', async () => {
    fake.safeStorage.backend = 'basic_text';
    expect((await open('linux')).protection()).toBe('plaintext');
    // The backend name only means something on Linux.
    expect((await open('darwin')).protection()).toBe('os-encrypted');
  });

  it('keeps secrets in memory only when the OS offers no encryption', async () => {
    fake.safeStorage.available = false;
    const vault = await open();
    expect(vault.protection()).toBe('memory');
    await vault.set('refreshToken', REFRESH_TOKEN);
    expect(await vault.get('refreshToken')).toBe(REFRESH_TOKEN);
    expect(readdirSync(directory)).toEqual([]);
  });

  it('re-encrypts under the new key when the OS rotated it', async () => {
    await (await open()).set('refreshToken', REFRESH_TOKEN);
    fake.safeStorage.keyId = 'k2';
    expect(await (await open()).get('refreshToken')).toBe(REFRESH_TOKEN);
    expect(storedCiphertext('refreshToken')).toMatch(/^enc:k2:/);
  });

  it('treats an undecryptable secret as absent (signed out), not as a crash', async () => {
    await (await open()).set('refreshToken', REFRESH_TOKEN);
    fake.safeStorage.unreadableKeys.add('k1');
    fake.safeStorage.keyId = 'k2';
    expect(await (await open()).get('refreshToken')).toBeUndefined();
  });

  it('starts empty from a damaged or foreign file', async () => {
    writeFileSync(file, 'not json at all');
    expect(await (await open()).get('refreshToken')).toBeUndefined();
    writeFileSync(file, JSON.stringify({ format: 9, secrets: {} }));
    expect(await (await open()).get('refreshToken')).toBeUndefined();
  });
});
