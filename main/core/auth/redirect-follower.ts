import { z } from 'zod';
import type { BrowserOpener, Fetch } from '../ports';

const oauthErrorBody = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

/**
 * A BrowserOpener for demo mode and tests: instead of a person in a browser, it fetches the
 * authorize URL (the simulator signs the demo user in at once), reads the redirect, and
 * delivers it to the loopback listener, so sign-in runs through the real code path.
 */
export function createRedirectFollower(fetch: Fetch): BrowserOpener {
  return {
    async open(url) {
      const authorize = await fetch(url, { redirect: 'manual' });
      const location = authorize.headers.get('location');
      const body = await authorize.text();
      if (authorize.status < 300 || authorize.status >= 400 || location === null) {
        throw new Error(
          `The sign-in page answered HTTP ${authorize.status}${describeBody(body)} instead of sending the browser back to volvo-tray.`,
        );
      }
      // Like a browser: whatever the callback page says, the listener already has the answer.
      const callback = await fetch(new URL(location, url), { redirect: 'manual' });
      await callback.text();
    },
  };
}

function describeBody(body: string): string {
  try {
    const parsed = oauthErrorBody.safeParse(JSON.parse(body));
    if (!parsed.success) return '';
    const { error, error_description: description } = parsed.data;
    return description ? ` (${error}: ${description})` : ` (${error})`;
  } catch {
    return '';
  }
}
