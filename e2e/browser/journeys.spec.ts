import type { Page } from '@playwright/test';
import { startBrowserHost } from '../../main/dev/host';
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

/**
 * A first-time user's journeys, end to end: each walks one way through the app as a person
 * would and checks what they would notice on the way. The other specs test one feature each.
 */

const VIN_2 = /000002$/;
const carPicker = (page: Page) => page.getByRole('combobox', { name: 'Car' });
const partRow = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Doors and windows' })
    .getByRole('listitem')
    .filter({ has: page.getByText(name, { exact: true }) });

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('button', { name: 'Save' })).toBeVisible();
}

async function saveSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('settings-outcome')).toHaveText('Saved.');
}

test('API v1: the unlock window from the settings, a lock refused inside it, then locked', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await openSettings(page);
  await page.getByLabel('API version').selectOption('v1');
  await page.getByLabel('Unlock window (API v1)').fill('30');
  await saveSettings(page);
  expect((await settingsOf(host)).connection.apiVersion).toBe('v1');
  await page.keyboard.press('Escape');
  // Reads work as before.
  await expect(stateWord(page)).toHaveText('Locked');
  await expect(partRow(page, 'Rear left door')).toContainText('Closed');

  // v1 answers the unlock asynchronously: the popover tells each step Volvo reports.
  await unlockButton(page).click();
  await page.getByRole('button', { name: 'Confirm unlock' }).click();
  await expect(commandStatus(page)).toHaveText(
    'Unlocking… Volvo has the request and is passing it to the car',
  );
  await fastForward(page, host, 2_000);
  await expect(commandStatus(page)).toHaveText('Unlocking… the car is unlocking');
  await fastForward(page, host, 15_000);
  await expect(stateWord(page)).toHaveText('Unlocked');
  // The window is the 30 s from the settings, not v2's 120 s.
  await expect(page.getByTestId('countdown')).toHaveText(/^0:[0-3]\d$/);

  // Someone opens a door, and Lock is pressed while the window still runs: the refusal shows.
  await host.demo({ kind: 'door', door: 'frontLeft', value: 'OPEN' });
  await expect(stateWord(page)).toHaveText('Unlocked · front left door open');
  await lockButton(page).click();
  await expect(commandStatus(page)).toContainText(
    'The car could not lock because the front left door is open.',
  );
  await expect(page.getByTestId('countdown')).toHaveCount(0);
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  await host.demo({ kind: 'door', door: 'frontLeft', value: 'CLOSED' });
  await expect(stateWord(page)).toHaveText('Unlocked');
  await lockButton(page).click();
  await expect(page.getByRole('button', { name: 'Locking…' })).toBeVisible();
  await fastForward(page, host, 15_000);
  await expect(commandStatus(page)).toContainText('The car is locked.');
  await expect(stateWord(page)).toHaveText('Locked');
});

