import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import {
  INTENT_NAMES,
  type IntentHandlers,
  type IntentResult,
  intentChannel,
  SNAPSHOT_CHANNEL,
} from '../../shared/contract';
import type { Snapshot } from '../../shared/snapshot';
import { dispatchIntent } from '../core/intent-schemas';
import type { Logger } from '../core/ports';
import { isRendererUrl, type RendererLocation } from './renderer-location';

/**
 * The main side of the bridge: one `ipcMain.handle` per intent channel. Each call is checked
 * twice before anything runs: the sender must be our popover's top-level frame showing our own
 * page, and the arguments must pass the contract's schema (in `dispatchIntent`). A refused call
 * gets `{ ok: false, error }` in words; nothing throws back across the bridge.
 */

/** What the sender check looks at, from an `IpcMainInvokeEvent`. */
export interface SenderInfo {
  sender: Pick<WebContents, 'id'>;
  senderFrame: { url: string; parent: unknown } | null;
}

export const UNTRUSTED_SENDER_ERROR =
  'This request did not come from the volvo-tray window, so it was refused.';

/**
 * Builds the sender check: true only for the top frame of the expected WebContents whose URL is
 * our renderer. (GitHub Desktop once shipped this check inverted; the tests try both ways.)
 */
export function senderCheck(
  location: RendererLocation,
  expectedContents: () => Pick<WebContents, 'id'> | null,
): (event: SenderInfo) => boolean {
  return (event) => {
    try {
      const frame = event.senderFrame;
      if (frame === null || frame.parent !== null) return false;
      const expected = expectedContents();
      if (expected === null || event.sender.id !== expected.id) return false;
      return isRendererUrl(frame.url, location);
    } catch {
      // A frame disposed mid-call (navigated away, closed): not ours any more.
      return false;
    }
  };
}

export interface IntentIpcOptions {
  handlers: IntentHandlers;
  isTrustedSender: (event: SenderInfo) => boolean;
  logger: Logger;
}

/** Registers every intent channel; returns the function that removes them. */
export function registerIntentHandlers(options: IntentIpcOptions): () => void {
  for (const name of INTENT_NAMES) {
    ipcMain.handle(
      intentChannel(name),
      async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<IntentResult<unknown>> => {
        if (!options.isTrustedSender(event)) {
          options.logger.warn('Refused an IPC call from an untrusted sender.', { intent: name });
          return { ok: false, error: UNTRUSTED_SENDER_ERROR };
        }
        return dispatchIntent(options.handlers, name, args);
      },
    );
  }
  return () => {
    for (const name of INTENT_NAMES) ipcMain.removeHandler(intentChannel(name));
  };
}

/** Pushes a Snapshot to the popover, when it exists. */
export function pushSnapshot(contents: WebContents | null, snapshot: Snapshot): void {
  if (contents === null || contents.isDestroyed()) return;
  contents.send(SNAPSHOT_CHANNEL, snapshot);
}
