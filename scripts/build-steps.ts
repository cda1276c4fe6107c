/**
 * The steps of `scripts/build.ts`, each building into a given `dist` folder (its test builds
 * into a temporary one). With Vite's build API (the renderer is built separately by
 * `vite build` with vite.config.ts into dist/renderer; `npm run build` runs both):
 *
 * - main/index.ts    -> dist/main/index.cjs     Node (Electron's main process), every dependency
 *                                               bundled except `electron` and Node's built-ins
 * - preload/index.ts -> dist/preload/index.cjs  CommonJS, because a sandboxed preload cannot load
 *                                               ES modules; zod bundled in (it may only require
 *                                               `electron`)
 * - main/cli.ts      -> dist/cli.mjs            the `volvo-tray` command (plain Node >= 20, ESM), with
 *                       dist/cli/*.mjs          the chunks it loads when needed (the simulator for `sim`)
 * - build/icons/*.png -> dist/icons/            the tray and notification icons
 *
 * All three are minified (with source maps for main and the preload): Electron parses the main
 * bundle at every start and the preload at every popover window.
 *
 * electron-builder packs dist/ only, so what runs in the packaged app is exactly this.
 */
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

/** The repository. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/** Electron 45 runs Node 22 in main and Chromium 140 in the preload. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const common: InlineConfig = {
  configFile: false,
  root,
  logLevel: 'warn',
  mode: 'production',
  // The renderer's public/ folder and env files are not for main or the preload.
  publicDir: false,
  envDir: false,
};

/** `main/index.ts` -> `<dist>/main/index.cjs`. */
export async function buildMain(dist: string): Promise<void> {
  await build({
    ...common,
    // An SSR build resolves packages for Node (not their browser fields) and bundles them all.
    ssr: { target: 'node', noExternal: true, external: ['electron'] },
    build: {
      ssr: join(root, 'main', 'index.ts'),
      outDir: join(dist, 'main'),
      emptyOutDir: true,
      target: NODE_TARGET,
      minify: true,
      sourcemap: true,
      copyPublicDir: false,
      rolldownOptions: {
        external: ['electron', ...nodeBuiltins],
        output: { format: 'cjs', entryFileNames: 'index.cjs' },
      },
    },
  });
}

/** `preload/index.ts` -> `<dist>/preload/index.cjs`. */
export async function buildPreload(dist: string): Promise<void> {
  await build({
    ...common,
    build: {
      outDir: join(dist, 'preload'),
      emptyOutDir: true,
      target: CHROME_TARGET,
      minify: true,
      sourcemap: true,
      copyPublicDir: false,
      lib: {
        entry: join(root, 'preload', 'index.ts'),
        formats: ['cjs'],
        fileName: () => 'index.cjs',
      },
      rolldownOptions: { external: ['electron'] },
    },
  });
}

/** `main/cli.ts` -> `<dist>/cli.mjs`. */
export async function buildCli(dist: string): Promise<void> {
  // Chunks are named by their hash: last build's would stay beside this one's.
  await rm(join(dist, 'cli'), { recursive: true, force: true });
  await build({
    ...common,
    ssr: { target: 'node', noExternal: true },
    build: {
      ssr: join(root, 'main', 'cli.ts'),
      outDir: dist,
      emptyOutDir: false,
      target: 'node20',
      minify: true,
      copyPublicDir: false,
      rolldownOptions: {
        external: nodeBuiltins,
        output: {
          format: 'esm',
          entryFileNames: 'cli.mjs',
          // The simulator (`sim`) and what it shares with the rest, loaded when needed.
          chunkFileNames: 'cli/[name]-[hash].mjs',
          banner: '#!/usr/bin/env node',
        },
      },
    },
  });
}

/** `build/icons/*.png` -> `<dist>/icons/`; resolves with how many. */
export async function copyIcons(dist: string): Promise<number> {
  const source = join(root, 'build', 'icons');
  const target = join(dist, 'icons');
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  const icons = (await readdir(source)).filter((name) => name.endsWith('.png'));
  await Promise.all(icons.map((name) => cp(join(source, name), join(target, name))));
  return icons.length;
}
