import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../main/core/testing/seeded-random';

/**
 * The kill loop: a child process runs the app's real file stores (settings on electron-store,
 * the vault, the state file) and rewrites them, generation after generation; this loop kills it
 * with SIGKILL at a random moment, 200 times. Each next child starts as the app does and reports
 * what it loaded; the loop also parses each file itself. A file must hold the last generation
 * the child reported on disk, or the one it was writing: never an older one (a loss), never
 * something that does not parse (a mix).
 *
 * Run: `npm run reliability:kill-loop` (about three minutes; `-- --runs N --seed S`).
 * This kills a process, not the machine: what the page cache holds survives. A power cut is
 * covered by the fsync of the file and its folder, not by this loop.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = new Map<string, string>();
for (let i = 2; i + 1 < process.argv.length; i += 2) {
  args.set(process.argv[i]?.replace(/^--/, '') ?? '', process.argv[i + 1] ?? '');
}
const runs = Number(args.get('runs') ?? 200);
const seed = Number(args.get('seed') ?? 15);
const random = seededRandom(seed);

interface Loaded {
  settings: string;
  settingsProblems: string[];
  secret: string | null;
  state: { generation: number } | null;
}

/** One child life: what it loaded, and the last generation it reported on disk. */
function live(directory: string, killAfterMs: number | null) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      './scripts/reliability/use-fake-electron.mjs',
      'scripts/reliability/file-writer.ts',
      directory,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  let loaded: Loaded | null = null;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    const line = out.match(/^loaded (.*)$/m);
    if (loaded === null && line?.[1]) {
      loaded = JSON.parse(line[1]) as Loaded;
      if (killAfterMs === null) child.kill('SIGKILL');
      else setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    }
  });
  return new Promise<{ loaded: Loaded | null; acked: number }>((resolve) => {
    child.on('close', () => {
      const acked = [...out.matchAll(/^wrote (\d+)$/gm)].map((m) => Number(m[1]));
      resolve({ loaded, acked: acked.at(-1) ?? 0 });
    });
  });
}

/** The generation each file holds, read as a person would see it on disk. */
const onDisk = {
  settings: (text: string) => {
    const json = JSON.parse(text) as { connection?: { clientId?: string } };
    return generationIn(json.connection?.clientId ?? '');
  },
  secrets: (text: string) => {
    // The fake safeStorage's ciphertext is `enc:KEY:base64(plain)`; the vault file must parse.
    const json = JSON.parse(text) as { secrets: { refreshToken?: string } };
    const cipher = Buffer.from(json.secrets.refreshToken ?? '', 'base64').toString();
    return generationIn(Buffer.from(cipher.split(':')[2] ?? '', 'base64').toString());
  },
  state: (text: string) => (JSON.parse(text) as { generation: number }).generation,
};

function generationIn(text: string): number {
  return Number(text.match(/-(\d+)$/)?.[1] ?? Number.NaN);
}

const directory = mkdtempSync(join(tmpdir(), 'volvo-tray-kill-loop-'));
let filesChecked = 0;
let starts = 0;
let landedAtKill = 0;
const problems: string[] = [];
/** The last generation a child reported on disk. */
let acked = 0;

/** A generation found must be the last one on disk or a newer one (being written): not older. */
function judge(run: number, what: string, found: number): void {
  if (!Number.isInteger(found) || found < acked) {
    problems.push(`run ${run}: ${what} holds ${found}, the last write on disk was ${acked}`);
  } else if (found > acked) landedAtKill += 1;
}

try {
  for (let run = 1; run <= runs + 1; run += 1) {
    // The last life is only a start: the app loads what the last kill left.
    const life = await live(directory, run > runs ? null : Math.floor(random() * 250));
    if (acked > 0) {
      starts += 1;
      if (life.loaded === null) problems.push(`run ${run}: the app did not start`);
      else {
        if (life.loaded.settingsProblems.length > 0) {
          problems.push(`run ${run}: settings repaired: ${life.loaded.settingsProblems.join(' ')}`);
        }
        judge(run, 'the loaded settings', generationIn(life.loaded.settings));
        judge(run, 'the loaded sign-in', generationIn(life.loaded.secret ?? ''));
        judge(run, 'the loaded state', life.loaded.state?.generation ?? Number.NaN);
      }
    }
    if (run > runs) break;
    acked = Math.max(acked, life.acked);
    for (const [name, read] of Object.entries(onDisk)) {
      const file = join(directory, `${name}.json`);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        if (acked > 0) problems.push(`run ${run}: ${name}.json is missing`);
        continue;
      }
      filesChecked += 1;
      let found: number;
      try {
        found = read(text);
      } catch {
        problems.push(`run ${run}: ${name}.json does not parse`);
        continue;
      }
      judge(run, `${name}.json`, found);
      if (name === 'secrets' && (statSync(file).mode & 0o777) !== 0o600) {
        problems.push(`run ${run}: secrets.json can be read by others`);
      }
    }
  }
} finally {
  const tempFilesLeft = readdirSync(directory).filter((name) => name.includes('.tmp')).length;
  rmSync(directory, { recursive: true, force: true });
  const figures = {
    runs,
    seed,
    filesChecked,
    starts,
    losses: problems.length,
    landedAtKill,
    lastGeneration: acked,
    tempFilesLeft,
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  for (const problem of problems) process.stdout.write(`${problem}\n`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
