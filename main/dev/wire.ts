import { z } from 'zod';
import type { IntentResult } from '../../shared/contract';
import type { Snapshot } from '../../shared/snapshot';
import type { AppNotification } from '../core/ports';

/**
 * What travels over the browser host's WebSocket. Pages send intents; the host answers each and
 * pushes Snapshots (to popovers) and notifications and popover visibility (to the test panel).
 */

/** A page's request: one contract intent with its raw arguments (validated by the contract). */
export const pageMessageSchema = z
  .object({
    type: z.literal('intent'),
    id: z.number().int().nonnegative(),
    name: z.string().max(64),
    args: z.array(z.unknown()).max(8),
  })
  .strict();
export type PageMessage = z.infer<typeof pageMessageSchema>;

export type HostMessage =
  | { type: 'result'; id: number; result: IntentResult<unknown> }
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'notification'; notification: AppNotification; at: string }
  | { type: 'popover'; open: boolean };
