/**
 * When a label of time ("just now", "2 min ago", "since yesterday 21:10", a countdown) next
 * reads differently, so the popover renders it again then, and not on a fixed beat.
 */

/** How far ahead a change is looked for; every label of time changes within two days. */
export const LOOK_AHEAD_MS = 3 * 24 * 60 * 60_000;

/** How late after the real change it may be found: well under a frame. */
export const PRECISION_MS = 10;

/**
 * The first time after `from` at which `wordsAt` reads differently from how it reads at `from`
 * (at most {@link PRECISION_MS} late), or null when it reads the same for {@link LOOK_AHEAD_MS}.
 *
 * Words of time only move on: once "just now" has become "1 min ago" it never reads "just now"
 * again, and a countdown never shows a number twice. That is what lets the search step ahead
 * by doubling (1 s, 2 s, 4 s, …) and then halve the step in which the words changed, instead of
 * trying every second.
 */
export function nextWordsChange(wordsAt: (now: number) => string, from: number): number | null {
  const words = wordsAt(from);
  let same = 0;
  let changed = 1000;
  while (wordsAt(from + changed) === words) {
    if (changed >= LOOK_AHEAD_MS) return null;
    same = changed;
    changed *= 2;
  }
  while (changed - same > PRECISION_MS) {
    const middle = Math.floor((same + changed) / 2);
    if (wordsAt(from + middle) === words) same = middle;
    else changed = middle;
  }
  return from + changed;
}
