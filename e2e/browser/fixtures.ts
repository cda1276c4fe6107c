import { test as base, expect, type Page } from '@playwright/test';
import { type BrowserHost, type BrowserHostOptions, startBrowserHost } from '../../main/dev/host';

/**
 * Fixtures for the browser specs: a fresh browser host per test (the real core with the demo
 * simulator, port 0, closed at the end), the popover opened in a 360 x 480 page, and a check that
 * the page never threw.
 */
interface Fixtures {
  hostOptions: BrowserHostOptions;
  host: BrowserHost;
  pageErrors: Error[];
}

export const test = base.extend<Fixtures>({
  hostOptions: [{}, { option: true }],
  host: async ({ hostOptions }, use) => {
    const host = await startBrowserHost(hostOptions);
    await use(host);
    await host.close();
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      expect(errors, 'the popover threw').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Opens the popover as the tray would (360 x 480) and waits for the state to be painted.
 * `clock: true` installs Playwright's clock, so {@link fastForward} can move the page's time in
 * step with the core's.
 */
export async function openPopover(
  page: Page,
  host: BrowserHost,
  options: { clock?: boolean } = {},
): Promise<void> {
  await page.setViewportSize({ width: 360, height: 480 });
  if (options.clock) await page.clock.install();
  await page.goto(host.popoverUrl);
  await expect(stateWord(page)).not.toBeEmpty();
}

/** Moves time forward for the core (firing its due timers) and for the page alike. */
export async function fastForward(page: Page, host: BrowserHost, ms: number): Promise<void> {
  await host.advanceClock(ms);
  await page.clock.fastForward(ms);
}

/** The settings as the core holds them now. */
export async function settingsOf(host: BrowserHost) {
  const result = await host.call('getSettings');
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The one big word at the top. */
export const stateWord = (page: Page) => page.getByTestId('state-word');
/** The sentence above the Lock and Unlock buttons. */
export const commandStatus = (page: Page) => page.getByTestId('command-status');
export const lockButton = (page: Page) => page.getByRole('button', { name: 'Lock', exact: true });
export const unlockButton = (page: Page) => page.getByRole('button', { name: /unlock/i });

/** Unlock as a person does: press, read the confirmation, press again. */
export async function unlockWithConfirmation(page: Page): Promise<void> {
  await unlockButton(page).click();
  await expect(page.getByRole('button', { name: 'Confirm unlock' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm unlock' }).click();
  await expect(stateWord(page)).toHaveText('Unlocked');
}
