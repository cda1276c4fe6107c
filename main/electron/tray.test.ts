import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signedOut, snapshot, vehicleView } from '../../test-support/snapshots';
import { demoActionSchema } from '../core/intent-schemas';
import { fake, nativeTheme, resetFakeElectron } from './testing/fake-electron';
import { createAppTray } from './tray';
import { trayIconFileName } from './tray-icons';
import { DEMO_SCENARIOS } from './tray-menu';
import { TRAY_STATES } from './tray-state';

vi.mock('electron', () => import('./testing/fake-electron'));

const ICONS = join(import.meta.dirname, '..', '..', 'build', 'icons');
const AT = '2026-11-27T08:00:00.000Z';

beforeEach(() => resetFakeElectron());

function setup(platform: NodeJS.Platform, initial = snapshot(), desktop?: string) {
  const clicks: string[] = [];
  const tray = createAppTray({
    iconsDirectory: ICONS,
    platform,
    desktop,
    initial,
    onClick: () => clicks.push('toggle'),
    actions: {
      openPopover: () => clicks.push('open'),
      openSettings: () => clicks.push('settings'),
      lock: () => clicks.push('lock'),
      refresh: () => clicks.push('refresh'),
      selectVehicle: () => clicks.push('select'),
      openLogsFolder: () => clicks.push('logs'),
      about: () => clicks.push('about'),
      demo: () => clicks.push('demo'),
      quit: () => clicks.push('quit'),
    },
  });
  const electronTray = fake.trays[0];
  if (!electronTray) throw new Error('no tray was created');
  return { tray, electronTray, clicks };
}

const iconName = (path: string) => path.split(/[\\/]/).at(-1);

describe('the tray icon', () => {
  it('shows an icon per state and says the same in its tooltip', () => {
    const { tray, electronTray } = setup('linux');
    expect(iconName(electronTray.image.path)).toBe('tray-locked-light.png');
    expect(electronTray.tooltip).toBe('volvo-tray\nXC40: Locked');

    const unlocked = vehicleView({
      summary: 'unlocked',
      lock: { value: 'UNLOCKED', timestamp: AT },
    });
    tray.update(snapshot({ vehicles: [unlocked] }));
    expect(iconName(electronTray.image.path)).toBe('tray-unlocked-light.png');
    expect(electronTray.tooltip).toBe('volvo-tray\nXC40: Unlocked');

    tray.update(signedOut());
    expect(iconName(electronTray.image.path)).toBe('tray-signed-out-light.png');
    expect(tray.state()).toBe('signed-out');

    tray.update(snapshot({ online: false }));
    expect(iconName(electronTray.image.path)).toBe('tray-stale-light.png');
    expect(electronTray.tooltip).toBe('volvo-tray\nOffline\nXC40: Locked');
  });

  it('uses Template images on macOS', () => {
    const { electronTray } = setup('darwin');
    expect(iconName(electronTray.image.path)).toBe('tray-lockedTemplate.png');
    expect(electronTray.image.isTemplateImage()).toBe(true);
  });

  it('switches light and dark variants when the theme changes (taskbar theme on Windows)', () => {
    const { electronTray } = setup('win32');
    expect(iconName(electronTray.image.path)).toBe('tray-locked-light.png');
    nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = true;
    nativeTheme.emit('updated');
    expect(iconName(electronTray.image.path)).toBe('tray-locked-dark.png');

    resetFakeElectron();
    const linux = setup('linux').electronTray;
    nativeTheme.shouldUseDarkColors = true;
    nativeTheme.emit('updated');
    expect(iconName(linux.image.path)).toBe('tray-locked-dark.png');
  });

  it("on GNOME (and Ubuntu's GNOME) uses the light glyph: the top bar is dark in light mode too", () => {
    expect(iconName(setup('linux', snapshot(), 'ubuntu:GNOME').electronTray.image.path)).toBe(
      'tray-locked-dark.png',
    );
    resetFakeElectron();
    expect(iconName(setup('linux', snapshot(), 'KDE').electronTray.image.path)).toBe(
      'tray-locked-light.png',
    );
  });

  it('a left click toggles the popover', () => {
    const { electronTray, clicks } = setup('win32');
    electronTray.emit('click');
    expect(clicks).toEqual(['toggle']);
  });

  it('always has a context menu: set on Windows and Linux, popped up on right click on macOS', () => {
    const linux = setup('linux').electronTray;
    expect(linux.contextMenu?.item('quit')?.label).toBe('Quit volvo-tray');

    resetFakeElectron();
    const mac = setup('darwin').electronTray;
    // On macOS a set context menu would swallow the left click that opens the popover.
    expect(mac.contextMenu).toBeNull();
    mac.emit('right-click');
    expect(mac.poppedUp[0]?.item('quit')?.label).toBe('Quit volvo-tray');
  });

  it('rebuilds the menu only when what it shows changed (an open menu stays open)', () => {
    const { tray, electronTray } = setup('linux');
    const first = electronTray.contextMenu;
    tray.update(snapshot({ revision: 2 }));
    expect(electronTray.contextMenu).toBe(first);
    tray.update(signedOut());
    expect(electronTray.contextMenu).not.toBe(first);
    expect(electronTray.contextMenu?.item('state')?.label).toBe('Signed out');
  });

  it('reports no bounds where the platform gives a zero rectangle', () => {
    const { tray } = setup('linux');
    expect(tray.bounds()).toBeNull();
    fake.trayBounds = { x: 1700, y: 1048, width: 24, height: 24 };
    expect(tray.bounds()).toEqual({ x: 1700, y: 1048, width: 24, height: 24 });
  });
});

/** Width and height from a PNG's IHDR chunk, and whether it has an alpha channel. */
function pngHeader(path: string): { width: number; height: number; alpha: boolean } {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const colorType = png.readUInt8(25);
  return {
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
    alpha: colorType === 6 || colorType === 4,
  };
}

describe('the generated icons (build/icons, from build/icons-src)', () => {
  it('exist for every state and variant at 1x (16 px) and 2x (32 px), with transparency', () => {
    for (const state of TRAY_STATES) {
      for (const [platform, dark] of [
        ['darwin', false],
        ['linux', false],
        ['linux', true],
      ] as const) {
        const name = trayIconFileName(state, platform, dark);
        expect(pngHeader(join(ICONS, name))).toEqual({ width: 16, height: 16, alpha: true });
        expect(pngHeader(join(ICONS, name.replace('.png', '@2x.png')))).toEqual({
          width: 32,
          height: 32,
          alpha: true,
        });
      }
    }
  });

  it('include the app icon for notifications and packaging', () => {
    expect(pngHeader(join(ICONS, 'app.png'))).toMatchObject({ width: 256, height: 256 });
    expect(pngHeader(join(ICONS, '..', 'icon.png'))).toMatchObject({ width: 1024, height: 1024 });
  });
});

describe('demo scenarios', () => {
  it('are each a valid demo request under the contract', () => {
    for (const scenario of DEMO_SCENARIOS) {
      expect(demoActionSchema.safeParse(scenario.action).success).toBe(true);
    }
  });
});
