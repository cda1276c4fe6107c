import { expect, fastForward, openPopover, test } from './fixtures';

test('a brake light out: the popover says what the car reports, without a notification', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await expect(page.getByTestId('car-warnings')).toHaveCount(0);
  await host.demo({ kind: 'brake-light', failed: true });
  const warnings = page.getByRole('region', { name: 'The car reports' });
  await expect(warnings).toContainText('Centre brake light: failure');
  expect(host.notifications).toEqual([]);

  // Fixed: gone by the next check (a check cut short by a newer one asks again at the next).
  await host.demo({ kind: 'brake-light', failed: false });
  await fastForward(page, host, 2 * 60_000);
  await expect(page.getByTestId('car-warnings')).toHaveCount(0);
});
