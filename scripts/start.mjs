#!/usr/bin/env node
/**
 * `npm start`: builds the app (renderer, main, preload) and launches it in Electron.
 *
 * Where Electron cannot start (its binary is missing and cannot be downloaded, as on machines
 * without network, or it dies at once for lack of system libraries) this prints one sentence
 * saying so and pointing at `npm run preview`, which serves the same app in a browser, and exits
 * non-zero. No stack trace: the user can do nothing with one.
 *
 *   node scripts/start.mjs [--skip-build] [-- electron args...]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CANNOT_START =
  'Electron could not start here (its binary is missing or cannot run on this machine); `npm run preview` serves the same app in a browser.';
/** A child that exits with an error within this long never really started. */
const STARTUP_MS = 3000;

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const separator = args.indexOf('--');
const electronArgs = separator === -1 ? [] : args.slice(separator + 1);

function cannotStart() {
  console.error(CANNOT_START);
  process.exit(1);
}

if (!skipBuild) {
  // Under `npm start`, npm's own script; Windows will not spawn `npm.cmd` without a shell.
  const npmCli = process.env.npm_execpath;
  const built = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], {
        cwd: root,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// `require('electron')` answers the binary's path, downloading it on first use. It runs in a
// child so its download noise and stack trace stay out of the user's terminal; the download
// writes to the same stdout, so the path is the last line.
const resolved = spawnSync(
  process.execPath,
  ['-e', "process.stdout.write('\\n' + require('electron'))"],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
);
const electronPath = resolved.status === 0 ? (resolved.stdout.trim().split('\n').at(-1) ?? '') : '';
if (!electronPath || !existsSync(electronPath)) cannotStart();

const child = spawn(electronPath, ['.', ...electronArgs], {
  cwd: root,
  stdio: ['inherit', 'inherit', 'pipe'],
});
// Hold stderr back until Electron has clearly started, so a failed start prints one sentence.
let started = false;
const held = [];
child.stderr.on('data', (chunk) => {
  if (started) process.stderr.write(chunk);
  else held.push(chunk);
});
const startupTimer = setTimeout(() => {
  started = true;
  for (const chunk of held.splice(0)) process.stderr.write(chunk);
}, STARTUP_MS);

child.on('error', () => cannotStart());
child.on('exit', (code, signal) => {
  clearTimeout(startupTimer);
  if (!started && code !== 0 && signal === null) cannotStart();
  for (const chunk of held.splice(0)) process.stderr.write(chunk);
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
