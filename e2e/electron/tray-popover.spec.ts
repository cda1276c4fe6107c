import { INTENT_NAMES } from '../../shared/contract';
import { expect, test } from './electron-app';

/** The tray icon opens the popover, which shows the demo car through the real bridge. */
test('a tray click opens the popover next to the tray; Escape hides it', async ({ trayApp }) => {
  const { app, hook } = trayApp;
  await expect.poll(() => hook('trayState'), { timeout: 20_000 }).toBe('locked');
  const popover = await app.firstWindow();
  expect(await hook('popoverVisible')).toBe(false);

  await hook('clickTray');
  await expect.poll(() => hook('popoverVisible')).toBe(true);
  expect(popover.url()).toMatch(/^file:\/\/.*\/dist\/renderer\/index\.html/);

  // Whole, at its size, inside the work area of a display (next to the tray, or the pointer
  // where the tray reports no bounds).
  const placement = await app.evaluate(({ BrowserWindow, screen }) => ({
    bounds: BrowserWindow.getAllWindows()[0]?.getBounds(),
    workAreas: screen.getAllDisplays().map((display) => display.workArea),
  }));
  const bounds = placement.bounds;
  expect(bounds).toMatchObject({ width: 360, height: 480 });
  expect(
    placement.workAreas.some(
      (area) =>
        bounds !== undefined &&
        bounds.x >= area.x &&
        bounds.y >= area.y &&
        bounds.x + bounds.width <= area.x + area.width &&
        bounds.y + bounds.height <= area.y + area.height,
    ),
  ).toBe(true);

  // Exactly the contract on window.volvo; nothing of Node in the page (sandbox, isolation).
  const page = await popover.evaluate(() => ({
    bridge: Object.keys((window as unknown as { volvo: object }).volvo).sort(),
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
  }));
  expect(page).toEqual({
    bridge: [...INTENT_NAMES, 'onSnapshot'].sort(),
    require: 'undefined',
    process: 'undefined',
  });

  const snapshot = await popover.evaluate(() =>
    (
      window as unknown as {
        volvo: {
          getSnapshot(): Promise<{
            ok: boolean;
            value: { vehicles: Array<{ lock: { value: string } }> };
          }>;
        };
      }
    ).volvo.getSnapshot(),
  );
  expect(snapshot.ok).toBe(true);
  expect(snapshot.value.vehicles[0]?.lock.value).toBe('LOCKED');

  await popover.keyboard.press('Escape');
  await expect.poll(() => hook('popoverVisible')).toBe(false);

  // A click on the icon of the open popover closes it.
  await hook('clickTray');
  await expect.poll(() => hook('popoverVisible')).toBe(true);
  await hook('clickTray');
  await expect.poll(() => hook('popoverVisible')).toBe(false);
});
