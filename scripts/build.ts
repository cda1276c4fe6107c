/**
 * Builds the Electron side of the app into dist/ (`npm run build` runs `vite build` for the
 * renderer first): dist/main/index.cjs, dist/preload/index.cjs, dist/cli.mjs and dist/icons.
 * The steps, and why each bundle is shaped as it is, are in `build-steps.ts`.
 */
import { join } from 'node:path';
import { buildCli, buildMain, buildPreload, copyIcons, root } from './build-steps';

const dist = join(root, 'dist');
const started = Date.now();
await buildMain(dist);
await buildPreload(dist);
await buildCli(dist);
const icons = await copyIcons(dist);
console.log(
  `Built dist/main/index.cjs, dist/preload/index.cjs, dist/cli.mjs and ${icons} icons in ${Date.now() - started} ms.`,
);
