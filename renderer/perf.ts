/**
 * Performance marks for the "popover opened -> state painted" figure: `popover-open` when the
 * popover becomes visible, `state-painted` once the frame showing the state has been painted.
 */

let paintPending = false;

/** The popover became visible (or loaded visible). */
export function markPopoverOpen(): void {
  performance.mark('popover-open');
  paintPending = true;
}

/**
 * Called after React committed a state to the screen. requestAnimationFrame runs just before the
 * frame is painted; the task queued from it runs after that paint.
 */
export function markStatePainted(): void {
  if (!paintPending) return;
  paintPending = false;
  requestAnimationFrame(() => {
    setTimeout(() => performance.mark('state-painted'), 0);
  });
}
