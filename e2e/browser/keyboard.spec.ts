import type { Page } from '@playwright/test';
import { expect, openPopover, stateWord, test } from './fixtures';

/** What has focus: its accessible name as a person would hear it, and whether focus is visible. */
async function focused(page: Page): Promise<{ name: string; visible: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) {
      return { name: '(nothing)', visible: false };
    }
    const style = getComputedStyle(element);
    const label =
      element.getAttribute('aria-label') ??
      (element instanceof HTMLInputElement || element instanceof HTMLSelectElement
        ? (element.labels?.[0]?.textContent ?? '')
        : '');
    return {
      name: (label || element.textContent || element.tagName).trim(),
      visible: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 1,
    };
  });
}

async function tabThrough(page: Page, count: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    expect(now.visible, `focus on "${now.name}" is visible`).toBe(true);
    names.push(now.name);
  }
  return names;
}

test('keyboard only: every control in reach, Enter and Space act, Escape leaves then closes', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await expect(stateWord(page)).toHaveText('Locked');

  expect(await tabThrough(page, 7)).toEqual([
    'Car',
    'Check the car now',
    'Activity',
    'Settings',
    'Lock',
    'Unlock',
    'Lock with reduced guard',
  ]);

  // Unlock with the keyboard: Space asks for confirmation, Enter confirms.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Confirm unlock' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(stateWord(page)).toHaveText('Unlocked');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(stateWord(page)).toHaveText('Locked');

  // A sub-view: Enter opens it, Escape comes back to the button that opened it.
  await page.getByRole('button', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeFocused();
  // The long settings page is itself a Tab stop, so it can be scrolled with the arrow keys.
  // (Its form comes with the settings, a round trip to the core: Tab once it is there.)
  await expect(page.getByLabel('API version')).toBeVisible();
  const inSettings = await tabThrough(page, 3);
  expect(inSettings).toEqual(['Settings', 'API version', 'Sign out']);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('main', { name: 'Settings' })).toBeFocused();
  await expect
    .poll(() => page.getByRole('main').evaluate((main) => main.scrollTop))
    .toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();
  expect(host.requests.closePopover).toBe(0);

  // The car picker works from the keyboard too.
  await page.getByRole('combobox', { name: 'Car' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('combobox', { name: 'Car' })).toHaveValue(/000002$/);
  await expect(stateWord(page)).not.toBeEmpty();

  // At home, Escape closes the popover.
  await page.keyboard.press('Escape');
  await expect.poll(() => host.requests.closePopover).toBe(1);
});
