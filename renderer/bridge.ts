import type { VolvoBridge } from '../shared/contract';

/**
 * The popover's only way out: `window.volvo`, put there by the Electron preload or the browser
 * host's bridge script. Only types come from the contract, so zod stays out of the bundle.
 */
declare global {
  interface Window {
    volvo?: VolvoBridge;
  }
}

export type { VolvoBridge };

/** The bridge, or null when the page was opened without a host. */
export function findBridge(): VolvoBridge | null {
  return window.volvo ?? null;
}
