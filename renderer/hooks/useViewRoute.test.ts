import { describe, expect, it } from 'vitest';
import { urlForView, viewFromHash } from './useViewRoute';

describe('the view in the URL fragment', () => {
  it('opens the view the tray asked for', () => {
    expect(viewFromHash('#settings')).toBe('settings');
    expect(viewFromHash('#activity')).toBe('activity');
  });

  it('shows the glance for no fragment or one it does not know', () => {
    expect(viewFromHash('')).toBe('home');
    expect(viewFromHash('#')).toBe('home');
    expect(viewFromHash('#home')).toBe('home');
    expect(viewFromHash('#Settings')).toBe('home');
    expect(viewFromHash('#settings/../x')).toBe('home');
  });

  it('writes the view into the fragment and drops it at home, keeping the rest of the URL', () => {
    const file = 'file:///opt/volvo-tray/resources/app.asar/dist/renderer/index.html';
    expect(urlForView(file, 'settings')).toBe(`${file}#settings`);
    expect(urlForView(`${file}#settings`, 'home')).toBe(file);
    expect(urlForView('http://127.0.0.1:5/s3cret/popover/#activity', 'settings')).toBe(
      'http://127.0.0.1:5/s3cret/popover/#settings',
    );
  });
});
