import { type RefObject, useLayoutEffect, useRef } from 'react';

/**
 * A scrolling area with nothing focusable inside cannot be scrolled from the keyboard; this makes
 * the element a Tab stop exactly while its content overflows. Checked after every render, since
 * each new Snapshot may change the content's height.
 */
export function useScrollableFocus<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const overflows = element.scrollHeight > element.clientHeight + 1;
    if (overflows) element.tabIndex = 0;
    else element.removeAttribute('tabindex');
  });
  return ref;
}
