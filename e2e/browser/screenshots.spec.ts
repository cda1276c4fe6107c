import { fileURLToPath } from 'node:url';
import { expect, fastForward, openPopover, stateWord, test } from './fixtures';

/**
 * The README's pictures of the popover: light and dark (locked), an open-door alert, and the
 * settings as the tray's "Settings…" opens them. `npm run screenshots` writes them into docs/;
 * a plain test run writes them under test-results/ so it leaves the work tree as it was.
 */
const folder =
  process.env.UPDATE_SCREENSHOTS === '1' ? '../../docs/' : '../../test-results/screenshots/';
const docs = (name: string) => fileURLToPath(new URL(`${folder}${name}`, import.meta.url));

test('screenshots: locked, light and dark', async ({ page, host }) => {
  await openPopover(page, host);
  await expect(stateWord(page)).toHaveText('Locked');
  await expect(page.getByText('Checked just now')).toBeVisible();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: docs('popover-light.png'), animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: docs('popover-dark.png'), animations: 'disabled' });
});

test('screenshot: an open-door alert', async ({ page, host }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openPopover(page, host);
  await host.demo({ kind: 'door', door: 'rearLeft', value: 'OPEN' });
  await fastForward(page, host, 6 * 60_000);
  await expect(page.getByRole('region', { name: 'Alerts' })).toBeVisible();
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByTestId('command-status')).toContainText(/rear left door/i);
  await page.mouse.move(0, 0);
  await page.locator('body').click({ position: { x: 1, y: 470 } });
  await page.screenshot({ path: docs('popover-alert.png'), animations: 'disabled' });
});

test('screenshot: the settings, opened at #settings', async ({ page, host }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 360, height: 480 });
  await page.goto(`${host.popoverUrl}#settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  await expect(page.locator('kbd')).toHaveText('Ctrl+Alt+L');
  await page.screenshot({ path: docs('popover-settings.png'), animations: 'disabled' });
});
