import { createContext, useContext } from 'react';
import { type ClockStyle, DEFAULT_CLOCK_STYLE } from '../../shared/words/time';

/** The Snapshot's clock style, for every time the popover writes (provided by `App`). */
export const ClockStyleContext = createContext<ClockStyle>(DEFAULT_CLOCK_STYLE);

/** How the person's computer writes a time of day. */
export function useClockStyle(): ClockStyle {
  return useContext(ClockStyleContext);
}
