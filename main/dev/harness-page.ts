import { DEMO_OUTAGE_MESSAGE } from '../../shared/contract';
import { DOOR_NAMES, WINDOW_NAMES } from '../../shared/vehicle';
import { doorLabel, windowLabel } from '../../shared/words/parts';

/**
 * The browser host's top page: the popover in a 360 x 480 frame, as the tray would show it, and a
 * test panel beside it (notifications, the simulated car). Scripts and styles are separate files
 * so the page keeps a strict CSP.
 */

const FAULTS = [
  ['none', 'None: the API behaves'],
  ['quota', 'Daily quota used up (403)'],
  ['rate-limit', 'Rate limited (429)'],
  ['server-error', 'Server error (503)'],
  ['malformed', 'Malformed answers'],
  ['timeout', 'No answer (timeout)'],
  ['unknown-values', 'Unknown values'],
] as const;

/** The Content-Security-Policy of the test panel page (it may frame the popover, same origin). */
export const HARNESS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function harnessHtml(): string {
  // A part is "door:rearLeft" or "window:sunroof"; the client turns it into a demo action.
  const option = (kind: string, name: string, label: string) =>
    `<option value="${kind}:${name}"${name === 'rearLeft' && kind === 'door' ? ' selected' : ''}>${label}</option>`;
  const parts = [
    `<optgroup label="Doors">${DOOR_NAMES.map((d) => option('door', d, doorLabel(d))).join('')}</optgroup>`,
    `<optgroup label="Windows">${WINDOW_NAMES.map((w) => option('window', w, windowLabel(w))).join('')}</optgroup>`,
  ].join('');
  const faults = FAULTS.map(([value, label]) => `<option value="${value}">${label}</option>`).join(
    '',
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>volvo-tray preview</title>
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="harness.css">
<script type="module" src="harness.js"></script>
</head>
<body>
<main class="stage">
  <h1>volvo-tray <span>preview · demo car · nothing leaves this computer</span></h1>
  <div class="device" id="popover-slot"><iframe src="popover/" title="volvo-tray popover" width="360" height="480"></iframe></div>
  <button type="button" id="popover-toggle">Close popover</button>
</main>
<aside class="panel" aria-label="Test panel">
  <section>
    <h2>Notifications <span id="notification-count">0</span></h2>
    <ol id="notifications" aria-live="polite"></ol>
  </section>
  <section>
    <h2>Simulated car</h2>
    <p class="note">Acts on the car chosen in the popover.</p>
    <label for="part-select">Door or window</label>
    <select id="part-select">${parts}</select>
    <div class="buttons"><button type="button" data-part="OPEN">Open it</button><button type="button" data-part="CLOSED">Close it</button></div>
    <div class="buttons"><button type="button" data-asleep="true">Put the car to sleep</button><button type="button" data-asleep="false">Wake it</button></div>
    <div class="buttons"><button type="button" data-engine="true">Start the engine</button><button type="button" data-engine="false">Stop the engine</button></div>
    <div class="buttons"><button type="button" data-power-saving="true">Power-saving mode</button><button type="button" data-power-saving="false">Leave power-saving</button></div>
    <div class="buttons"><button type="button" data-brake-light="true">A brake light fails</button><button type="button" data-brake-light="false">Fix the brake light</button></div>
    <label for="fault-select">API fault</label>
    <select id="fault-select">${faults}</select>
    <label for="outage-message">Volvo outage: what Volvo's status page says</label>
    <input id="outage-message" type="text" maxlength="500" value="${DEMO_OUTAGE_MESSAGE}">
    <div class="buttons"><button type="button" data-outage="start">Start a Volvo outage</button><button type="button" data-outage="end">End the outage</button></div>
    <p id="panel-status" role="status"></p>
  </section>
</aside>
</body>
</html>
`;
}

export const HARNESS_CSS = `
:root { color-scheme: light dark; font: 14px system-ui, sans-serif; --line: #8884; }
body { margin: 0; display: flex; gap: 24px; padding: 24px; min-height: 100vh; box-sizing: border-box;
  background: Canvas; color: CanvasText; }
h1 { font-size: 16px; margin: 0 0 12px; } h1 span { font-weight: 400; opacity: .7; font-size: 13px; }
h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; opacity: .75; margin: 0 0 8px; }
.device { width: 360px; height: 480px; border-radius: 12px; overflow: hidden; border: 1px solid var(--line);
  box-shadow: 0 12px 32px #0003; margin-bottom: 12px; }
.device:empty { border-style: dashed; box-shadow: none; }
iframe { border: 0; display: block; }
.panel { flex: 1; max-width: 420px; display: grid; gap: 24px; align-content: start; }
ol { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
li { display: grid; gap: 2px; padding: 8px 10px; border: 1px solid var(--line); border-radius: 8px; }
time { font-size: 12px; opacity: .7; }
label { display: block; margin: 8px 0 4px; font-size: 12px; }
select, button, input { font: inherit; padding: 4px 8px; }
input { box-sizing: border-box; width: 100%; }
.buttons { display: flex; gap: 8px; margin-top: 8px; }
.note { margin: 0 0 4px; font-size: 12px; opacity: .75; }
`;
