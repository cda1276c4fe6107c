import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeLeftoverTemps, writeFileAtomicSync } from './atomic-file';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'volvo-tray-atomic-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('leftovers of a writer killed mid-write', () => {
  it('are removed when the file is opened again; other files stay', () => {
    const file = join(directory, 'state.json');
    writeFileAtomicSync(file, '{"generation":1}\n');
    const left = [
      '.state.json.4242.0b6f8a1e-1111-4222-8333-944445555666.tmp',
      'settings.json.tmp-1764936000a1b2c3',
    ];
    for (const name of left) writeFileSync(join(directory, name), '{"genera');
    writeFileSync(join(directory, 'notes.tmp'), 'not ours');
    expect(removeLeftoverTemps(file)).toBe(1);
    expect(removeLeftoverTemps(join(directory, 'settings.json'))).toBe(1);
    expect(readdirSync(directory).sort()).toEqual(['notes.tmp', 'state.json']);
  });
});
