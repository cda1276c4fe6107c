import { join } from 'node:path';
import { silentLogger } from '../../main/core/ports';
import { createJsonFileStore } from '../../main/electron/json-store';
import { createSafeStorageVault } from '../../main/electron/secret-vault';
import { createElectronSettingsStore } from '../../main/electron/settings-store';

/**
 * The child of the kill loop (`kill-loop.ts`): it starts as the app does, loading the settings,
 * the sign-in and the state from `directory` and printing what it found, then rewrites all
 * three, generation after generation, printing each generation once it is on disk, until it is
 * killed.
 *
 * Output lines: `loaded <json>` once, then `wrote <n>` after each generation.
 */

const directory = process.argv[2];
if (!directory) throw new Error('usage: file-writer.ts <directory>');

const settings = createElectronSettingsStore({ directory, logger: silentLogger });
const state = createJsonFileStore<{ generation: number; log: string[] }>(
  join(directory, 'state.json'),
  silentLogger,
);
const vault = await createSafeStorageVault({
  file: join(directory, 'secrets.json'),
  logger: silentLogger,
  platform: 'linux',
});

const loaded = settings.load();
const found = {
  settings: loaded.settings.connection.clientId,
  settingsProblems: loaded.problems,
  secret: (await vault.get('refreshToken')) ?? null,
  state: state.load() ?? null,
};
process.stdout.write(`loaded ${JSON.stringify(found)}\n`);

// Carry on after the newest generation any file holds, so generations only grow.
const generationIn = (text: string) => Number(text.match(/-(\d+)$/)?.[1] ?? 0);
let generation = Math.max(
  generationIn(found.settings),
  generationIn(found.secret ?? ''),
  found.state?.generation ?? 0,
);
// Large enough that a write takes a while, so kills land inside writes too.
const filler = (n: number) => Array.from({ length: 2000 }, (_, i) => `entry ${n}.${i}`);
for (;;) {
  generation += 1;
  settings.save({
    ...loaded.settings,
    connection: { ...loaded.settings.connection, clientId: `client-${generation}` },
  });
  await vault.set('refreshToken', `refresh-token-${generation}`);
  state.save({ generation, log: filler(generation) });
  process.stdout.write(`wrote ${generation}\n`);
}