test('the classic car: its own parts, locked; unwatched cars leave the picker', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await carPicker(page).selectOption({ index: 1 });
  await expect(carPicker(page)).toHaveValue(VIN_2);
  await expect(stateWord(page)).toHaveText('Locked');
  // A classic car: a tank lid but no sunroof, and no reduced-guard lock.
  await expect(partRow(page, 'Tank lid')).toContainText('Closed');
  await expect(partRow(page, 'Sunroof')).toHaveCount(0);
  await expect(page.locator('[data-part="window.sunroof"]')).toHaveCount(0);
  await expect(page.getByLabel('Lock with reduced guard')).toHaveCount(0);
  await unlockWithConfirmation(page);
  await lockButton(page).click();
  await expect(commandStatus(page)).toContainText('The car is locked.');
  await expect(stateWord(page)).toHaveText('Locked');

  // Watch the classic car only: no choice is left, and the header names the car shown.
  await openSettings(page);
  await page.getByRole('checkbox', { name: 'Watch this car' }).first().uncheck();
  await saveSettings(page);
  await page.keyboard.press('Escape');
  await expect(carPicker(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('V60 2022 · 000002');
  await expect(partRow(page, 'Tank lid')).toBeVisible();
  await expect(page.getByTestId('freshness-badge')).toHaveCount(0);

  // The person names the car; the header, Settings and the tray say it; emptied, the model's
  // name comes back.
  await openSettings(page);
  const name = page.getByLabel('Name for V60 · 2022');
  await expect(name).toHaveAttribute('placeholder', 'Named after its model');
  await name.fill('Work car');
  await saveSettings(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Work car');
  expect(host.service.snapshot().vehicles.find((v) => VIN_2.test(v.vin))?.name).toBe('Work car');
  await openSettings(page);
  await name.fill('');
  await saveSettings(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('V60 2022 · 000002');
});

test('thresholds and check intervals take effect; a rule switched off stays quiet', async ({
  page,
  host,
}) => {
  test.setTimeout(30_000);
  await openPopover(page, host);
  await openSettings(page);
  await page.getByLabel('after').first().fill('2');
  await page.getByLabel('When the car stays unlocked').uncheck();
  await page.getByLabel('While locked and closed, every').fill('120');
  await saveSettings(page);
  await page.keyboard.press('Escape');

  // The popover is closed and both cars are parked: each is checked every 2 min (the doors
  // alone), where the default 5 min would make 4 requests in all.
  await host.call('setPopoverOpen', false);
  // Counted by the host, not by the quota: the day's count starts over at midnight UTC.
  const before = host.apiRequestsSent();
  await fastForward(page, host, 10 * 60_000);
  expect(host.apiRequestsSent() - before).toBeGreaterThanOrEqual(8);
  await host.call('setPopoverOpen', true);

  // A hood left open on the unlocked car: one notification after 2 min, not 5.
  await unlockWithConfirmation(page);
  await host.demo({ kind: 'door', door: 'hood', value: 'OPEN' });
  await expect(stateWord(page)).toHaveText('Unlocked · hood open');
  await fastForward(page, host, 150_000);
  await expect
    .poll(() => host.notifications.map((n) => n.title))
    .toEqual(['XC40 2023 · 000001: Hood left open']);

  // Closed again, the car stays unlocked for 15 min: that rule is off, so nothing more comes.
  await host.demo({ kind: 'door', door: 'hood', value: 'CLOSED' });
  await expect(stateWord(page)).toHaveText('Unlocked');
  await fastForward(page, host, 15 * 60_000);
  await expect(stateWord(page)).toHaveText('Unlocked');
  expect(host.notifications.map((n) => n.title)).toEqual(['XC40 2023 · 000001: Hood left open']);
});

test('a car asleep refuses Lock in words, even inside the unlock window, and locks once awake', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await unlockWithConfirmation(page);
  await expect(page.getByTestId('countdown')).toBeVisible();
  await host.demo({ kind: 'sleep', asleep: true });
  await lockButton(page).click();
  await expect(commandStatus(page)).toContainText('The car is asleep and could not lock remotely.');
  await expect(page.getByTestId('countdown')).toHaveCount(0);
  await expect(stateWord(page)).toHaveText('Unlocked');

  await host.demo({ kind: 'sleep', asleep: false });
  // Past the 10 s in which a second press would join the first.
  await fastForward(page, host, 15_000);
  await lockButton(page).click();
  await expect(commandStatus(page)).toContainText('The car is locked.');
  await expect(stateWord(page)).toHaveText('Locked');
});

test('signed out: the welcome, every connect-form message, a Volvo ID sign-in that cannot happen, then the demo', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await openSettings(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Leave the demo' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Connect your car' })).toBeVisible();
  await expect(stateWord(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Connect my car' }).click();

  const connect = page.getByRole('button', { name: 'Connect', exact: true });
  const clientSecret = page.getByLabel('Client secret (if your app has one)');
  const apiKey = page.getByLabel('VCC API key');
  const port = page.getByLabel('Redirect port');
  await connect.click();
  await expect(page.getByLabel('Client id')).toHaveAccessibleDescription(
    'Enter the client id of your Volvo developer app.',
  );
  await expect(apiKey).toHaveAccessibleDescription(
    'Enter the VCC API key of your Volvo developer app.',
  );
  await page.getByLabel('Client id').fill('my-volvo-app');
  await clientSecret.fill('s'.repeat(501));
  await apiKey.fill('not a key');
  await port.fill('http');
  await connect.click();
  await expect(clientSecret).toHaveAccessibleDescription(
    'That client secret is too long (500 characters at most).',
  );
  await expect(apiKey).toHaveAccessibleDescription(
    'The VCC API key is the long code of letters and digits from your Volvo developer app.',
  );
  await expect(port).toHaveAccessibleDescription(
    /^Register http:\/\/127\.0\.0\.1:PORT\/callback .*Enter a whole number from 1024 to 65535\.$/,
  );
  await expect(clientSecret).toBeFocused();

  await page.getByLabel('A test access token').check();
  const token = page.getByRole('textbox', { name: 'Test access token' });
  await token.fill('too-short');
  await connect.click();
  await expect(token).toHaveAccessibleDescription(
    /Paste the whole test access token from the Volvo developer portal\./,
  );

  // Every field right: the sign-in cannot happen here, and says so at once, in words, once.
  await page.getByLabel('My Volvo developer app').check();
  await clientSecret.fill('');
  await apiKey.fill('a1b2c3d4e5f6a7b8c9d0');
  await port.fill('8765');
  const pressed = Date.now();
  await connect.click();
  const outcome = page.getByTestId('connect-outcome');
  await expect(outcome).toContainText('could not open the Volvo ID sign-in page', {
    timeout: 5_000,
  });
  expect(Date.now() - pressed).toBeLessThan(5_000);
  await expect(page.getByText(/could not open the Volvo ID sign-in page/)).toHaveCount(1);

  // The welcome says it once too, and the demo still works from there.
  await page.keyboard.press('Escape');
  await expect(page.getByText(/could not open the Volvo ID sign-in page/)).toHaveCount(1);
  await page.getByRole('button', { name: 'Try demo mode' }).click();
  await expect(stateWord(page)).toHaveText('Locked');
  expect(host.service.snapshot().signIn).toMatchObject({ state: 'signed-in', mode: 'demo' });
});

test('from the demo, a Volvo ID sign-in that cannot happen leaves the demo car working', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await openSettings(page);
  const change = page.getByRole('button', { name: 'Connect my car' });
  await change.click();
  await expect(change).toHaveAttribute('aria-expanded', 'true');
  await page.getByLabel('Client id').fill('my-volvo-app');
  await page.getByLabel('VCC API key').fill('a1b2c3d4e5f6a7b8c9d0');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('connect-outcome')).toContainText('Try demo mode');
  await expect(page.getByText(/could not open the Volvo ID sign-in page/)).toHaveCount(1);
  await expect(page.getByText('Demo mode: a simulated car on this computer.')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(stateWord(page)).toHaveText('Locked');
  await unlockWithConfirmation(page);
});

