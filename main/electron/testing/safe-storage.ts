import type { SafeStorage } from 'electron';
import { fake } from './state';

/**
 * Electron's `safeStorage`, as `fake.safeStorage` sets it up: available or not, with or without
 * the async API, which OS key is in use and which ones the OS lost. Its ciphertext is readable
 * on purpose (a prefix naming the key, then base64), so tests can see what was written.
 */

function fakeEncrypt(plain: string): Buffer {
  if (!fake.safeStorage.available) throw new Error('Encryption is not available.');
  return Buffer.from(`enc:${fake.safeStorage.keyId}:${Buffer.from(plain).toString('base64')}`);
}

function fakeDecrypt(cipher: Buffer): { result: string; shouldReEncrypt: boolean } {
  const match = /^enc:(\w+):([A-Za-z0-9+/=]*)$/.exec(cipher.toString());
  if (!match?.[1] || match[2] === undefined)
    throw new Error('Error while decrypting the ciphertext.');
  if (fake.safeStorage.unreadableKeys.has(match[1])) {
    throw new Error('Error while decrypting the ciphertext.');
  }
  return {
    result: Buffer.from(match[2], 'base64').toString(),
    shouldReEncrypt: match[1] !== fake.safeStorage.keyId,
  };
}

/** The async API, which Electron before 38 lacks: the fake can leave it out to test the fallback. */
type AsyncApi = 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync';

/** `safeStorage`, with the async API present or not as `fake.safeStorage.asyncApi` says. */
export const safeStorage = {
  get isAsyncEncryptionAvailable() {
    return fake.safeStorage.asyncApi
      ? () => Promise.resolve(fake.safeStorage.available)
      : undefined;
  },
  get encryptStringAsync() {
    return fake.safeStorage.asyncApi
      ? (plain: string) => Promise.resolve(fakeEncrypt(plain))
      : undefined;
  },
  get decryptStringAsync() {
    return fake.safeStorage.asyncApi
      ? (cipher: Buffer) => Promise.resolve(fakeDecrypt(cipher))
      : undefined;
  },
  isEncryptionAvailable: () => fake.safeStorage.available,
  encryptString: (plain: string) => fakeEncrypt(plain),
  decryptString: (cipher: Buffer) => fakeDecrypt(cipher).result,
  getSelectedStorageBackend: () => fake.safeStorage.backend,
} satisfies Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
> & { [Name in AsyncApi]: SafeStorage[Name] | undefined };
