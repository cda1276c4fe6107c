/**
 * Performance marks for the "popover opened -> state painted" figure: `popover-open` when the
 * popover becomes visible, `state-painted` once a frame showing the car's state has been painted.
 * Each opening replaces the previous pair, so the marks always describe the latest one.
 *
 * Two kinds of opening: cold (the page loads, so the state appears once the first Snapshot has
 * been rendered) and warm (the shell shows the hidden window again, and the state already in the
 * page is what the next frame paints).
 */

let paintPending = false;
let stateRendered = false;

/** The popover became visible (or loaded visible). */
export function markPopoverOpen(): void {
  performance.clearMarks('popover-open');
  performance.clearMarks('state-painted');
  performance.mark('popover-open');
  paintPending = true;
  if (stateRendered) markNextPaint();
}

/** React committed a state to the screen; the next frame painted after an opening is measured. */
export function markStateRendered(): void {
  stateRendered = true;
  if (paintPending) markNextPaint();
}

/**
 * requestAnimationFrame runs just before the next frame is painted (and not at all while the page
 * is hidden); a user-blocking task queued from it runs first after that paint, ahead of work that
 * came in meanwhile (a Snapshot's message, its render), which a timer would wait behind.
 */
function markNextPaint(): void {
  paintPending = false;
  requestAnimationFrame(() => {
    void scheduler.postTask(() => performance.mark('state-painted'), { priority: 'user-blocking' });
  });
}
