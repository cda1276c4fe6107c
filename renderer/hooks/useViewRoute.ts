import { useCallback, useEffect, useState } from 'react';

/** The popover's views: the glance, the activity log, the settings. */
export type View = 'home' | 'activity' | 'settings';

const SUB_VIEWS: readonly View[] = ['activity', 'settings'];

/** The view a URL fragment names: `#settings` -> settings; anything else -> home. */
export function viewFromHash(hash: string): View {
  const name = hash.replace(/^#/, '');
  return SUB_VIEWS.find((view) => view === name) ?? 'home';
}

/** The page URL showing `view`: the fragment names a sub-view, home has none. */
export function urlForView(href: string, view: View): string {
  const url = new URL(href);
  url.hash = view === 'home' ? '' : view;
  return url.href;
}

/**
 * The current view, kept in the URL fragment both ways. The shell opens the popover at a view by
 * loading `index.html#settings` (the tray's "Settings…"), at start or into the page already
 * loaded (a hashchange). Moving between views in the page rewrites the fragment without a
 * navigation, so that the shell asking for the same view again is always a change the page sees.
 */
export function useViewRoute(): [View, (view: View) => void] {
  const [view, setView] = useState<View>(() => viewFromHash(window.location.hash));
  useEffect(() => {
    const follow = () => setView(viewFromHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const go = useCallback((next: View) => {
    setView(next);
    const url = urlForView(window.location.href, next);
    if (url !== window.location.href) window.history.replaceState(window.history.state, '', url);
  }, []);
  return [view, go];
}
