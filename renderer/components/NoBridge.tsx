/** Shown when the page was opened outside the app (no `window.volvo`). */
export function NoBridge() {
  return (
    <div className="popover">
      <main className="content message-page">
        <h1>volvo-tray</h1>
        <p>
          This page is volvo-tray’s popover and only works inside volvo-tray. Start volvo-tray with{' '}
          <code>npm start</code>, or in a browser with <code>npm run preview</code>.
        </p>
      </main>
    </div>
  );
}
