import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findBridge } from './bridge';
import { App } from './components/App';
import { NoBridge } from './components/NoBridge';
import { markPopoverOpen } from './perf';
import { followSnapshots } from './snapshot-source';
import './styles.css';

const bridge = findBridge();
// Asked before anything renders, so the first render that can show the car is not held up.
const snapshots = bridge ? followSnapshots(bridge) : null;

/** Opening the popover makes the core poll fast and refresh old data; hiding it slows down. */
function followVisibility(): void {
  if (!bridge) return;
  const report = () => {
    const visible = document.visibilityState === 'visible';
    if (visible) markPopoverOpen();
    void bridge.setPopoverOpen(visible);
  };
  document.addEventListener('visibilitychange', report);
  report();
}

followVisibility();

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      {bridge && snapshots ? <App bridge={bridge} snapshots={snapshots} /> : <NoBridge />}
    </StrictMode>,
  );
}
