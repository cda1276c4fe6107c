import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findBridge } from './bridge';
import { App } from './components/App';
import { NoBridge } from './components/NoBridge';
import { markPopoverOpen } from './perf';
import './styles.css';

const bridge = findBridge();

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
    <StrictMode>{bridge ? <App bridge={bridge} /> : <NoBridge />}</StrictMode>,
  );
}
