/**
 * Generates the tray and app icons from the SVG sources in `build/icons-src`, reproducibly:
 * Chromium (Debian's /usr/bin/chromium, or Playwright's own) rasterises each source at 1x and
 * 2x in every variant, and the PNGs are committed in `build/icons` (and `build/icon.png`, which
 * electron-builder turns into .icns/.ico). Run after changing a source:
 *
 *   npx tsx build/generate-icons.ts
 *
 * Variants: macOS Template images (black, the menu bar tints them), and for Windows and Linux a
 * dark glyph for light taskbars (`-light`) and a light glyph for dark ones (`-dark`), where the
 * attention and unlocked states may use their amber accent.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { trayIconFileName } from '../main/electron/tray-icons';
import { TRAY_STATES } from '../main/electron/tray-state';

const buildDirectory = dirname(fileURLToPath(import.meta.url));
const sources = join(buildDirectory, 'icons-src');
const output = join(buildDirectory, 'icons');
const TRAY_SIZE = 16;

interface Variant {
  platform: NodeJS.Platform;
  dark: boolean;
  glyph: string;
  accent: string;
}

const VARIANTS: Variant[] = [
  { platform: 'darwin', dark: false, glyph: '#000000', accent: '#000000' },
  { platform: 'linux', dark: false, glyph: '#1f1f1f', accent: '#b86e00' },
  { platform: 'linux', dark: true, glyph: '#f2f2f2', accent: '#ffb020' },
];

function page(svg: string, size: number, glyph: string, accent: string): string {
  const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
  return `<!doctype html><html><head><style>
    html, body { margin: 0; background: transparent; }
    svg { display: block; color: ${glyph}; }
    .accent { color: ${accent}; }
  </style></head><body>${sized}</body></html>`;
}

function withScale(fileName: string, scale: number): string {
  return scale === 1 ? fileName : fileName.replace(/\.png$/, `@${scale}x.png`);
}

async function main(): Promise<void> {
  const debianChromium = '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath: existsSync(debianChromium) ? debianChromium : undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--force-color-profile=srgb',
      '--font-render-hinting=none',
    ],
  });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1 });
    const tab = await context.newPage();
    const render = async (
      svg: string,
      size: number,
      glyph: string,
      accent: string,
      file: string,
    ) => {
      await tab.setViewportSize({ width: size, height: size });
      await tab.setContent(page(svg, size, glyph, accent));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, await tab.screenshot({ omitBackground: true, type: 'png' }));
    };

    let written = 0;
    for (const state of TRAY_STATES) {
      const svg = await readFile(join(sources, `tray-${state}.svg`), 'utf8');
      for (const variant of VARIANTS) {
        const name = trayIconFileName(state, variant.platform, variant.dark);
        for (const scale of [1, 2]) {
          await render(
            svg,
            TRAY_SIZE * scale,
            variant.glyph,
            variant.accent,
            join(output, withScale(name, scale)),
          );
          written++;
        }
      }
    }
    const app = await readFile(join(sources, 'app.svg'), 'utf8');
    await render(app, 256, '#ffffff', '#ffffff', join(output, 'app.png'));
    await render(app, 1024, '#ffffff', '#ffffff', join(buildDirectory, 'icon.png'));
    written += 2;
    console.log(`Wrote ${written} icons to ${output} and build/icon.png.`);
  } finally {
    await browser.close();
  }
}

await main();
