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
