import { describe, expect, it } from 'vitest';
import { isRendererUrl, rendererLocation, rendererUrl } from './renderer-location';

const packaged = rendererLocation({
  indexHtml: '/opt/volvo-tray/resources/app.asar/dist/renderer/index.html',
  isPackaged: true,
  devServerUrl: 'http://localhost:5173',
});
const dev = rendererLocation({
  indexHtml: '/work/dist/renderer/index.html',
  isPackaged: false,
  devServerUrl: 'http://localhost:5173',
});

describe('rendererLocation', () => {
  it('a packaged app loads its built file and ignores any dev server', () => {
    expect(packaged).toEqual({
      kind: 'file',
      url: 'file:///opt/volvo-tray/resources/app.asar/dist/renderer/index.html',
    });
  });

  it('development may use the Vite dev server, on the loopback address only', () => {
    expect(dev).toEqual({ kind: 'dev-server', origin: 'http://localhost:5173' });
    expect(() =>
      rendererLocation({
        indexHtml: '/x',
        isPackaged: false,
        devServerUrl: 'https://cdn.example.com',
      }),
    ).toThrow(
      'The dev server URL must be http://localhost or http://127.0.0.1; got https://cdn.example.com.',
    );
  });

  it('builds the URL to load, optionally at a view', () => {
    expect(rendererUrl(dev)).toBe('http://localhost:5173/');
    expect(rendererUrl(packaged, 'settings')).toBe(
      'file:///opt/volvo-tray/resources/app.asar/dist/renderer/index.html#settings',
    );
  });
});

describe('isRendererUrl', () => {
  it('accepts our page, with or without a view', () => {
    expect(isRendererUrl(rendererUrl(packaged), packaged)).toBe(true);
    expect(isRendererUrl(rendererUrl(packaged, 'settings'), packaged)).toBe(true);
    expect(isRendererUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
  });

  it.each([
    'file:///opt/volvo-tray/resources/app.asar/dist/renderer/other.html',
    'file:///tmp/index.html',
    'file:///opt/volvo-tray/resources/app.asar/dist/renderer/index.html?evil=1',
    'file://remote-host/opt/volvo-tray/resources/app.asar/dist/renderer/index.html',
    'https://volvoid.eu.volvocars.com/',
    'http://localhost:5173/',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('refuses %s for the packaged app', (url) => {
    expect(isRendererUrl(url, packaged)).toBe(false);
  });

  it('refuses other origins for the dev server', () => {
    expect(isRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isRendererUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isRendererUrl('https://localhost:5173/', dev)).toBe(false);
  });
});
