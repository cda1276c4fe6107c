import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLaunchAtLogin, autostartDesktopEntry, autostartPath } from './launch-at-login';
import { fake, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

/**
 * Reads the program back out of a desktop entry as the Desktop Entry spec says a desktop does:
 * the one Exec line, its string escapes undone first, then the quoting, then `%%`. Any escape
 * the spec does not define fails, as it does in GLib.
 */
function programOf(entry: string): string {
  const lines = entry.split('\n').filter((line) => line.startsWith('Exec='));
  expect(lines).toHaveLength(1);
  const value = (lines[0] ?? '').slice('Exec='.length);
  const strings: Record<string, string> = { s: ' ', n: '\n', t: '\t', r: '\r', '\\': '\\' };
  const unescaped = value.replace(/\\(.)/g, (_, char: string) => {
    const meant = strings[char];
    if (meant === undefined) throw new Error(`invalid string escape \\${char}`);
    return meant;
  });
  const quoted = /^"((?:[^"`$\\]|\\["`$\\])*)"$/.exec(unescaped);
  if (!quoted) throw new Error(`not one quoted argument: ${unescaped}`);
  return (quoted[1] ?? '').replace(/\\(.)/g, '$1').replace(/%%/g, '%');
}

let configHome: string;
beforeEach(() => {
  resetFakeElectron();
  configHome = mkdtempSync(join(tmpdir(), 'volvo-tray-xdg-'));
});
afterEach(() => rmSync(configHome, { recursive: true, force: true }));

describe('launch at login', () => {
  it('writes and removes an XDG autostart entry on Linux', async () => {
    const environment = {
      platform: 'linux' as const,
      executable: '/opt/volvo-tray/volvo-tray',
      configHome,
    };
    await applyLaunchAtLogin(true, environment);
    const file = autostartPath(configHome);
    expect(file).toBe(join(configHome, 'autostart', 'volvo-tray.desktop'));
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/volvo-tray/volvo-tray"');
    await applyLaunchAtLogin(false, environment);
    expect(existsSync(file)).toBe(false);
    // Turning off what is already off is fine.
    await applyLaunchAtLogin(false, environment);
  });

  it('quotes an executable path so a desktop reads back exactly that path', () => {
    for (const path of [
      '/opt/volvo-tray/volvo-tray',
      '/home/a b/Apps/volvo "tray"$.AppImage',
      '/home/a/it`s\\here/100%/volvo-tray.AppImage',
      "/home/a/O'Brien;rm -rf ~ #/volvo-tray",
    ]) {
      expect(programOf(autostartDesktopEntry(path))).toBe(path);
    }
    expect(autostartDesktopEntry('/home/a b/$x')).toContain('Exec="/home/a b/\\\\$x"');
  });

  it('refuses a path with a line break rather than write a second key into the entry', async () => {
    const executable = '/tmp/x\nHidden=true\nExec=/tmp/evil';
    await expect(
      applyLaunchAtLogin(true, { platform: 'linux', executable, configHome }),
    ).rejects.toThrow('line break');
    expect(existsSync(autostartPath(configHome))).toBe(false);
  });

  it('uses login items on macOS and Windows', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      await applyLaunchAtLogin(true, { platform, executable: 'x', configHome });
      expect(fake.loginItemSettings).toEqual({ openAtLogin: true });
      await applyLaunchAtLogin(false, { platform, executable: 'x', configHome });
      expect(fake.loginItemSettings).toEqual({ openAtLogin: false });
    }
    expect(existsSync(autostartPath(configHome))).toBe(false);
  });
});
