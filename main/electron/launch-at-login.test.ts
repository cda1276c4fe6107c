import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLaunchAtLogin, autostartDesktopEntry, autostartPath } from './launch-at-login';
import { fake, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

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

  it('quotes an executable path with spaces and shell characters', () => {
    expect(autostartDesktopEntry('/home/a b/Apps/volvo "tray"$.AppImage')).toContain(
      'Exec="/home/a b/Apps/volvo \\"tray\\"\\$.AppImage"',
    );
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
