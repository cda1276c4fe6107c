import { commandStatus, expect, openPopover, test, unlockWithConfirmation } from './fixtures';

/**
 * Times are written as the person's computer writes them: here a computer set to American
 * English with its 12-hour clock, where the tests' default is en-GB's 24-hour one.
 */
test.use({ hostOptions: { clockStyle: { locale: 'en-US', hour12: null } } });

/** "8:05 AM", or "yesterday 11:59 PM" when the test's clock starts just before midnight. */
const TWELVE_HOUR = /^(yesterday )?\d{1,2}:\d{2}\s[AP]M$/;

test('a 12-hour computer reads 12-hour times in the activity log and in Settings', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await unlockWithConfirmation(page);
  // "Open a door before 12:02 PM or the car locks itself again." ("12:01 AM tomorrow" near
  // midnight).
  await expect(commandStatus(page)).toContainText(
    /before \d{1,2}:\d{2}\s[AP]M( tomorrow)? or the car/,
  );
  await page.getByRole('button', { name: 'Activity' }).click();
  const times = page.getByRole('list', { name: 'Activity, newest first' }).locator('time');
  await expect(times.first()).toHaveText(TWELVE_HOUR);

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Settings' }).click();
  // "the count resets at 12:00 AM tomorrow" or, in a zone east of UTC, "1:00 AM tomorrow".
  await expect(page.getByTestId('quota-used')).toContainText(/resets at \d{1,2}:00\s[AP]M/);
  await expect(page.getByTestId('quota-used')).toContainText(/of 5,000 requests/);
});
