/**
 * Where the popover goes: next to the tray icon, on whichever side the taskbar is (macOS menu
 * bar at the top, a Windows taskbar at any edge, Linux panels), clamped to the work area of the
 * display the tray is on, in whole pixels. Pure, so every layout is a unit test.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}
/** What we need of an Electron `Display`. */
export interface DisplayArea {
  bounds: Rect;
  workArea: Rect;
}

export type TaskbarEdge = 'top' | 'bottom' | 'left' | 'right';

/** Space between the tray icon (or the work area's edge) and the popover. */
export const POPOVER_GAP = 4;

/** Linux often reports a zero rectangle for the tray: treat it as "no bounds". */
export function hasBounds(bounds: Rect | null | undefined): bounds is Rect {
  return !!bounds && bounds.width > 0 && bounds.height > 0;
}

function center(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/**
 * The edge of the work area the tray sits on: the one its centre is nearest to (negative when
 * it lies outside, as a menu bar or taskbar does, which wins).
 */
export function taskbarEdge(tray: Rect, workArea: Rect): TaskbarEdge {
  const c = center(tray);
  const distances: Array<[TaskbarEdge, number]> = [
    ['top', c.y - workArea.y],
    ['bottom', workArea.y + workArea.height - c.y],
    ['left', c.x - workArea.x],
    ['right', workArea.x + workArea.width - c.x],
  ];
  distances.sort((a, b) => a[1] - b[1]);
  return distances[0]?.[0] ?? 'bottom';
}

function clamp(value: number, min: number, max: number): number {
  return max < min ? min : Math.min(Math.max(value, min), max);
}

function clampToWorkArea(position: Point, size: Size, workArea: Rect): Point {
  return {
    x: Math.round(clamp(position.x, workArea.x, workArea.x + workArea.width - size.width)),
    y: Math.round(clamp(position.y, workArea.y, workArea.y + workArea.height - size.height)),
  };
}

/**
 * The popover's top-left corner.
 *
 * @param trayBounds the tray icon's bounds, or null/zero where the platform does not say (Linux)
 * @param workArea the work area of the display nearest the tray ({@link displayForTray})
 * @param cursor where the pointer is; the fallback anchor when there are no tray bounds
 */
export function popoverPosition(
  trayBounds: Rect | null,
  windowSize: Size,
  workArea: Rect,
  platform: NodeJS.Platform,
  cursor?: Point,
): Point {
  const { width, height } = windowSize;
  if (!hasBounds(trayBounds)) {
    // The cursor is where the user just clicked the indicator (often on the panel itself,
    // outside the work area): anchor there, on the side with room.
    if (cursor) {
      const below = cursor.y < workArea.y + workArea.height / 2;
      return clampToWorkArea(
        {
          x: cursor.x - width / 2,
          y: below ? cursor.y + POPOVER_GAP : cursor.y - height - POPOVER_GAP,
        },
        windowSize,
        workArea,
      );
    }
    // No anchor at all: the top-right corner, where most Linux panels keep their indicators.
    return clampToWorkArea(
      { x: workArea.x + workArea.width - width - POPOVER_GAP, y: workArea.y + POPOVER_GAP },
      windowSize,
      workArea,
    );
  }
  const c = center(trayBounds);
  // The macOS menu bar is always at the top, whatever the numbers say (e.g. a hidden menu bar).
  const edge = platform === 'darwin' ? 'top' : taskbarEdge(trayBounds, workArea);
  const position: Point =
    edge === 'top'
      ? { x: c.x - width / 2, y: trayBounds.y + trayBounds.height + POPOVER_GAP }
      : edge === 'bottom'
        ? { x: c.x - width / 2, y: trayBounds.y - height - POPOVER_GAP }
        : edge === 'left'
          ? { x: trayBounds.x + trayBounds.width + POPOVER_GAP, y: c.y - height / 2 }
          : { x: trayBounds.x - width - POPOVER_GAP, y: c.y - height / 2 };
  return clampToWorkArea(position, windowSize, workArea);
}

function distanceTo(rect: Rect, point: Point): number {
  const dx = Math.max(rect.x - point.x, 0, point.x - (rect.x + rect.width));
  const dy = Math.max(rect.y - point.y, 0, point.y - (rect.y + rect.height));
  return Math.hypot(dx, dy);
}

/**
 * The display the popover belongs on: the one holding the tray icon (or nearest to it), else
 * the one under the cursor, else the first.
 */
export function displayForTray<D extends DisplayArea>(
  trayBounds: Rect | null,
  displays: readonly D[],
  cursor?: Point,
): D | undefined {
  const anchor = hasBounds(trayBounds) ? center(trayBounds) : cursor;
  if (!anchor) return displays[0];
  let best: D | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const display of displays) {
    const distance = distanceTo(display.bounds, anchor);
    if (distance < bestDistance) {
      best = display;
      bestDistance = distance;
    }
  }
  return best;
}
