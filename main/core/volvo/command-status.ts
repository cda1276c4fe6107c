import { INVOKE_STATUSES, type InvokeStatus } from '../../../shared/vehicle';
import type { Logger } from '../ports';

/** A status from the wire; anything new becomes UNKNOWN (and `reported` keeps it) with a warning. */
export function parseInvokeStatus(
  raw: string,
  logger: Logger,
): { status: InvokeStatus; reported?: string } {
  const status = INVOKE_STATUSES.find((candidate) => candidate === raw);
  if (status !== undefined) return { status };
  logger.warn('The Volvo API reported a command status volvo-tray does not know', {
    reported: raw,
  });
  return { status: 'UNKNOWN', reported: raw };
}
