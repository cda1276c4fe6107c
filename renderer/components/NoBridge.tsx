/** Shown when the page was opened outside the app (no `window.volvo`). */
export function NoBridge() {
  return (
    <div className="popover">
      <main className="content message-page">
        <h1>volvo-tray</h1>
        <p>
          This page is the app’s popover and needs the app around it. Start it with{' '}
          <code>npm start</code>, or in a browser with <code>npm run preview</code>.
        </p>
      </main>
    </div>
  );
}
