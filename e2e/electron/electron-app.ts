import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test as base, type ElectronApplication } from '@playwright/test';
import type { ShellTestHooks } from '../../main/electron/shell';

/**
 * The Electron end-to-end fixture: launches the built app (dist/) in the real Electron binary
 * with its own userData folder, in demo mode (the embedded simulator), with the shell's test
 * hooks on. Where the binary is not installed or cannot run (these CI machines: it cannot be
 * downloaded), each test is skipped and the reason is printed in the reporter's output.
 */

const root = join(import.meta.dirname, '..', '..');

type Availability = { ok: true; executablePath: string } | { ok: false; reason: string };

/** Finds the Electron binary without triggering its download, and checks that it runs. */
export function electronAvailability(): Availability {
  const packageDirectory = join(root, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(packageDirectory, 'path.txt');
  if (!existsSync(packageDirectory)) {
    return { ok: false, reason: 'the electron package is not installed (run npm ci).' };
  }
  if (!override && !existsSync(pathFile)) {
    return {
      ok: false,
      reason:
        'the Electron binary is not installed (`npx install-electron` downloads it, which needs network access to GitHub).',
    };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const executablePath = override
    ? join(override, relative)
    : join(packageDirectory, 'dist', relative);
  if (!existsSync(executablePath)) {
    return { ok: false, reason: `the Electron binary is missing at ${executablePath}.` };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'there is no display (run the Electron tests under xvfb-run).' };
  }
  const version = spawnSync(executablePath, ['--version'], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (version.status !== 0) {
    const why = (version.stderr || version.error?.message || 'no output').trim().split('\n')[0];
    return { ok: false, reason: `the Electron binary does not run here: ${why}` };
  }
  return { ok: true, executablePath };
}

/** Builds main and preload (and the renderer if missing): what `npm start` would run. */
function buildApp(): void {
  const steps: string[][] = [];
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) steps.push(['vite', 'build']);
  steps.push(['tsx', 'scripts/build.ts']);
  for (const step of steps) {
    // Windows will not spawn `npx.cmd` without a shell.
    const result = spawnSync('npx', step, {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (result.status !== 0) throw new Error(`npx ${step.join(' ')} failed.`);
  }
}

export interface TrayApp {
  app: ElectronApplication;
  /** Runs one of the shell's test hooks in the main process. */
  hook<K extends keyof ShellTestHooks>(name: K): Promise<ReturnType<ShellTestHooks[K]>>;
}

let built = false;

export const test = base.extend<{ trayApp: TrayApp }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  trayApp: async ({}, use, testInfo) => {
    const availability = electronAvailability();
    if (!availability.ok) {
      // The list reporter does not show skip reasons; the test's own output does.
      console.log(`Skipped: ${availability.reason}`);
      testInfo.skip(true, availability.reason);
      return;
    }
    if (!built) {
      buildApp();
      built = true;
    }
    const userData = mkdtempSync(join(tmpdir(), 'volvo-tray-e2e-'));
    const app = await _electron.launch({
      executablePath: availability.executablePath,
      // Chromium refuses to run as root with its sandbox (CI containers); the page's own
      // sandbox (contextIsolation, sandboxed preload) is unchanged.
      args: process.getuid?.() === 0 ? ['--no-sandbox', root] : [root],
      cwd: root,
      env: { ...process.env, VOLVO_TRAY_USER_DATA: userData, VOLVO_TRAY_TEST_HOOKS: '1' },
    });
    // The app can answer before the shell has put its hooks up: wait for them (in main).
    const hook: TrayApp['hook'] = (name) =>
      app.evaluate(async (_electron, hookName) => {
        const deadline = Date.now() + 20_000;
        let hooks = (globalThis as { volvoTrayTestHooks?: ShellTestHooks }).volvoTrayTestHooks;
        while (!hooks) {
          if (Date.now() > deadline) throw new Error('The shell did not start within 20 s.');
          await new Promise((resolve) => setTimeout(resolve, 50));
          hooks = (globalThis as { volvoTrayTestHooks?: ShellTestHooks }).volvoTrayTestHooks;
        }
        return hooks[hookName]();
      }, name) as Promise<ReturnType<ShellTestHooks[typeof name]>>;
    try {
      await use({ app, hook });
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
