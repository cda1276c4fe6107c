import { expect, openPopover, stateWord, test } from './fixtures';

/**
 * The tray's "Settings…" opens the popover at `index.html#settings`: into a page loading afresh,
 * or into the page already loaded (Electron keeps the window), where only the fragment changes.
 */
const settingsTitle = (page: import('@playwright/test').Page) =>
  page.getByRole('heading', { level: 1, name: 'Settings' });

test('a popover loaded at #settings opens on the settings', async ({ page, host }) => {
  await page.setViewportSize({ width: 360, height: 480 });
  await page.goto(`${host.popoverUrl}#settings`);
  await expect(settingsTitle(page)).toBeFocused();
  await expect(page.getByRole('button', { name: 'Save' })).toBeVisible();
});

test('the page already open follows the fragment, every time the tray asks', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await expect(stateWord(page)).toHaveText('Locked');

  // The tray's "Settings…" into the loaded page: a same-document navigation.
  await page.goto(`${host.popoverUrl}#settings`);
  await expect(settingsTitle(page)).toBeFocused();

  // Back home by hand: the fragment goes, so the next "Settings…" is a change the page sees.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(stateWord(page)).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  await page.goto(`${host.popoverUrl}#settings`);
  await expect(settingsTitle(page)).toBeFocused();

  // Views opened in the page are written into the fragment, and a fragment it does not know
  // shows the glance.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Activity' }).click();
  expect(new URL(page.url()).hash).toBe('#activity');
  await page.goto(`${host.popoverUrl}#nowhere`);
  await expect(stateWord(page)).toBeVisible();
});
