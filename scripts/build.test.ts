import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fakeElectron from '../main/electron/testing/fake-electron';
import { INTENT_NAMES } from '../shared/contract';
import { buildCli, buildMain, buildPreload, copyIcons } from './build-steps';

/**
 * The bundles as Electron would load them, not the TypeScript the other tests import: the
 * preload must run in a sandbox where `require` knows only `electron`, and the main bundle
 * must start the real core from `dist/` with nothing but `electron` and Node's own modules.
 * Electron itself cannot run here, so `electron` resolves to the shared fake.
 */

const { fake, app, resetFakeElectron } = fakeElectron;

let directory: string;
let dist: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'volvo-tray-bundle-'));
  dist = join(directory, 'dist');
  await buildMain(dist);
  await buildPreload(dist);
  await buildCli(dist);
  await copyIcons(dist);
  // What `require('electron')` finds from <directory>/dist/main/index.cjs.
  const stub = join(directory, 'node_modules', 'electron');
  mkdirSync(stub, { recursive: true });
  writeFileSync(join(stub, 'index.js'), 'module.exports = globalThis.volvoTrayFakeElectron;\n');
  Object.assign(globalThis, { volvoTrayFakeElectron: fakeElectron });
}, 60_000);

afterAll(() => {
  Reflect.deleteProperty(globalThis, 'volvoTrayFakeElectron');
  rmSync(directory, { recursive: true, force: true });
});

beforeEach(() => resetFakeElectron());

/** The module names a CommonJS bundle requires. */
function requiredModules(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  // Code that ajv generates at run time sits in template strings; it is not a require of ours.
  const found = [...code.matchAll(/(?<![`$.\w])require\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
  return [...new Set(found)].filter((name): name is string => name !== undefined).sort();
}

/** Waits (up to 15 s) until an expectation holds. */
const eventually = (expectation: () => void) =>
  vi.waitFor(expectation, { timeout: 15_000, interval: 20 });

describe('the built preload', () => {
  it('requires nothing but electron', () => {
    expect(requiredModules(join(dist, 'preload', 'index.cjs'))).toEqual(['electron']);
  });

  it('exposes the contract when run as a sandboxed preload (require knows only electron)', () => {
    const code = readFileSync(join(dist, 'preload', 'index.cjs'), 'utf8');
    const module = { exports: {} };
    const sandboxedRequire = (name: string) => {
      if (name === 'electron') return fakeElectron;
      throw new Error(`module not found: ${name}`);
    };
    runInNewContext(code, { require: sandboxedRequire, module, exports: module.exports });
    const bridge = fake.exposedInMainWorld.get('volvo');
    expect(Object.keys(bridge ?? {}).sort()).toEqual([...INTENT_NAMES, 'onSnapshot'].sort());
  });
});

/** Runs dist/main/index.cjs afresh, as Electron runs the app's main. */
function startBundle(): void {
  const bundle = join(dist, 'main', 'index.cjs');
  const require = createRequire(import.meta.url);
  delete require.cache[bundle];
  require(bundle);
}

describe('the built main process', () => {
  it('requires only electron and Node built-ins', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const outside = requiredModules(join(dist, 'main', 'index.cjs')).filter(
      (name) => !builtins.has(name),
    );
    expect(outside).toEqual(['electron']);
  });

  it('starts the real core from dist/ in demo mode, shows the car in the tray, and quits cleanly', async () => {
    fake.paths.set('userData', join(directory, 'userData'));
    fake.paths.set('logs', join(directory, 'logs'));
    // Packaged: the log goes to its file, not to the test output.
    fake.isPackaged = true;
    startBundle();

    await eventually(() => expect(fake.trays[0]?.tooltip).toMatch(/: Locked/));
    expect(fake.quitCalls).toBe(0);
    // Every file the shell pointed Electron at is in dist/.
    const window = fake.windows[0];
    const preload = (window?.options.webPreferences as { preload?: string } | undefined)?.preload;
    expect(preload).toBe(join(dist, 'preload', 'index.cjs'));
    expect(window?.webContents.loaded[0]).toMatch(/\/dist\/renderer\/index\.html$/);
    for (const image of fake.trays[0]?.images ?? []) expect(existsSync(image.path)).toBe(true);

    app.emit('before-quit', fakeElectron.fakeEvent());
    await eventually(() => expect(fake.quitCalls).toBe(1));
    expect(fake.trays[0]?.destroyed).toBe(true);
    expect(fake.shortcuts.size).toBe(0);
  }, 30_000);

  it('says why in a dialog when it cannot start, and exits 1', async () => {
    fake.paths.set('userData', join(directory, 'userData-unstartable'));
    fake.paths.delete('logs');
    fake.isPackaged = true;
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    startBundle();
    await eventually(() => expect(fake.exitCodes).toEqual([1]));
    stderr.mockRestore();
    expect(fake.exitCodes).toEqual([1]);
    expect(fake.errorBoxes).toEqual([
      { title: 'volvo-tray could not start', content: "Failed to get 'logs' path" },
    ]);
  });
});

describe('the built CLI', () => {
  it('starts the simulator from its own chunk, and reads a car from it', async () => {
    const cli = join(dist, 'cli.mjs');
    const sim = spawn(process.execPath, [cli, 'sim', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      // Five NAME=value lines: everything the other commands need.
      const env = await new Promise<Record<string, string>>((resolve, reject) => {
        let printed = '';
        sim.once('exit', (code) => reject(new Error(`sim exited early (${code})`)));
        sim.stdout.on('data', (chunk: Buffer) => {
          printed += chunk.toString();
          const lines = printed.split('\n').filter((line) => line !== '');
          if (lines.length >= 5)
            resolve(Object.fromEntries(lines.map((line) => line.split('=', 2))));
        });
      });
      const run = promisify(execFile);
      const { stdout: vins } = await run(process.execPath, [cli, 'vehicles'], { env });
      const [vin = ''] = vins.split('\n');
      const { stdout } = await run(process.execPath, [cli, 'status', vin], { env });
      expect(stdout).toContain(`${vin}: Locked, everything closed.`);
    } finally {
      sim.kill('SIGTERM');
    }
  });
});
