import { join } from 'node:path';
import type { TrayState } from './tray-state';

/**
 * Which icon file the tray shows. The PNGs are generated from `build/icons-src` by
 * `build/generate-icons.ts` (1x and `@2x`; Electron picks the `@2x` file on HiDPI screens):
 *
 * - macOS: `tray-<state>Template.png`, black on transparent; the file name makes Electron mark
 *   it a Template image, so the menu bar tints it for light, dark and highlighted.
 * - Windows and Linux: `tray-<state>-dark.png` (a light glyph for dark taskbars and panels)
 *   and `tray-<state>-light.png` (a dark glyph for light ones), switched on `nativeTheme`.
 */
export function trayIconFileName(
  state: TrayState,
  platform: NodeJS.Platform,
  darkTaskbar: boolean,
): string {
  if (platform === 'darwin') return `tray-${state}Template.png`;
  return `tray-${state}-${darkTaskbar ? 'dark' : 'light'}.png`;
}

export function trayIconPath(
  iconsDirectory: string,
  state: TrayState,
  platform: NodeJS.Platform,
  darkTaskbar: boolean,
): string {
  return join(iconsDirectory, trayIconFileName(state, platform, darkTaskbar));
}
