import { join } from 'node:path';
import type { NativeTheme } from 'electron';
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

/** Desktops whose panel is dark whatever the theme: GNOME Shell's top bar (Ubuntu's too). */
const ALWAYS_DARK_PANELS = new Set(['gnome', 'unity']);

/**
 * Whether the taskbar (Windows) or panel (Linux) behind the tray icon is dark: Windows says so
 * apart from the apps' theme; on Linux the panel follows the theme except on GNOME, whose top
 * bar is black in light mode too (a dark glyph there would all but vanish).
 *
 * @param desktop `XDG_CURRENT_DESKTOP` on Linux, e.g. `ubuntu:GNOME`
 */
export function isTaskbarDark(
  platform: NodeJS.Platform,
  desktop: string | undefined,
  theme: Pick<NativeTheme, 'shouldUseDarkColors' | 'shouldUseDarkColorsForSystemIntegratedUI'>,
): boolean {
  if (platform === 'win32') return theme.shouldUseDarkColorsForSystemIntegratedUI;
  const desktops = (desktop ?? '').toLowerCase().split(':');
  if (platform === 'linux' && desktops.some((name) => ALWAYS_DARK_PANELS.has(name))) return true;
  return theme.shouldUseDarkColors;
}
