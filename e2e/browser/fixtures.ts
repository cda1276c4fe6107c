import { test as base, expect, type Page } from '@playwright/test';
import { ControllableClock } from '../../main/dev/controllable-clock';
import { type BrowserHost, type BrowserHostOptions, startBrowserHost } from '../../main/dev/host';
import { hasWideFont, NO_WIDE_FONT, WIDE_FONT_PROJECT } from '../fonts/wide-font';

/**
 * Fixtures for the browser specs: a fresh browser host per test (the real core with the demo
 * simulator, port 0, closed at the end), the popover opened in a 360 x 480 page, and a check that
 * the page never threw.
 *
 * The core and the page both start at {@link TEST_CLOCK_START}, never at the hour the suite runs:
 * `VOLVO_TRAY_TEST_CLOCK` (ISO-8601) picks the instant, e.g. just after midnight UTC or the night
 * a time zone changes to winter time; the time zone is the page's `TZ` (playwright.config.ts).
 */
export const TEST_CLOCK_START = testClockStart(process.env.VOLVO_TRAY_TEST_CLOCK);

function testClockStart(setting: string | undefined): number {
  if (setting === undefined || setting === '') return Date.UTC(2026, 10, 27, 12, 0);
  const at = Date.parse(setting);
  if (Number.isNaN(at)) {
    throw new Error(`VOLVO_TRAY_TEST_CLOCK must be an ISO-8601 time, not "${setting}".`);
  }
  return at;
}

interface Fixtures {
  hostOptions: BrowserHostOptions;
  /** Where the core's clock starts (epoch ms). */
  clockStart: number;
  /** Whether the page's clock follows the core's (off only where real time is measured). */
  pageClock: boolean;
  host: BrowserHost;
  pageErrors: Error[];
  /** Skips the wide-font run, saying why, where that font is not installed. */
  wideFontInstalled: void;
}

export const test = base.extend<Fixtures>({
  hostOptions: [{}, { option: true }],
  clockStart: [TEST_CLOCK_START, { option: true }],
  pageClock: [true, { option: true }],
  host: async ({ hostOptions, clockStart }, use) => {
    const clock = new ControllableClock(undefined, clockStart);
    const host = await startBrowserHost({ clock, ...hostOptions });
    await use(host);
    await host.close();
  },
  // The page's clock runs from the core's time, so "2 min ago" means the same on both sides.
  page: async ({ page, host, pageClock }, use) => {
    if (pageClock) await page.clock.install({ time: host.clock.now() });
    await use(page);
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
  wideFontInstalled: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern, and this one has none.
    async ({}, use, testInfo) => {
      if (testInfo.project.name === WIDE_FONT_PROJECT && !hasWideFont()) {
        testInfo.skip(true, NO_WIDE_FONT);
      }
      await use();
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Opens the popover as the tray would (360 x 480) and waits for the state to be painted.
 */
export async function openPopover(page: Page, host: BrowserHost): Promise<void> {
  await page.setViewportSize({ width: 360, height: 480 });
  await page.goto(host.popoverUrl);
  await expect(stateWord(page)).not.toBeEmpty();
}

/**
 * Opens `npm run preview`'s page (the popover in a frame beside the test panel) and waits for the
 * demo car to be painted; returns the popover's frame and the panel.
 */
export async function openTestPanel(page: Page, host: BrowserHost) {
  await page.setViewportSize({ width: 900, height: 640 });
  await page.goto(host.url);
  const popover = page.frameLocator('iframe[title="volvo-tray popover"]');
  await expect(popover.getByTestId('state-word')).toHaveText('Locked');
  return { popover, panel: page.getByRole('complementary', { name: 'Test panel' }) };
}

/** Moves time forward for the core (firing its due timers) and for the page alike. */
export async function fastForward(page: Page, host: BrowserHost, ms: number): Promise<void> {
  await host.advanceClock(ms);
  await page.clock.fastForward(ms);
}

/**
 * Plays the tray window's hide and show as the page sees them in Electron: headless Chromium
 * keeps every page visible, so document.visibilityState is taken over and visibilitychange fired.
 * Returns the function that hides (false) or shows (true) the popover.
 */
export async function emulateWindowVisibility(
  page: Page,
): Promise<(shown: boolean) => Promise<void>> {
  await page.evaluate(() => {
    let state: DocumentVisibilityState = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    Object.assign(window, {
      setWindowShown(shown: boolean) {
        state = shown ? 'visible' : 'hidden';
        document.dispatchEvent(new Event('visibilitychange'));
      },
    });
  });
  return (shown) =>
    page.evaluate((value) => {
      (window as unknown as { setWindowShown(shown: boolean): void }).setWindowShown(value);
    }, shown);
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
