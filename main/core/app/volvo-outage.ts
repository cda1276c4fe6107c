import type { Clock } from '../ports';
import type { BackendStatus } from '../volvo/backend-status';
import { VolvoApiError } from '../volvo/errors';

/**
 * Whether Volvo itself says its service has a problem, asked only when checks fail in a way an
 * outage would explain (5xx, no answer, no connection): then the status line names Volvo's
 * service instead of the network or the car. Checks that succeed cost nothing; one answer
 * serves every failure for {@link OUTAGE_ANSWER_MS}.
 */

/** How long one answer of Volvo's status page is trusted (and not asked again). */
export const OUTAGE_ANSWER_MS = 5 * 60_000;

export interface VolvoOutageOptions {
  clock: Clock;
  /** Reads Volvo's status page once; never rejects. */
  read(signal: AbortSignal): Promise<BackendStatus>;
  /** Told when what {@link VolvoOutage.message} says changed. */
  onChange(): void;
}

export interface VolvoOutage {
  /** A check failed in a way an outage would explain: asks Volvo, unless an answer is fresh. */
  checkFailed(): void;
  /** Volvo's message while its latest answer reports a problem and is fresh; else null. */
  message(): string | null;
  /** Forgets every answer and drops one on its way (sign-out, a new connection, stop). */
  reset(): void;
}

/** Failures an outage on Volvo's side explains: not 401/403, quota, 429, 404 or a bad answer. */
export function outageMayExplain(error: unknown): boolean {
  if (error instanceof VolvoApiError) {
    return error.kind === 'server' || error.kind === 'network' || error.kind === 'timeout';
  }
  return error instanceof Error && error.name === 'AbortError';
}

/** The status line's words for Volvo's message (outside text, already bounded). */
export function outageInWords(message: string): string {
  return `Volvo's service reports a problem: ${message}`;
}

export function createVolvoOutage(options: VolvoOutageOptions): VolvoOutage {
  const { clock } = options;
  let answer: { status: BackendStatus; at: number } | null = null;
  let asking: AbortController | null = null;

  const fresh = () => answer !== null && clock.now() - answer.at < OUTAGE_ANSWER_MS;
  const problem = () => (answer?.status.kind === 'problem' ? answer.status.message : null);

  const ask = async () => {
    const controller = new AbortController();
    asking = controller;
    const status = await options.read(controller.signal);
    if (asking !== controller) return; // reset meanwhile: the answer belongs to nobody
    asking = null;
    const before = problem();
    answer = { status, at: clock.now() };
    if (problem() !== before) options.onChange();
  };

  return {
    checkFailed() {
      if (asking !== null || fresh()) return;
      void ask();
    },
    // While a newer answer is on its way, the last one still stands.
    message: () => (fresh() || asking !== null ? problem() : null),
    reset() {
      asking?.abort();
      asking = null;
      answer = null;
    },
  };
}
