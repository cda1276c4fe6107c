/**
 * Exponential backoff with "equal jitter": the n-th failure in a row waits between half and all
 * of `baseMs × 2^n` (capped at `maxMs`), so a failing API is asked less and less often and
 * several clients do not retry in step.
 */
export function backoffDelayMs(
  failures: number,
  policy: { baseMs: number; maxMs: number },
  random: () => number,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
