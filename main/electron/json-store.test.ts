import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type JsonStore, SetAsideError, silentLogger } from '../core/ports';
import { writeFileAtomic, writeFileAtomicSync } from './atomic-file';
import { createJsonFileStore, MAX_JSON_FILE_BYTES } from './json-store';

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

  const AT = new Date('2026-11-27T08:00:00.000Z');

  const whatLoadThrows = (store: JsonStore<unknown>): unknown => {
    try {
      store.load();
    } catch (error) {
      expect(error).toBeInstanceOf(SetAsideError);
      return error;
    }
    throw new Error('load did not throw');
  };

  it('moves a damaged file aside instead of losing it, says where, and starts empty', () => {
    const file = join(directory, 'state.json');
    writeFileSync(file, '{"alerts": [tru');
    const store = createJsonFileStore(file, silentLogger, () => AT);
    const aside = join(directory, 'state.damaged-2026-11-27T08-00-00-000Z.json');
    expect(whatLoadThrows(store)).toMatchObject({ why: 'damaged', aside: aside });
    expect(readdirSync(directory)).toEqual(['state.damaged-2026-11-27T08-00-00-000Z.json']);
    expect(readFileSync(aside, 'utf8')).toBe('{"alerts": [tru');
    // Started empty: the next save writes a new file, the old one stays aside.
    store.save({ alerts: [] });
    expect(createJsonFileStore(file, silentLogger).load()).toEqual({ alerts: [] });
  });

  it('sets aside a file larger than any it writes, without reading it', () => {
    const file = join(directory, 'state.json');
    writeFileSync(file, '{}');
    truncateSync(file, MAX_JSON_FILE_BYTES + 1);
    const store = createJsonFileStore(file, silentLogger, () => AT);
    const aside = join(directory, 'state.damaged-2026-11-27T08-00-00-000Z.json');
    expect(whatLoadThrows(store)).toMatchObject({ why: 'too-large', aside: aside });
    expect(statSync(aside).size).toBe(MAX_JSON_FILE_BYTES + 1);
  });

  it('starts empty when a damaged file cannot even be moved aside, and says so', () => {
    const file = join(directory, 'state.json');
    writeFileSync(file, 'not json');
    renameFails.now = true;
    const store = createJsonFileStore(file, silentLogger);
    expect(whatLoadThrows(store)).toMatchObject({ why: 'damaged', aside: null });
    renameFails.now = false;
    store.save({ fresh: true });
    expect(createJsonFileStore(file, silentLogger).load()).toEqual({ fresh: true });
  });
});
