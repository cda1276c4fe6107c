import type { Locator, Page } from '@playwright/test';
import {
  commandStatus,
  expect,
  fastForward,
  lockButton,
  openPopover,
  stateWord,
  test,
  unlockButton,
} from './fixtures';

/** Whether the whole element lies inside the visible part of its area, with no scrolling. */
async function fullyInView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const area = await page.getByRole('main', { name: 'Car status' }).boundingBox();
  const viewport = page.viewportSize();
  if (!box || !area || !viewport) return false;
  // Inside the scroll area (above the Lock bar) or, for the bar itself, inside the window.
  const bottom = (await locator.evaluate((node) => node.closest('main') !== null))
    ? area.y + area.height
    : viewport.height;
  return box.y >= 0 && box.y + box.height <= bottom + 0.5 && box.x + box.width <= viewport.width;
}

test('one glance at 360x480: the lock and what is open in the headline, the diagram and what is open in view, each problem said once', async ({
  page,
  host,
}) => {
  // Everything at once: a budget notice, a door open, a window open while locked, an outcome.
  expect((await host.call('updateSettings', { polling: { dailyBudget: 100 } })).ok).toBe(true);
  await openPopover(page, host);
  await host.demo({ kind: 'window', window: 'rearLeft', value: 'OPEN' });
  await expect(stateWord(page)).toHaveText('Locked · rear left window open');
  await host.demo({ kind: 'door', door: 'tailgate', value: 'AJAR' });
  await expect(stateWord(page)).toHaveText('Locked · tailgate and rear left window open');
  await fastForward(page, host, 6 * 60_000);
  await lockButton(page).click();
  await expect(commandStatus(page)).toContainText('The car could not lock');

  const parts = page.getByRole('list', { name: 'Doors and windows' });
  // The closed parts fold into one row; what is not closed stays in view.
  await expect(parts.getByRole('listitem')).toHaveText([
    /^Tailgate\s*Ajar/,
    /^Rear left window\s*Open/,
  ]);
  const fold = page.getByRole('button', { name: /Everything else closed \(\d+\)/ });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  for (const visible of [
    page.getByRole('img', { name: /tailgate/ }),
    parts,
    fold,
    stateWord(page),
    page.getByRole('region', { name: 'Alerts' }),
    commandStatus(page),
    page.locator('.notice-info'),
  ]) {
    expect(await fullyInView(page, visible), String(visible)).toBe(true);
  }
  // Red is for the alerts alone: the headline is amber.
  await expect(page.locator('.state')).toHaveClass(/tone-warn/);

  await fold.click();
  await expect(parts.getByRole('listitem')).toHaveCount(12);
});

test('a command outcome goes after a minute, with how long ago it came', async ({ page, host }) => {
  await openPopover(page, host);
  await host.demo({ kind: 'door', door: 'frontLeft', value: 'OPEN' });
  await expect(stateWord(page)).toHaveText('Locked · front left door open');
  await lockButton(page).click();
  await expect(commandStatus(page)).toHaveText(/could not lock.*\(just now\)$/);
  await fastForward(page, host, 61_000);
  await expect(commandStatus(page)).toHaveText(/^Tip: /);
});

test('Escape takes back an armed "Confirm unlock" and leaves the popover open', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await unlockButton(page).click();
  await expect(page.getByRole('button', { name: 'Confirm unlock' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeVisible();
  expect(host.requests.closePopover).toBe(0);
  await expect(stateWord(page)).toHaveText('Locked');
  // A second Escape hides the popover as usual.
  await page.keyboard.press('Escape');
  await expect.poll(() => host.requests.closePopover).toBe(1);
});

test('sign out asks first and says what it forgets', async ({ page, host }) => {
  await openPopover(page, host);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText(/^Leave the demo\? The simulated car goes away/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Leave the demo' })).toHaveCount(0);
  expect(host.service.snapshot().signIn.state).toBe('signed-in');

  // A test token (a real account's sign-in) says what leaves this computer with it.
  expect(
    (
      await host.call('signIn', {
        mode: 'test-token',
        accessToken: 'a-test-access-token-from-the-portal',
        apiKey: 'abcdefghijklmnopqrstuvwxyz012345',
        apiVersion: 'v2',
      })
    ).ok,
  ).toBe(true);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(
    page.getByText(/client secret and VCC API key of your Volvo developer app/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Sign out and forget' }).click();
  await expect.poll(() => host.service.snapshot().signIn.state).toBe('signed-out');
});
