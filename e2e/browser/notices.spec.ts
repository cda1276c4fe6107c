import { expect, openPopover, stateWord, test } from './fixtures';

test.use({
  hostOptions: {
    // A hand-edited settings file with one bad value, on a Linux box without a keyring.
    settings: { polling: { fastSeconds: 'often' } },
    vaultProtection: 'plaintext',
  },
});

test('settings problems and the vault warning are shown, and the car still works', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await expect(stateWord(page)).toHaveText('Locked');
  const notices = page.getByRole('list', { name: 'Notices' });
  await expect(notices).toContainText('polling.fastSeconds');
  await expect(notices).toContainText(/back to its default/);
  await expect(notices).toContainText(/no keyring/i);
  expect(host.service.snapshot().settingsProblems.length).toBeGreaterThan(0);
});

test('where there is no keyring, Settings offers to store the sign-in without encryption', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  const notices = page.getByRole('list', { name: 'Notices' });
  await expect(notices).toContainText('kept only until volvo-tray quits');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Allow storing my sign-in without encryption').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('settings-outcome')).toHaveText('Saved.');
  await expect(notices).toContainText('stored on disk without encryption, as you allowed');
  expect(host.service.snapshot().vaultWarning).toMatch(/as you allowed/);
});
