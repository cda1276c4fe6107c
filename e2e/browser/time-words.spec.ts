import { emulateWindowVisibility, expect, openPopover, test } from './fixtures';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

// Only the page's clock moves here: the core keeps its reading, so the words age as they would
// while the car is not checked.
test('"Checked just now" moves on when its words change, and at once when the popover is shown again', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  const checked = page.getByText(/^Checked /);
  await expect(checked).toHaveText('Checked just now');

  await page.clock.fastForward(40 * SECOND);
  await expect(checked).toHaveText('Checked just now');
  await page.clock.fastForward(6 * SECOND);
  await expect(checked).toHaveText('Checked 1 min ago');
  await page.clock.fastForward(2 * MINUTE);
  await expect(checked).toHaveText('Checked 3 min ago');

  // Hidden, then the computer sleeps: no timer fires, the time jumps on. Shown again, the
  // popover says how old the reading is in the very frame it appears with, not after its next
  // timer or the Snapshot its opening brings.
  const setShown = await emulateWindowVisibility(page);
  await setShown(false);
  await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + 2 * 60 * MINUTE);
  const shownWith = await page.evaluate(() => {
    (window as unknown as { setWindowShown(shown: boolean): void }).setWindowShown(true);
    // Read in the same task: no timer and no message from the core can have come in between.
    return document.querySelector('.state-updated')?.textContent;
  });
  expect(shownWith).toMatch(/^Checked 2 h ago/);
});
