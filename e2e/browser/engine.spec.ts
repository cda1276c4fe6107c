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

test('the engine left running on a locked car: one notification, and the popover says so', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await unlockWithConfirmation(page);
  // Someone starts the engine, gets out, and the car is locked from the popover.
  await host.demo({ kind: 'engine', running: true });
  await lockButton(page).click();
  await expect(commandStatus(page)).toContainText('The car is locked.');

  // Noticed by the next check of the car (at most the 5 minutes of a parked car's checks).
  await fastForward(page, host, 5 * 60_000);
  await expect(stateWord(page)).toHaveText('Locked');
  const alerts = page.getByRole('region', { name: 'Alerts' });
  await expect(alerts).toContainText('Engine running, car parked');
  await expect.poll(() => host.notifications.length).toBe(1);
  expect(host.notifications[0]?.title).toBe('XC40 2023 · 000001: Engine running, car parked');
  expect(host.notifications[0]?.body).toMatch(/running while the car is locked/);

  // It keeps running: still that one notification (before the reminder is due).
  await fastForward(page, host, 10 * 60_000);
  expect(host.notifications).toHaveLength(1);

  await host.demo({ kind: 'engine', running: false });
  await fastForward(page, host, 5 * 60_000);
  await expect(page.getByRole('region', { name: 'Alerts' })).toHaveCount(0);
});
