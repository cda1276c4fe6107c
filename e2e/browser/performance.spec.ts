import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';

const OPENS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

test('popover open to painted state: median of 20 opens', async ({ page, host }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 480 });
  const fromOpen: number[] = [];
  const fromNavigation: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    await page.goto(host.popoverUrl);
    const marks = await page.waitForFunction(() => {
      const open = performance.getEntriesByName('popover-open')[0];
      const painted = performance.getEntriesByName('state-painted')[0];
      return open && painted ? { open: open.startTime, painted: painted.startTime } : null;
    });
    const { open, painted } = (await marks.jsonValue()) as { open: number; painted: number };
    fromOpen.push(painted - open);
    fromNavigation.push(painted);
  }
  const openMedian = median(fromOpen);
  const navigationMedian = median(fromNavigation);
  const figure = `popover-open -> state-painted: median ${openMedian.toFixed(1)} ms over ${OPENS} opens (min ${Math.min(...fromOpen).toFixed(1)}, max ${Math.max(...fromOpen).toFixed(1)}); page load -> state-painted: median ${navigationMedian.toFixed(1)} ms`;
  console.log(figure);
  testInfo.annotations.push({ type: 'open-to-paint', description: figure });
  // A budget that catches a regression (the popover must feel instant).
  expect(openMedian).toBeLessThan(300);
});

test('renderer bundle size (gzip)', async () => {
  const testInfo = test.info();
  const assets = fileURLToPath(new URL('../../dist/renderer/assets/', import.meta.url));
  const sizes = { js: 0, css: 0 };
  for (const file of await readdir(assets)) {
    const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : null;
    if (kind) sizes[kind] += gzipSync(await readFile(`${assets}${file}`), { level: 9 }).length;
  }
  const figure = `renderer bundle gzip: JS ${(sizes.js / 1024).toFixed(1)} kB, CSS ${(sizes.css / 1024).toFixed(1)} kB`;
  console.log(figure);
  testInfo.annotations.push({ type: 'bundle-size', description: figure });
  expect(sizes.js).toBeGreaterThan(0);
  expect(sizes.js).toBeLessThan(100 * 1024);
});
