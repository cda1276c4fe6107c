/**
 * A token bucket for messages from one WebSocket: `burst` at once, then `perSecond`. The
 * browser host's popover sends a few intents a second at most; a page that floods the core
 * with intents is closed instead of being answered.
 */
export interface MessageRate {
  /** Messages allowed at once. */
  burst: number;
  /** Messages allowed per second after the burst. */
  perSecond: number;
  /** Milliseconds from any fixed point; default `performance.now`. */
  now?: () => number;
}

/**
 * The browser host's default. A person sends a few intents a second, but a page whose clock a
 * test fast-forwards by minutes sends a few hundred at once (every tick's reads); a flood is
 * thousands a second.
 */
export const DEFAULT_MESSAGE_RATE: MessageRate = { burst: 2000, perSecond: 500 };

/** Returns a gate: call it per message; `false` means the sender is over the rate. */
export function messageGate(rate: MessageRate): () => boolean {
  const now = rate.now ?? (() => performance.now());
  let tokens = rate.burst;
  let last = now();
  return () => {
    const at = now();
    tokens = Math.min(rate.burst, tokens + ((at - last) / 1000) * rate.perSecond);
    last = at;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
