import { randomUUID } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Atomic, durable file writes: write a temporary file beside the target, fsync it, rename it
 * over the target, fsync the directory. A crash at any moment leaves either the old file or the
 * new one, never half of each, and once the call returns the new content survives power loss.
 */

/** File mode for what we write: readable by the user only. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Removes the temporary files a writer killed mid-write left beside `path`: ours
 * (`.NAME.PID.UUID.tmp`) and electron-store's (`NAME.tmp-…`). Call it when the file is opened,
 * before anything writes it, so crashes do not pile them up in userData. Returns how many.
 */
export function removeLeftoverTemps(path: string): number {
  const directory = dirname(path);
  const name = basename(path);
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return 0;
  }
  const leftovers = names.filter(
    (entry) =>
      (entry.startsWith(`.${name}.`) && entry.endsWith('.tmp')) ||
      (/^\.tmp-\d{10}[a-f0-9]{6}$/.test(entry.slice(name.length)) && entry.startsWith(name)),
  );
  for (const entry of leftovers) rmSync(join(directory, entry), { force: true });
  return leftovers.length;
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
}

/** Writes `data` to `path` atomically and durably. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  mode = PRIVATE_FILE_MODE,
): Promise<void> {
  const directory = dirname(path);
  await mkdir(directory, { recursive: true });
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, 'w', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}

/** The synchronous twin of {@link writeFileAtomic}, for ports whose `save` is synchronous. */
export function writeFileAtomicSync(
  path: string,
  data: string | Uint8Array,
  mode = PRIVATE_FILE_MODE,
): void {
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true });
  const temp = tempPathFor(path);
  try {
    const fd = openSync(temp, 'w', mode);
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectorySync(directory);
}

// The rename is only durable once the directory entry is flushed. Windows cannot open a
// directory for fsync (and NTFS journals renames), so it is skipped there.
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function syncDirectorySync(directory: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
