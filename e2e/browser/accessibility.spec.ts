import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, fastForward, openPopover, stateWord, test } from './fixtures';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core on the page as it is; returns each violation with where it is. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return (violations as AxeViolation[]).map(
    (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

// axe is injected as a script tag, which the popover's strict CSP rightly blocks; this spec lets
// Playwright bypass the CSP (csp.spec.ts checks that the policy holds).
test.use({ bypassCSP: true });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('axe finds no violations in any view', async ({ page, host }) => {
      test.setTimeout(90_000);
      await openPopover(page, host);
      await expect(stateWord(page)).toHaveText('Locked');
      expect(await axeViolations(page), 'home, locked').toEqual([]);

      // An open door with its alert, a stale mark and a refused command.
      await host.demo({ kind: 'door', door: 'rearLeft', value: 'OPEN' });
      await fastForward(page, host, 6 * 60_000);
      await expect(page.getByRole('region', { name: 'Alerts' })).toBeVisible();
      await page.getByRole('button', { name: 'Lock', exact: true }).click();
      await expect(page.getByTestId('command-status')).toContainText(/rear left door/i);
      await host.demo({ kind: 'fault', fault: 'server-error' });
      await page.getByRole('button', { name: 'Check the car now' }).click();
      await expect(page.getByTestId('freshness-badge')).toHaveText('Stale');
      expect(await axeViolations(page), 'home, open door, stale').toEqual([]);
      await host.demo({ kind: 'fault', fault: 'none' });

      await page.getByRole('button', { name: 'Unlock' }).click();
      await expect(page.getByRole('button', { name: 'Confirm unlock' })).toBeVisible();
      expect(await axeViolations(page), 'unlock confirmation').toEqual([]);

      await page.getByRole('button', { name: 'Activity' }).click();
      await expect(page.getByRole('list', { name: 'Activity, newest first' })).toBeVisible();
      expect(await axeViolations(page), 'activity').toEqual([]);
      await page.getByRole('button', { name: 'Back' }).click();

      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Connect my car' }).click();
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await page.getByLabel('While unlocked or open, every').fill('1');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByTestId('settings-outcome')).toContainText('Nothing was saved');
      expect(await axeViolations(page), 'settings with errors').toEqual([]);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Leave the demo' }).click();
      await page.getByRole('button', { name: 'Back' }).click();
      await expect(page.getByRole('button', { name: 'Try demo mode' })).toBeVisible();
      expect(await axeViolations(page), 'signed out').toEqual([]);
    });
  });
}
