import { describe, expect, it } from 'vitest';
import {
  displayForTray,
  POPOVER_GAP,
  popoverPosition,
  type Rect,
  taskbarEdge,
} from './popover-position';

const SIZE = { width: 360, height: 480 };
const SCREEN: Rect = { x: 0, y: 0, width: 1920, height: 1080 };

describe('popoverPosition', () => {
  it('macOS: below the menu bar icon, centred on it', () => {
    const workArea = { x: 0, y: 25, width: 1440, height: 875 };
    const tray = { x: 1200, y: 0, width: 22, height: 24 };
    expect(popoverPosition(tray, SIZE, workArea, 'darwin')).toEqual({
      x: 1211 - 180,
      y: 24 + POPOVER_GAP,
    });
  });

  it('Windows taskbar at the bottom: above the icon, inside the work area', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    const tray = { x: 1700, y: 1048, width: 24, height: 24 };
    const position = popoverPosition(tray, SIZE, workArea, 'win32');
    // Flush with the top of the taskbar: the work area ends where the taskbar starts.
    expect(position).toEqual({ x: 1712 - 180, y: 1040 - 480 });
  });

  it('Windows taskbar at the top: below the icon', () => {
    const workArea = { x: 0, y: 40, width: 1920, height: 1040 };
    const tray = { x: 1700, y: 8, width: 24, height: 24 };
    expect(popoverPosition(tray, SIZE, workArea, 'win32')).toEqual({ x: 1532, y: 40 });
  });

  it('Windows taskbar on the left: to the right of the icon', () => {
    const workArea = { x: 62, y: 0, width: 1858, height: 1080 };
    const tray = { x: 19, y: 900, width: 24, height: 24 };
    expect(popoverPosition(tray, SIZE, workArea, 'win32')).toEqual({
      x: 62, // flush with the taskbar
      y: 1080 - 480, // centred on the icon would overflow the bottom: clamped
    });
  });

  it('Windows taskbar on the right: to the left of the icon', () => {
    const workArea = { x: 0, y: 0, width: 1858, height: 1080 };
    const tray = { x: 1877, y: 300, width: 24, height: 24 };
    expect(popoverPosition(tray, SIZE, workArea, 'win32')).toEqual({
      x: 1858 - 360,
      y: 312 - 240, // centred on the icon
    });
  });

  it('clamps an icon at the far corner so the popover stays whole on screen', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    const tray = { x: 1900, y: 1050, width: 20, height: 20 };
    const { x, y } = popoverPosition(tray, SIZE, workArea, 'win32');
    expect(x).toBe(1920 - 360);
    expect(x + SIZE.width).toBeLessThanOrEqual(1920);
    expect(y).toBeGreaterThanOrEqual(0);
  });

  it('returns whole pixels on fractional (scaled) bounds', () => {
    const workArea = { x: 0, y: 0, width: 1536, height: 824 };
    const tray = { x: 1300.4, y: 830.8, width: 19.2, height: 19.2 };
    const { x, y } = popoverPosition(tray, SIZE, workArea, 'win32');
    expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
  });

  it('second display to the left with negative coordinates', () => {
    const workArea = { x: -1280, y: 0, width: 1280, height: 984 };
    const tray = { x: -200, y: 990, width: 24, height: 24 };
    expect(popoverPosition(tray, SIZE, workArea, 'win32')).toEqual({
      x: -188 - 180,
      y: 984 - 480,
    });
  });

  it('Linux without tray bounds: next to the cursor, below it when the cursor is high', () => {
    const workArea = { x: 0, y: 32, width: 1920, height: 1048 };
    expect(
      popoverPosition({ x: 0, y: 0, width: 0, height: 0 }, SIZE, workArea, 'linux', {
        x: 1800,
        y: 12,
      }),
    ).toEqual({ x: 1920 - 360, y: 32 }); // the cursor on the top panel: just below it
    expect(popoverPosition(null, SIZE, workArea, 'linux', { x: 900, y: 200 })).toEqual({
      x: 720,
      y: 200 + POPOVER_GAP,
    });
    expect(popoverPosition(null, SIZE, workArea, 'linux', { x: 900, y: 1000 })).toEqual({
      x: 720,
      y: 1000 - 480 - POPOVER_GAP,
    });
  });

  it('Linux without bounds or a cursor: the top-right of the work area', () => {
    const workArea = { x: 0, y: 32, width: 1920, height: 1048 };
    expect(popoverPosition(null, SIZE, workArea, 'linux')).toEqual({
      x: 1920 - 360 - POPOVER_GAP,
      y: 32 + POPOVER_GAP,
    });
  });

  it('a work area smaller than the popover pins it to the top-left corner', () => {
    const workArea = { x: 10, y: 10, width: 300, height: 400 };
    expect(
      popoverPosition({ x: 200, y: 420, width: 20, height: 20 }, SIZE, workArea, 'win32'),
    ).toEqual({
      x: 10,
      y: 10,
    });
  });
});

describe('taskbarEdge', () => {
  it.each([
    [{ x: 900, y: 1050, width: 24, height: 24 }, 'bottom'],
    [{ x: 900, y: 5, width: 24, height: 24 }, 'top'],
    [{ x: 5, y: 500, width: 24, height: 24 }, 'left'],
    [{ x: 1890, y: 500, width: 24, height: 24 }, 'right'],
    // Windows' overflow flyout: inside the work area, near the bottom.
    [{ x: 1600, y: 960, width: 24, height: 24 }, 'bottom'],
  ] as const)('%o sits on the %s edge', (tray, edge) => {
    expect(taskbarEdge(tray, { x: 0, y: 0, width: 1920, height: 1040 })).toBe(edge);
  });
});

describe('displayForTray', () => {
  const left = {
    id: 1,
    bounds: { x: -1280, y: 0, width: 1280, height: 1024 },
    workArea: { x: -1280, y: 0, width: 1280, height: 984 },
  };
  const main = { id: 2, bounds: SCREEN, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const above = {
    id: 3,
    bounds: { x: 0, y: -1080, width: 1920, height: 1080 },
    workArea: { x: 0, y: -1080, width: 1920, height: 1040 },
  };
  const displays = [left, main, above];

  it('picks the display holding the tray icon', () => {
    expect(displayForTray({ x: -200, y: 990, width: 24, height: 24 }, displays)?.id).toBe(1);
    expect(displayForTray({ x: 1700, y: 1048, width: 24, height: 24 }, displays)?.id).toBe(2);
    expect(displayForTray({ x: 1700, y: -30, width: 24, height: 24 }, displays)?.id).toBe(3);
  });

  it('picks the nearest display when the icon lies in a gap between them', () => {
    expect(displayForTray({ x: 1930, y: 500, width: 10, height: 10 }, displays)?.id).toBe(2);
  });

  it('without tray bounds, the display under the cursor, else the first', () => {
    expect(displayForTray(null, displays, { x: -10, y: 10 })?.id).toBe(1);
    expect(
      displayForTray({ x: 0, y: 0, width: 0, height: 0 }, displays, { x: 10, y: -10 })?.id,
    ).toBe(3);
    expect(displayForTray(null, displays)?.id).toBe(1);
  });
});
