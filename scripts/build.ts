/**
 * Builds the Electron side of the app into dist/ (`npm run build` runs `vite build` for the
 * renderer first): dist/main/index.cjs, dist/preload/index.cjs, dist/cli.mjs with its chunks in
 * dist/cli/, and dist/icons. The steps, and why each bundle is shaped as it is, are in `build-steps.ts`.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildCli, buildMain, buildPreload, copyIcons, root } from './build-steps';

const dist = join(root, 'dist');
const started = Date.now();
await buildMain(dist);
await buildPreload(dist);
await buildCli(dist);
const icons = await copyIcons(dist);
const cliChunks = (await readdir(join(dist, 'cli'))).map((chunk) => `cli/${chunk}`);
// What each bundle weighs, so a dependency that swells one shows in every build's output.
const weights = await Promise.all(
  ['main/index.cjs', 'preload/index.cjs', 'cli.mjs', ...cliChunks].map(async (bundle) => {
    const { size } = await stat(join(dist, bundle));
    return `dist/${bundle} ${(size / 1024).toFixed(1)} kB`;
  }),
);
console.log(
  `Built ${weights.join(', ')} and ${icons} icons in ${Date.now() - started} ms (minified).`,
);
