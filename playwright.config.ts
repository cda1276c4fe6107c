import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { WIDE_FONT_PROJECT } from './e2e/fonts/wide-font';

/**
 * Three projects: `browser` drives the real popover in Chromium through the browser host (always
 * runs); `browser-wide-font` runs its layout and keyboard specs again in a much wider font;
 * `electron` launches the packaged app with Playwright's `_electron` where the Electron
 * binary is installed, and skips with the reason where it is not.
 */
const debianChromium = '/usr/bin/chromium';

const chromium = {
  browserName: 'chromium' as const,
  // The page's zone and language are chosen, never the machine's: TZ picks another zone.
  timezoneId: process.env.TZ || 'UTC',
  locale: 'en-GB',
};
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// Debian's Chromium where installed (CI here); elsewhere Playwright's own.
const executablePath = existsSync(debianChromium) ? debianChromium : undefined;

/**
 * The layout and keyboard specs again with every font replaced by a much wider one
 * (`e2e/fonts/wide.conf`); they skip, saying why, where the font is not installed.
 */
const wideFont: NonNullable<PlaywrightTestConfig['projects']>[number] = {
  name: WIDE_FONT_PROJECT,
  testDir: 'e2e/browser',
  testMatch: ['glance.spec.ts', 'keyboard.spec.ts'],
  use: {
    ...chromium,
    launchOptions: {
      executablePath,
      args: chromiumArgs,
      env: {
        ...process.env,
        FONTCONFIG_FILE: fileURLToPath(new URL('e2e/fonts/wide.conf', import.meta.url)),
      },
    },
  },
};

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
      use: { ...chromium, launchOptions: { executablePath, args: chromiumArgs } },
    },
    wideFont,
    { name: 'electron', testDir: 'e2e/electron' },
  ],
});
