import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Two projects: `browser` drives the real popover in Chromium through the browser host (always
 * runs); `electron` launches the packaged app with Playwright's `_electron` where the Electron
 * binary is installed, and skips with the reason where it is not.
 */
const debianChromium = '/usr/bin/chromium';

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'browser',
      testDir: 'e2e/browser',
      use: {
        browserName: 'chromium',
        // The page's zone and language are chosen, never the machine's: TZ picks another zone.
        timezoneId: process.env.TZ || 'UTC',
        locale: 'en-GB',
        launchOptions: {
          // Debian's Chromium where installed (CI here); elsewhere Playwright's own.
          executablePath: existsSync(debianChromium) ? debianChromium : undefined,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
});
