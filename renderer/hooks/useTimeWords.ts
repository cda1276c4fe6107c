import { useEffect, useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { nextWordsChange } from '../format/words-change';

/**
 * What `wordsAt` says at the current time: labels of time such as "Checked 2 min ago", "since
 * 08:05" or a countdown. The component renders again exactly when those words change, never on
 * a fixed beat, so an idle popover does no work while nothing on it changes.
 *
 * `wordsAt` must give what is shown (words, whole seconds), never a raw measure of time: a value
 * that changes every millisecond would render every few milliseconds.
 */
export function useTimeWords<T>(wordsAt: (now: number) => T): T {
  const [now, setNow] = useState(() => Date.now());
  const read = (at: number) => JSON.stringify(wordsAt(at));

  // A render for another reason (a new Snapshot) may bring words that read differently by now:
  // they are brought up to date before the paint, so stale words never show.
  useLayoutEffect(() => {
    const current = Date.now();
    if (read(current) !== read(now)) setNow(current);
  });

  useEffect(() => {
    const current = Date.now();
    const at = nextWordsChange(read, current);
    const timer = at === null ? undefined : setTimeout(() => setNow(Date.now()), at - current);
    // A hidden window's timers are slowed down, and they sleep with the computer: shown again,
    // the popover reads the time at once, rendered before the frame it appears with.
    const onShown = () => {
      const shownAt = Date.now();
      if (document.visibilityState === 'visible' && read(shownAt) !== read(now)) {
        flushSync(() => setNow(shownAt));
      }
    };
    document.addEventListener('visibilitychange', onShown);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onShown);
    };
  });

  return wordsAt(now);
}
