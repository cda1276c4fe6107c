import { lstatSync, readFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import { z } from 'zod';
import type { Logger, SecretName, SecretVault } from '../core/ports';
import { removeLeftoverTemps, writeFileAtomic } from './atomic-file';
import { isNotFound, tooLargeToRead } from './json-store';

/**
 * The {@link SecretVault} on Electron `safeStorage`: each secret is encrypted by the OS (Keychain
 * on macOS, DPAPI on Windows, the Secret Service or KWallet on Linux) and the ciphertexts live in
 * one file in userData, rewritten atomically on every change so `set` is durable when it
 * resolves.
 *
 * - No encryption at all (safeStorage unavailable): protection `memory`, nothing is written.
 * - Linux without a keyring (`basic_text` backend): safeStorage still "encrypts", with a
 *   hard-coded key, so protection is `plaintext` and the core decides what it may keep.
 */

const SECRET_NAMES = ['refreshToken', 'accessToken', 'clientSecret', 'apiKey'] as const;

const vaultFileSchema = z.object({
  format: z.literal(1),
  secrets: z.partialRecord(z.enum(SECRET_NAMES), z.string().regex(/^[A-Za-z0-9+/=]*$/)),
});
type VaultFile = z.infer<typeof vaultFileSchema>;

export type VaultProtection = ReturnType<SecretVault['protection']>;

export interface SafeStorageVaultOptions {
  /** The vault file, e.g. `<userData>/secrets.json`. */
  file: string;
  logger: Logger;
  /** Defaults to `process.platform`. */
  platform?: NodeJS.Platform;
}

/** Which protection safeStorage gives on this machine. Call after `app.whenReady()`. */
export async function detectProtection(
  platform: NodeJS.Platform = process.platform,
): Promise<VaultProtection> {
  // The async API (Electron 38+) where present; the deprecated sync check otherwise.
  const available =
    typeof safeStorage.isAsyncEncryptionAvailable === 'function'
      ? await safeStorage.isAsyncEncryptionAvailable()
      : safeStorage.isEncryptionAvailable();
  if (!available) return 'memory';
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return 'plaintext';
  }
  return 'os-encrypted';
}

async function encrypt(plain: string): Promise<Buffer> {
  return typeof safeStorage.encryptStringAsync === 'function'
    ? safeStorage.encryptStringAsync(plain)
    : safeStorage.encryptString(plain);
}

async function decrypt(cipher: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
  return typeof safeStorage.decryptStringAsync === 'function'
    ? safeStorage.decryptStringAsync(cipher)
    : { result: safeStorage.decryptString(cipher), shouldReEncrypt: false };
}

/**
 * True when the vault file is a symbolic link. Secrets are never read or written through one:
 * it could point anywhere, and another program could have put it there.
 */
function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function readVaultFile(file: string, logger: Logger): Map<SecretName, string> {
  if (isLink(file)) {
    logger.warn(
      'The secrets file is a link to another place, so volvo-tray does not read your sign-in from it; you are signed out.',
      { file },
    );
    return new Map();
  }
  removeLeftoverTemps(file);
  if (tooLargeToRead(file)) {
    logger.warn('The secrets file is larger than any volvo-tray writes; not read, signed out.', {
      file,
    });
    return new Map();
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (!isNotFound(error)) logger.warn('Could not read the secrets file; signed out.', { file });
    return new Map();
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    logger.warn('The secrets file is damaged; signed out.', { file });
    return new Map();
  }
  const parsed = vaultFileSchema.safeParse(json);
  if (!parsed.success) {
    logger.warn('The secrets file has an unknown shape; signed out.', { file });
    return new Map();
  }
  const entries = Object.entries(parsed.data.secrets) as Array<[SecretName, string | undefined]>;
  return new Map(
    entries.filter((entry): entry is [SecretName, string] => typeof entry[1] === 'string'),
  );
}

/** Opens the vault. Call after `app.whenReady()` (safeStorage needs it on Linux and Windows). */
export async function createSafeStorageVault(
  options: SafeStorageVaultOptions,
): Promise<SecretVault> {
  const { file, logger } = options;
  const protection = await detectProtection(options.platform);
  // Base64 ciphertexts as stored; in `memory` mode nothing is read or written.
  const ciphertexts =
    protection === 'memory' ? new Map<SecretName, string>() : readVaultFile(file, logger);
  const plaintexts = new Map<SecretName, string>();
  let writes: Promise<void> = Promise.resolve();

  if (protection === 'memory') {
    logger.warn('The OS offers no encryption for secrets; they are kept for this session only.');
  }

  /** Queues a rewrite of the whole file; resolves when this rewrite is on disk. */
  const persist = (): Promise<void> => {
    if (protection === 'memory') return Promise.resolve();
    const snapshot: VaultFile = { format: 1, secrets: Object.fromEntries(ciphertexts) };
    const next = writes.then(() => {
      if (isLink(file)) {
        throw new Error(
          `${file} is a link to another place, so volvo-tray did not write your sign-in through it. Remove the link and sign in again.`,
        );
      }
      // Created 0600 and replaced whole on every write, so it stays readable by the user only.
      return writeFileAtomic(file, `${JSON.stringify(snapshot)}\n`);
    });
    // A failed write must not block the ones after it; the caller still sees its own failure.
    writes = next.catch(() => undefined);
    return next;
  };

  return {
    protection: () => protection,

    async get(name) {
      const cached = plaintexts.get(name);
      if (cached !== undefined) return cached;
      const stored = ciphertexts.get(name);
      if (stored === undefined) return undefined;
      try {
        const { result, shouldReEncrypt } = await decrypt(Buffer.from(stored, 'base64'));
        plaintexts.set(name, result);
        if (shouldReEncrypt) {
          // The OS rotated its key: store the secret again under the new one.
          ciphertexts.set(name, (await encrypt(result)).toString('base64'));
          await persist();
        }
        return result;
      } catch {
        logger.warn(
          'A stored secret could not be decrypted (the keyring changed?); it is ignored.',
          {
            secret: name,
          },
        );
        return undefined;
      }
    },

    async set(name, value) {
      plaintexts.set(name, value);
      if (protection === 'memory') return;
      ciphertexts.set(name, (await encrypt(value)).toString('base64'));
      await persist();
    },

    async delete(name) {
      plaintexts.delete(name);
      if (!ciphertexts.delete(name)) return;
      await persist();
    },
  };
}
