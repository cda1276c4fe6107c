import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/ports';
import { writeFileAtomic, writeFileAtomicSync } from './atomic-file';
import { createJsonFileStore } from './json-store';

// Lets one test make renaming fail (as root, file permissions cannot).
const renameFails = vi.hoisted(() => ({ now: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    renameSync: (...args: Parameters<typeof fs.renameSync>) => {
      if (renameFails.now)
        throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
      fs.renameSync(...args);
    },
  };
});

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'volvo-tray-json-'));
});
afterEach(() => {
  renameFails.now = false;
  rmSync(directory, { recursive: true, force: true });
});

describe('atomic writes', () => {
  it('replaces the file whole, leaves no temporary files, and keeps it private', async () => {
    const file = join(directory, 'nested', 'state.json');
    await writeFileAtomic(file, 'first');
    writeFileAtomicSync(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(join(directory, 'nested'))).toEqual(['state.json']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('leaves the old content and no temporary file when the write fails', async () => {
    const file = join(directory, 'state.json');
    writeFileSync(file, 'old');
    // A directory where the temporary file's target should be: the rename fails.
    const blocked = join(directory, 'blocked');
    await writeFileAtomic(join(blocked, 'x'), 'make the directory');
    await expect(writeFileAtomic(blocked, 'new')).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(directory).sort()).toEqual(['blocked', 'state.json']);
  });
});

describe('createJsonFileStore', () => {
  it('round-trips a document across instances', () => {
    const file = join(directory, 'state.json');
    createJsonFileStore<{ alerts: string[] }>(file, silentLogger).save({ alerts: ['door-open'] });
    expect(createJsonFileStore(file, silentLogger).load()).toEqual({ alerts: ['door-open'] });
  });

  it('answers undefined for a missing file', () => {
    expect(createJsonFileStore(join(directory, 'none.json'), silentLogger).load()).toBeUndefined();
  });

  it('moves a corrupt file aside instead of losing it, and starts empty', () => {
    const file = join(directory, 'state.json');
    writeFileSync(file, '{"alerts": [tru');
    expect(createJsonFileStore(file, silentLogger).load()).toBeUndefined();
    const files = readdirSync(directory);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^state\.json\.corrupt-\d+$/);
    expect(readFileSync(join(directory, files[0] ?? ''), 'utf8')).toBe('{"alerts": [tru');
  });

  it('starts empty when a corrupt file cannot even be moved aside', () => {
    const file = join(directory, 'state.json');
    writeFileSync(file, 'not json');
    renameFails.now = true;
    expect(createJsonFileStore(file, silentLogger).load()).toBeUndefined();
  });
});
