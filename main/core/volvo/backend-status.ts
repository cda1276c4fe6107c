import { z } from 'zod';
import { fetchWithin } from '../bounded-answer';
import type { HttpFetch } from '../ports';

/**
 * Volvo's own word on its API's health: the developer portal's public
 * `GET /api/v1/backend-status` (no token, no API key), whose `message` is "OK" (or empty) while
 * the API is healthy and says what is wrong otherwise. Host and shape as the volvo-cars-api
 * library (`async_get_api_status`, used by Home Assistant's volvo integration) reads them.
 */

/** The developer portal's origin (a setting: demo mode and tests put a simulator there). */
export const BACKEND_STATUS_BASE =
  'https://public-developer-portal-bff.weu-prod.ecpaz.volvocars.biz';

const BACKEND_STATUS_PATH = '/api/v1/backend-status';

/** The longest message shown; Volvo's are a sentence or two. */
export const MAX_STATUS_MESSAGE = 200;

/** A real answer is a few dozen bytes. */
const MAX_STATUS_BYTES = 16 * 1024;

/** What Volvo's status page said; `unreadable` covers no answer, an error and a garbled body. */
export type BackendStatus =
  | { kind: 'healthy' }
  | { kind: 'problem'; message: string }
  | { kind: 'unreadable' };

/** Extra fields are ignored; a `message` that is not text makes the answer garbled. */
const BackendStatusSchema = z.object({ message: z.string().nullish() });

/**
 * Reads the status once. Never rejects: whatever goes wrong (network, 5xx, not JSON, another
 * shape) is `unreadable`, which says nothing about Volvo either way.
 */
export async function readBackendStatus(
  fetch: HttpFetch,
  baseUrl: string,
  signal: AbortSignal,
): Promise<BackendStatus> {
  try {
    const answer = await fetchWithin(
      fetch,
      `${new URL(baseUrl).origin}${BACKEND_STATUS_PATH}`,
      { method: 'GET', headers: { accept: 'application/json' }, signal },
      { maxBytes: MAX_STATUS_BYTES, headerTimeoutMs: 10_000, deadlineMs: 15_000 },
    );
    if (answer.status !== 200) return { kind: 'unreadable' };
    const parsed = BackendStatusSchema.safeParse(JSON.parse(new TextDecoder().decode(answer.body)));
    if (!parsed.success) return { kind: 'unreadable' };
    const message = boundedText(parsed.data.message ?? '');
    return message === '' || message.toUpperCase() === 'OK'
      ? { kind: 'healthy' }
      : { kind: 'problem', message };
  } catch {
    return { kind: 'unreadable' };
  }
}

/**
 * Outside text made fit to show: control and formatting characters become spaces, runs of
 * space one, and past {@link MAX_STATUS_MESSAGE} characters it is cut with an ellipsis.
 */
function boundedText(text: string): string {
  const plain = text
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...plain];
  return chars.length <= MAX_STATUS_MESSAGE
    ? plain
    : `${chars
        .slice(0, MAX_STATUS_MESSAGE - 1)
        .join('')
        .trimEnd()}…`;
}
