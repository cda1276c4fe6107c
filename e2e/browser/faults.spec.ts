import type { DemoAction } from '../../shared/contract';
import { expect, fastForward, openPopover, stateWord, test } from './fixtures';

type Fault = Extract<DemoAction, { kind: 'fault' }>['fault'];

/** Each way the API misbehaves, and words the popover must use to say so. */
const cases: { fault: Fault; says: RegExp }[] = [
  { fault: 'quota', says: /quota/i },
  { fault: 'rate-limit', says: /slow down|too many/i },
  { fault: 'server-error', says: /server|503|unavailable|Volvo/i },
  { fault: 'malformed', says: /not JSON|could not be read|unreadable/i },
];

for (const { fault, says } of cases) {
  test(`${fault}: the popover says what happened and keeps the last state, marked stale`, async ({
    page,
    host,
  }) => {
    await openPopover(page, host);
    await expect(stateWord(page)).toHaveText('Locked');
    await expect(page.getByTestId('freshness-badge')).toHaveCount(0);

    await host.demo({ kind: 'fault', fault });
    await page.getByRole('button', { name: 'Check the car now' }).click();

    await expect(page.getByTestId('freshness-badge')).toHaveText('Stale');
    await expect(page.getByTestId('state-problem')).toContainText(says);
    await expect(page.getByTestId('state-problem')).toContainText('Showing the last known state.');
    // The last known state stays, with its parts.
    await expect(stateWord(page)).toHaveText('Locked');
    await expect(page.getByRole('list', { name: 'Doors and windows' })).toContainText(
      'Rear left door',
    );
  });
}

test('a server error that passes: the stale mark goes once the car answers again', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await host.demo({ kind: 'fault', fault: 'server-error' });
  const check = page.getByRole('button', { name: 'Check the car now' });
  await check.click();
  await expect(page.getByTestId('freshness-badge')).toHaveText('Stale');
  await host.demo({ kind: 'fault', fault: 'none' });
  await check.click();
  await expect(page.getByTestId('freshness-badge')).toHaveCount(0);
  await expect(page.getByTestId('state-problem')).toHaveCount(0);
  await expect(stateWord(page)).toHaveText('Locked');
});

test('unknown values from the car are shown as unknown, never as closed', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await host.demo({ kind: 'fault', fault: 'unknown-values' });
  await page.getByRole('button', { name: 'Check the car now' }).click();
  const parts = page.getByRole('list', { name: 'Doors and windows' });
  await expect(parts).toContainText(/Unknown/);
  // Neither the picture's words nor the line under the state sum the unknown parts up as closed.
  const diagram = page.getByRole('img', { name: /^Car seen from above/ });
  await expect(diagram).toHaveAccessibleName(/front left door and front left window unknown/);
  await expect(page.getByText('Everything closed')).toHaveCount(0);
  await expect(page.locator('[data-part="door.frontLeft"]')).toHaveAttribute(
    'data-state',
    'UNKNOWN',
  );
  // What the car said stays readable, and no row loses its name to it.
  const unknown = parts.getByRole('listitem').filter({ hasText: 'Unknown' }).first();
  await expect(unknown).toContainText(/car said “\w+”/);
  for (const row of await parts.getByRole('listitem').all()) {
    const name = row.locator('.part-name');
    await expect(name).toBeVisible();
    expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  }
  expect(await parts.evaluate((list) => list.scrollWidth <= list.clientWidth)).toBe(true);
});

test('offline: the state says so once, and keeps the last state', async ({ page, host }) => {
  await openPopover(page, host);
  await expect(stateWord(page)).toHaveText('Locked');
  host.service.setOnline(false);
  await fastForward(page, host, 5 * 60_000);
  await expect(page.getByTestId('freshness-badge')).toHaveText('Offline');
  await expect(page.getByTestId('state-problem')).toContainText('No network');
  // The app-wide notice would say the same again.
  await expect(page.getByText('This computer is offline.')).toHaveCount(0);
  await expect(stateWord(page)).toHaveText('Locked');

  host.service.setOnline(true);
  await expect(page.getByTestId('freshness-badge')).toHaveCount(0);
});
