import { expect, openPopover, stateWord, test } from './fixtures';

// Half past midnight UTC, 23.5 hours before the quota resets: the hours in which a projection of
// the worst case (the popover open all day) once greeted every new user with a budget warning.
test.use({ clockStart: Date.UTC(2026, 11, 5, 0, 30) });

test('the first demo run just after midnight UTC says nothing about the budget', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await expect(stateWord(page)).toHaveText('Locked');
  await expect(page.getByText(/less often|budget/i)).toHaveCount(0);
  expect(host.service.snapshot().quota).toMatchObject({ message: null, slowdown: null });

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('quota-used')).toContainText(/of 5,000\s+requests used today/);
  await expect(page.getByTestId('quota-state')).toHaveCount(0);
});

test('a small budget slows the checks down in neutral words, said once, figures in Settings', async ({
  page,
  host,
}) => {
  const updated = await host.call('updateSettings', { polling: { dailyBudget: 100 } });
  expect(updated.ok).toBe(true);
  await openPopover(page, host);
  const slowdown = page.getByText('less often than your settings ask', { exact: false });
  await expect(slowdown).toHaveCount(1);
  await expect(page.locator('.notice-info')).toHaveCount(1);
  await expect(page.locator('.notice-alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('quota-state')).toHaveText(/less often than your settings ask/);
  await expect(page.getByText('less often than your settings ask', { exact: false })).toHaveCount(
    1,
  );
});
