import { z } from 'zod';
import { apiError, type Handler, jsonReply } from './http';

/**
 * The developer portal's public health answer, `GET /api/v1/backend-status` (no token, no
 * key): `{"message":"OK"}` while the API is healthy, Volvo's notice while it is not. Real host
 * and shape: see README, "Real cars' quirks, and where each comes from".
 */

/** A notice as the control API and `setOutage` accept it. */
export const outageNoticeSchema = z
  .string({ error: 'message must be text' })
  .min(1, 'message must not be empty')
  .max(4000, 'message must be at most 4000 characters');

/** Whether Volvo's API is down, and what the portal says about it. */
export class OutageSwitch {
  private notice: string | null = null;

  /** Starts an outage with `notice`, or ends it (null). Throws for a notice out of bounds. */
  set(notice: string | null): void {
    if (notice === null) {
      this.notice = null;
      return;
    }
    const parsed = outageNoticeSchema.safeParse(notice);
    if (!parsed.success)
      throw new Error(`Not an outage notice: ${parsed.error.issues[0]?.message}.`);
    this.notice = parsed.data;
  }

  /** The notice while an outage lasts, else null. */
  get(): string | null {
    return this.notice;
  }
}

/** Serves `/api/v1/backend-status` from `outage`. */
export function createDeveloperPortal(outage: OutageSwitch): Handler {
  return (request) => {
    const path = request.segments.join('/');
    if (path !== 'api/v1/backend-status') {
      return apiError(404, 'NOT_FOUND', 'There is no such resource.');
    }
    if (request.method !== 'GET') {
      return apiError(405, 'METHOD_NOT_ALLOWED', 'This endpoint takes GET.', { allow: 'GET' });
    }
    return jsonReply(200, { message: outage.get() ?? 'OK' });
  };
}
