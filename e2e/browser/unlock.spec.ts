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

test('Unlock asks for confirmation, and the confirmation lapses', async ({ page, host }) => {
  await openPopover(page, host);
  const lockBox = await lockButton(page).boundingBox();
  const unlockBox = await unlockButton(page).boundingBox();
  await unlockButton(page).click();
  const confirm = page.getByRole('button', { name: 'Confirm unlock' });
  await expect(confirm).toBeVisible();
  // Asking for confirmation changes a label, never where the buttons are.
  expect(await lockButton(page).boundingBox()).toEqual(lockBox);
  expect(await confirm.boundingBox()).toEqual(unlockBox);
  await expect(commandStatus(page)).toHaveText('Press Confirm unlock to unlock the car.');
  await expect(stateWord(page)).toHaveText('Locked');

  // Nobody presses again: the token runs out and the button is plain Unlock again.
  await fastForward(page, host, 60_000);
  await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeVisible();
  await expect(stateWord(page)).toHaveText('Locked');
  const activity = await host.call('getActivity', host.service.snapshot().selectedVin ?? '');
  expect(activity.ok && activity.value.some((entry) => /unlock/i.test(entry.text))).toBe(false);
});

test('a forged or stale confirmation is refused by the core', async ({ page, host }) => {
  await openPopover(page, host);
  const vin = host.service.snapshot().selectedVin ?? '';
  const answer = await page.evaluate(
    (target) => window.volvo?.unlock(target, 'made-up-token-123'),
    vin,
  );
  expect(answer?.ok).toBe(false);
  await expect(stateWord(page)).toHaveText('Locked');
});

test('unlock window counts down, then the car locks itself again', async ({ page, host }) => {
  await openPopover(page, host);
  await unlockButton(page).click();
  await page.getByRole('button', { name: 'Confirm unlock' }).click();
  await expect(stateWord(page)).toHaveText('Unlocked');
  await expect(commandStatus(page)).toContainText(/Open a door before \d\d:\d\d/);
  const countdown = page.getByTestId('countdown');
  await expect(countdown).toHaveText(/^(2:00|1:[0-5]\d)$/);
  await expect(page.getByRole('progressbar', { name: 'Time left to open a door' })).toBeVisible();

  await fastForward(page, host, 30_000);
  await expect(countdown).toHaveText(/^1:[0-3]\d$/);

  // Nobody opens a door: after the window the car relocks by itself, and the popover says so.
  await fastForward(page, host, 100_000);
  await expect(countdown).toHaveCount(0);
  await fastForward(page, host, 60_000);
  await expect(stateWord(page)).toHaveText('Locked');
});
