import type { Page } from '@playwright/test';
import { MESSAGES } from '../../shared/words/sign-in';
import { commandStatus, expect, lockButton, openPopover, stateWord, test } from './fixtures';

/** Find my car: Honk & flash appears only where the car lists it and the sign-in holds the scope. */

const honkFlashButton = (page: Page) => page.getByRole('button', { name: 'Honk & flash' });

test('the car that lists honk and flash offers it; pressed, the popover says what the car did', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await expect(honkFlashButton(page)).toBeVisible();
  await honkFlashButton(page).click();
  await expect(commandStatus(page)).toContainText('The car honked and flashed its lights.');
  // Honking is not locking: the car's state is as it was.
  await expect(stateWord(page)).toHaveText('Locked');
  await expect(page.getByTestId('find-my-car-withheld')).toHaveCount(0);

  // The classic car's command list lacks it: no button there, Lock as always.
  await page.getByRole('combobox', { name: 'Car' }).selectOption({ index: 1 });
  await expect(page.getByRole('combobox', { name: 'Car' })).toHaveValue(/000002$/);
  await expect(lockButton(page)).toBeVisible();
  await expect(honkFlashButton(page)).toHaveCount(0);
});

test.describe('a sign-in Volvo granted without conve:honk_flash', () => {
  test.use({ hostOptions: { demoSimulator: { withheldScopes: ['conve:honk_flash'] } } });

  test('no button on the car that could honk; the connection details say why', async ({
    page,
    host,
  }) => {
    await openPopover(page, host);
    await expect(lockButton(page)).toBeVisible();
    await expect(honkFlashButton(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByTestId('find-my-car-withheld')).toHaveText(MESSAGES.findMyCarWithheld);
  });
});
