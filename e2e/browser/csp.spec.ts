import { expect, openPopover, stateWord, test } from './fixtures';

test('the popover runs under its strict CSP: injected inline script is blocked', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await expect(stateWord(page)).toHaveText('Locked');
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  await expect(page.addScriptTag({ content: 'window.injected = true;' })).rejects.toThrow(
    /Content Security Policy/,
  );
  expect(await page.evaluate(() => 'injected' in window)).toBe(false);
});

test('without the per-run secret the host answers 403', async ({ page, host }) => {
  const response = await page.goto(`${host.origin}/popover/`);
  expect(response?.status()).toBe(403);
});
