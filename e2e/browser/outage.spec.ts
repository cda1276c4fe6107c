import { expect, openTestPanel, test } from './fixtures';

/** Volvo's own outage, driven from the test panel around the popover, as `npm run preview` shows it. */
test("an outage: the status line names Volvo's service, and once it ends the popover is live again", async ({
  page,
  host,
}) => {
  const { popover, panel } = await openTestPanel(page, host);
  const check = popover.getByRole('button', { name: 'Check the car now' });
  const problem = popover.getByTestId('state-problem');
  const status = panel.getByRole('status');
  /** Presses a panel button and waits until the core has carried the action out. */
  const press = async (name: string) => {
    await status.evaluate((element) => {
      element.textContent = '';
    });
    await panel.getByRole('button', { name }).click();
    await expect(status).toHaveText('Done.');
  };

  // Volvo's words are outside text: shown as text, markup and all.
  await panel
    .getByLabel("Volvo outage: what Volvo's status page says")
    .fill('Planned <b>maintenance</b> until 14:00.');
  await press('Start a Volvo outage');
  await check.click();
  await expect(popover.getByTestId('freshness-badge')).toHaveText('Stale');
  await expect(problem).toContainText(
    "Volvo's service reports a problem: Planned <b>maintenance</b> until 14:00.",
  );
  await expect(problem).not.toContainText(/network|internet|the car did not/i);
  await expect(popover.getByTestId('state-word')).toHaveText('Locked');

  await press('End the outage');
  await check.click();
  await expect(popover.getByTestId('freshness-badge')).toHaveCount(0);
  await expect(problem).toHaveCount(0);
  await expect(popover.getByTestId('state-word')).toHaveText('Locked');
});