test('a test token where Volvo cannot be reached: words at once, and the form folds away', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await openSettings(page);
  const change = page.getByRole('button', { name: 'Connect my car' });
  await change.click();
  await page.getByLabel('A test access token').check();
  // A token that works for 60 days yet: the popover must say which day it ends.
  const exp = Math.floor(Date.now() / 1000) + 60 * 24 * 3600;
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  await page
    .getByRole('textbox', { name: 'Test access token' })
    .fill(`${part({ alg: 'RS256' })}.${part({ exp })}.c2lnbmF0dXJl`);
  await page.getByLabel('VCC API key').fill('a1b2c3d4e5f6a7b8c9d0');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();

  await expect(page.getByText('Using a test access token.', { exact: false })).toContainText(
    /The token works until \d{1,2} [A-Z][a-z]{2} \d\d:\d\d\./,
  );
  await expect(change).toHaveAttribute('aria-expanded', 'false');
  await expect(change).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Test access token' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Notices' })).toContainText(
    /Could not reach the Volvo API .*Check your internet connection/,
    { timeout: 5_000 },
  );
});

test('a restart with the same settings and state: the car chosen, the settings and the log are kept', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await carPicker(page).selectOption({ index: 1 });
  await expect(stateWord(page)).toHaveText('Locked');
  await openSettings(page);
  await page.getByLabel('after').first().fill('3');
  await saveSettings(page);
  await page.keyboard.press('Escape');
  await unlockWithConfirmation(page);

  await host.close();
  const restarted = await startBrowserHost({ stores: host.stores, clock: host.clock });
  try {
    await page.goto(restarted.popoverUrl);
    // Demo mode signs in again by itself, to a demo car that starts afresh.
    await expect(stateWord(page)).toHaveText('Locked');
    await expect(carPicker(page)).toHaveValue(VIN_2);
    expect((await settingsOf(restarted)).alerts.doorOpen.minutes).toBe(3);
    await page.getByRole('button', { name: 'Activity' }).click();
    await expect(page.getByRole('list', { name: 'Activity, newest first' })).toContainText(
      'Unlocked from volvo-tray',
    );
  } finally {
    await restarted.close();
  }
});
