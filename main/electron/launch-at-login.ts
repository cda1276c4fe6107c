import { rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import { writeFileAtomic } from './atomic-file';

/**
 * Launch at login, driven by `settings.launchAtLogin`: login items on macOS and Windows
 * (`app.setLoginItemSettings`), an XDG autostart entry on Linux (a `.desktop` file in
 * `$XDG_CONFIG_HOME/autostart`, which GNOME, KDE, Xfce and friends all read).
 */

export const AUTOSTART_FILE_NAME = 'volvo-tray.desktop';

export interface LaunchAtLoginEnvironment {
  platform: NodeJS.Platform;
  /** The program to start: the AppImage when running from one, else the executable. */
  executable: string;
  /** `$XDG_CONFIG_HOME`, or `~/.config` when unset. */
  configHome: string;
}

export function currentLaunchEnvironment(): LaunchAtLoginEnvironment {
  return {
    platform: process.platform,
    executable: process.env.APPIMAGE ?? process.execPath,
    configHome: process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
  };
}

/**
 * A path as the program of a desktop entry's Exec key (Desktop Entry spec, "The Exec key"):
 * quoted, with `"`, backtick, `$` and `\` escaped for the quoting; then the string escape of
 * every value, which applies first when read (so a literal backslash is four of them); and `%`
 * doubled (field codes). A control character is refused: a line break would start a new key.
 */
function quoteExec(path: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
  if (/[\u0000-\u001f\u007f]/.test(path)) {
    throw new Error(
      "The app's path contains a line break or control character, so it cannot start at login.",
    );
  }
  const quoted = `"${path.replace(/["`$\\]/g, '\\$&')}"`;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

/** The autostart `.desktop` file's contents. */
export function autostartDesktopEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=volvo-tray',
    'Comment=Your Volvo at a glance in the tray',
    `Exec=${quoteExec(executable)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function autostartPath(configHome: string): string {
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

/** Turns launch at login on or off. */
export async function applyLaunchAtLogin(
  enabled: boolean,
  environment: LaunchAtLoginEnvironment = currentLaunchEnvironment(),
): Promise<void> {
  if (environment.platform === 'linux') {
    const file = autostartPath(environment.configHome);
    if (enabled) await writeFileAtomic(file, autostartDesktopEntry(environment.executable), 0o644);
    else await rm(file, { force: true });
    return;
  }
  app.setLoginItemSettings({ openAtLogin: enabled });
}
