import { expect, openTestPanel, test } from './fixtures';

/** `npm run preview`'s page: the popover in a frame, and the test panel that drives the demo car. */
test('the test panel drives the demo car the popover shows, and closes and reopens it', async ({
  page,
  host,
}) => {
  const { popover, panel } = await openTestPanel(page, host);

  await panel.getByLabel('Door or window').selectOption({ label: 'Sunroof' });
  await panel.getByRole('button', { name: 'Open it' }).click();
  const sunroof = popover
    .getByRole('list', { name: 'Doors and windows' })
    .getByRole('listitem')
    .filter({ hasText: 'Sunroof' });
  await expect(sunroof).toContainText('Open');
  await panel.getByRole('button', { name: 'Close it' }).click();
  await expect(sunroof).toContainText('Closed');

  await panel.getByRole('button', { name: 'Start the engine' }).click();
  await expect(panel.getByRole('status')).toHaveText('Done.');
  await panel.getByRole('button', { name: 'Stop the engine' }).click();
  await expect(panel.getByRole('status')).toHaveText('Done.');
  await panel.getByRole('button', { name: 'Power-saving mode' }).click();
  await expect(panel.getByRole('status')).toHaveText('Done.');
  await panel.getByRole('button', { name: 'Leave power-saving' }).click();
  await expect(panel.getByRole('status')).toHaveText('Done.');

  // Asleep, the car cannot be locked from afar, and the popover says so.
  await panel.getByRole('button', { name: 'Put the car to sleep' }).click();
  await expect(panel.getByRole('status')).toHaveText('Done.');
  await popover.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(popover.getByTestId('command-status')).toContainText(/asleep/i);

  await page.getByRole('button', { name: 'Close popover' }).click();
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect.poll(() => host.service.snapshot().popoverOpen).toBe(false);
  await page.getByRole('button', { name: 'Open popover (tray icon)' }).click();
  await expect(popover.getByTestId('state-word')).toHaveText('Locked');
});
