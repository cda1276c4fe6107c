import {
  commandStatus,
  expect,
  fastForward,
  lockButton,
  openPopover,
  stateWord,
  test,
  unlockWithConfirmation,
} from './fixtures';

test('first run in demo mode shows the locked car', async ({ page, host }) => {
  await openPopover(page, host);
  await expect(stateWord(page)).toHaveText('Locked');
  await expect(page.getByText('Everything closed', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Checked (just now|\d+ min ago)$/)).toBeVisible();
  const parts = page.getByRole('list', { name: 'Doors and windows' });
  await expect(parts.getByRole('listitem').filter({ hasText: 'Rear left door' })).toContainText(
    'Closed',
  );
  await expect(page.getByRole('img', { name: /everything closed/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('XC40 2023 · 000001');
  expect(host.notifications).toEqual([]);
});

test('a door left open: diagram and alert show it, one notification after the threshold, Lock refused naming it, then locked', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await expect(stateWord(page)).toHaveText('Locked');
  // Someone unlocks the car and gets out through the rear left door.
  await unlockWithConfirmation(page);
  await host.demo({ kind: 'door', door: 'rearLeft', value: 'OPEN' });

  // The headline says the lock and what is open, once.
  await expect(stateWord(page)).toHaveText('Unlocked · rear left door open');
  await expect(page.getByRole('img', { name: /rear left door open/ })).toBeVisible();
  await expect(page.locator('[data-part="door.rearLeft"]')).toHaveAttribute('data-state', 'OPEN');
  const rearLeft = page
    .getByRole('list', { name: 'Doors and windows' })
    .getByRole('listitem')
    .filter({ hasText: 'Rear left door' });
  await expect(rearLeft).toContainText('Open');
  expect(host.notifications).toHaveLength(0);

  // Past the 5-minute threshold: the alert and exactly one notification.
  await fastForward(page, host, 6 * 60_000);
  const alerts = page.getByRole('region', { name: 'Alerts' });
  await expect(alerts.getByRole('listitem')).toHaveCount(1);
  await expect(alerts).toContainText('Rear left door');
  // Opened at 23:59 it is "since yesterday 23:59" six minutes later: both are right.
  await expect(alerts).toContainText(/since (yesterday )?\d\d:\d\d/);
  await expect.poll(() => host.notifications.length).toBe(1);
  expect(host.notifications[0]?.title).toMatch(/rear left door/i);
  // Time goes on and the door stays open: still that one notification.
  await fastForward(page, host, 2 * 60_000);
  expect(host.notifications).toHaveLength(1);

  await lockButton(page).click();
  await expect(commandStatus(page)).toContainText(/rear left door/i);
  await expect(commandStatus(page)).toContainText(/not lock|could not/i);
  await expect(stateWord(page)).toHaveText('Unlocked · rear left door open');

  await host.demo({ kind: 'door', door: 'rearLeft', value: 'CLOSED' });
  await expect(stateWord(page)).toHaveText('Unlocked');
  await expect(page.getByRole('region', { name: 'Alerts' })).toHaveCount(0);

  await lockButton(page).click();
  await expect(commandStatus(page)).toContainText('The car is locked.');
  await expect(stateWord(page)).toHaveText('Locked');
  expect(host.notifications).toHaveLength(1);

  await page.getByRole('button', { name: 'Activity' }).click();
  const log = page.getByRole('list', { name: 'Activity, newest first' });
  await expect(log).toContainText(/rear left door/i);
  await expect(log.getByRole('listitem').first()).toContainText(/lock/i);
});
