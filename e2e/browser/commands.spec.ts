import {
  commandStatus,
  expect,
  fastForward,
  lockButton,
  openPopover,
  settingsOf,
  stateWord,
  test,
  unlockButton,
  unlockWithConfirmation,
} from './fixtures';

test('lock with reduced guard where the car supports it, and not on the classic car', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await unlockWithConfirmation(page);
  const reducedGuard = page.getByLabel('Lock with reduced guard');
  await reducedGuard.check();
  await lockButton(page).click();
  await expect(commandStatus(page)).toContainText('The car is locked with reduced guard.');
  await expect(stateWord(page)).toHaveText('Locked');

  // The second demo car is a classic one: no reduced guard, so no such choice.
  await page.getByRole('combobox', { name: 'Car' }).selectOption({ index: 1 });
  await expect(page.getByRole('combobox', { name: 'Car' })).toHaveValue(/000002$/);
  await expect(stateWord(page)).not.toBeEmpty();
  await expect(page.getByLabel('Lock with reduced guard')).toHaveCount(0);
});

test('a v1 lock shows its progress in place, without moving the buttons', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('API version').selectOption('v1');
  await expect.poll(async () => (await settingsOf(host)).connection.apiVersion).toBe('v1');
  await page.keyboard.press('Escape');
  await unlockButton(page).click();
  await page.getByRole('button', { name: 'Confirm unlock' }).click();
  await expect(page.getByRole('button', { name: 'Unlocking…' })).toBeVisible();
  await fastForward(page, host, 15_000);
  await expect(stateWord(page)).toHaveText('Unlocked');

  const before = await lockButton(page).boundingBox();
  await lockButton(page).click();
  // v1 answers WAITING, then RUNNING, then the outcome: the popover shows the progress.
  await expect(page.getByRole('button', { name: 'Locking…' })).toBeVisible();
  await expect(page.locator('.command-status .spinner')).toBeVisible();
  expect(await page.getByRole('button', { name: 'Locking…' }).boundingBox()).toEqual(before);

  await fastForward(page, host, 15_000);
  await expect(commandStatus(page)).toContainText('The car is locked.');
  await expect(stateWord(page)).toHaveText('Locked');
  expect(await lockButton(page).boundingBox()).toEqual(before);
});

test('Check the car now shows that it is working until the car has answered', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  const check = page.getByRole('button', { name: 'Check the car now' });
  // The check is quick against the simulator: record every busy state the button goes through.
  await check.evaluate((button) => {
    const seen: (string | null)[] = [];
    new MutationObserver(() => seen.push(button.getAttribute('aria-busy'))).observe(button, {
      attributes: true,
      attributeFilter: ['aria-busy'],
    });
    Object.assign(window, { busySeen: seen });
  });
  const before = host.apiRequestsSent();
  await check.click();
  await expect(check).not.toHaveAttribute('aria-busy');
  expect(
    await page.evaluate(() => (window as unknown as { busySeen: unknown[] }).busySeen),
  ).toEqual(['true', null]);
  // It asked the car: doors and windows.
  expect(host.apiRequestsSent()).toBeGreaterThan(before);
});
