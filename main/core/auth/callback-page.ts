/**
 * The page the browser shows after Volvo ID sends it back to the loopback listener. Self-
 * contained (inline style, no scripts, no outside resources) so it works offline and leaks
 * nothing through referrers.
 */

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;' +
  'min-height:100vh;background:#f4f5f7;color:#1b1f24}' +
  'main{max-width:28rem;padding:2rem;background:#fff;border-radius:12px;' +
  'box-shadow:0 1px 4px rgba(0,0,0,.12)}h1{font-size:1.25rem;margin:0 0 .5rem}' +
  '@media (prefers-color-scheme:dark){body{background:#15181c;color:#e8eaed}main{background:#22262b}}';

/** The response headers that go with the page. */
export const CALLBACK_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  connection: 'close',
} as const;

/** The HTML for a finished (`problem` null) or failed sign-in. */
export function callbackPage(problem: string | null): string {
  const heading = problem === null ? 'Signed in' : 'Sign-in did not work';
  const detail = problem === null ? '' : `<p>${escapeHtml(problem)}</p>`;
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>volvo-tray: ${heading}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${heading}</h1>${detail}` +
    '<p>You can close this tab and return to volvo-tray.</p></main></body></html>'
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
