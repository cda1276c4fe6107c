import { expect, openPopover, settingsOf, stateWord, test } from './fixtures';

test.use({ hostOptions: { takenShortcuts: ['CommandOrControl+Alt+K'] } });

test('invalid values are refused with a message next to the field, and nothing else changes', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await page.getByRole('button', { name: 'Settings' }).click();
  const before = await settingsOf(host);

  const fast = page.getByLabel('While unlocked or open, every');
  await fast.fill('5');
  await page.getByLabel('after').first().fill('2');
  await page.getByLabel('Start volvo-tray when I log in').check();
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(fast).toHaveAttribute('aria-invalid', 'true');
  await expect(fast).toHaveAccessibleDescription('Must be from 30 to 3600 seconds.');
  await expect(fast).toBeFocused();
  await expect(page.getByTestId('settings-outcome')).toHaveText(
    'Nothing was saved: please correct the marked fields.',
  );
  expect(await settingsOf(host)).toEqual(before);

  await fast.fill('45');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('settings-outcome')).toHaveText('Saved.');
  await expect(fast).not.toHaveAttribute('aria-invalid');
  const after = await settingsOf(host);
  expect(after).toEqual({
    ...before,
    polling: { ...before.polling, fastSeconds: 45 },
    alerts: { ...before.alerts, doorOpen: { enabled: true, minutes: 2 } },
    launchAtLogin: true,
  });
});

test('the core refuses invalid settings sent past the form', async ({ page, host }) => {
  await openPopover(page, host);
  const before = await settingsOf(host);
  const answer = await page.evaluate(() =>
    window.volvo?.updateSettings({ polling: { fastSeconds: 5 } }),
  );
  expect(answer?.ok).toBe(false);
  const unknownKey = await page.evaluate(() =>
    // A key the settings do not have must not slip through either.
    window.volvo?.updateSettings(JSON.parse('{"apiKey":"stolen"}')),
  );
  expect(unknownKey?.ok).toBe(false);
  expect(await settingsOf(host)).toEqual(before);
});

test('connecting a car: each wrong field says what is wrong, and the demo stays connected', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Connect my car' }).click();
  await page.getByLabel('Redirect port').fill('80');
  await page.getByLabel('VCC API key').fill('short');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();

  await expect(page.getByLabel('Client id')).toHaveAccessibleDescription(
    'Enter the client id of your Volvo developer app.',
  );
  await expect(page.getByLabel('VCC API key')).toHaveAccessibleDescription(
    'The VCC API key is the long code of letters and digits from your Volvo developer app.',
  );
  await expect(page.getByLabel('Redirect port')).toHaveAccessibleDescription(
    /Must be from 1024 to 65535\./,
  );
  await expect(page.getByLabel('Client id')).toBeFocused();
  expect(host.service.snapshot().signIn).toMatchObject({ state: 'signed-in', mode: 'demo' });
});

test('the shortcut recorder shows why a taken shortcut was refused and keeps the old one', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.locator('kbd')).toHaveText('Ctrl+Alt+L');

  await page.getByRole('button', { name: 'Record new shortcut' }).click();
  await page.keyboard.press('Control+Alt+KeyK');
  const message = page.getByTestId('shortcut-message');
  // The core's reason, with the keys named as the keyboard shows them.
  await expect(message).toContainText('Ctrl+Alt+K is already used by another app');
  await expect(message).toContainText('Ctrl+Alt+L still locks the car');
  await expect(message).not.toContainText('CommandOrControl');
  await expect(page.locator('kbd')).toHaveText('Ctrl+Alt+L');
  expect((await settingsOf(host)).shortcut).toBe('CommandOrControl+Alt+L');

  // Escape while recording cancels the recording, not the popover.
  await page.getByRole('button', { name: 'Record new shortcut' }).click();
  await expect(message).toHaveText('Hold Ctrl or Alt and press a key. Esc cancels.');
  await page.keyboard.press('Escape');
  await expect(message).toBeEmpty();
  await expect(page.getByRole('button', { name: 'Record new shortcut' })).toBeVisible();
  expect(host.requests.closePopover).toBe(0);

  await page.getByRole('button', { name: 'Record new shortcut' }).click();
  await page.keyboard.press('Control+Alt+KeyJ');
  await expect(message).toHaveText('Saved. Ctrl+Alt+J now locks the car.');
  await expect(page.locator('kbd')).toHaveText('Ctrl+Alt+J');
  expect((await settingsOf(host)).shortcut).toBe('CommandOrControl+Alt+J');
});

test('sign out shows how to connect a car and offers the demo, which signs in again', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Leave the demo' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Connect your car' })).toBeVisible();
  await expect(page.getByText('developer.volvocars.com')).toBeVisible();
  await page.getByRole('button', { name: 'Try demo mode' }).click();
  await expect(stateWord(page)).toHaveText('Locked');
});
