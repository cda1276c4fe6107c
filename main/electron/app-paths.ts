import { join } from 'node:path';

/**
 * Where the built app finds its parts. Everything lives under `dist/` (what electron-builder
 * packs): `dist/main/index.cjs` (this code), `dist/preload/index.cjs`, `dist/renderer/` (the
 * popover page) and `dist/icons/` (copied from `build/icons` by `scripts/build.ts`).
 */
export interface AppPaths {
  preload: string;
  indexHtml: string;
  icons: string;
  /** Notification icon on Linux and Windows. */
  appIcon: string;
}

/** @param distDirectory the `dist` folder: the parent of the bundled main's directory. */
export function appPaths(distDirectory: string): AppPaths {
  const icons = join(distDirectory, 'icons');
  return {
    preload: join(distDirectory, 'preload', 'index.cjs'),
    indexHtml: join(distDirectory, 'renderer', 'index.html'),
    icons,
    appIcon: join(icons, 'app.png'),
  };
}

/** The app id: macOS bundle id, Windows AppUserModelId (same as electron-builder.yml). */
export const APP_ID = 'dev.volvotray.app';
