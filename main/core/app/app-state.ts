import type { Settings } from '../../../shared/settings';
import { defaultSettings } from '../settings';
import type { Connected } from './connection';
import type { PollPause } from './poll-scheduler';

/**
 * The connection the core checks cars with. Its signal aborts when the connection ends (sign-out,
 * another sign-in, stop, an expired sign-in), so answers that arrive later for it change nothing.
 */
export interface Link {
  connected: Connected;
  controller: AbortController;
}

/**
 * What the core knows beyond its modules' own state, in one record: the modules of the service
 * read it and change it in place, so each fact has one home.
 */
export interface AppState {
  settings: Settings;
  /** Why settings were reset at start-up, in words (shown in Settings). */
  settingsProblems: string[];
  /** Why the state file is not being saved, in words, or null while it is. */
  stateNotSaved: string | null;
  /** Why the saved state began afresh at start, in words (for the whole run). */
  stateSetAside: string | null;
  /** The last failure the person should see that belongs to no car (sign-in, listing). */
  lastError: string | null;
  popoverOpen: boolean;
  /** Cars whose next check reads the windows whatever their age (the popover opened on old data). */
  windowsAsked: Set<string>;
  online: boolean;
  offlineSince: number | null;
  suspendedSince: number | null;
  /** Checks paused by Volvo (quota, rate limit) or the budget, and since when. */
  paused: { pause: PollPause; since: number } | null;
  signingIn: boolean;
  signInExpiredSince: number | null;
  /** The connection in use, or null while signed out or connecting. */
  link: Link | null;
  started: boolean;
  /**
   * Aborted by every stop(): a sign-in still under way then ends without connecting. A new one
   * is made for the next run.
   */
  run: AbortController;
}

export function createAppState(): AppState {
  return {
    settings: defaultSettings,
    settingsProblems: [],
    stateNotSaved: null,
    stateSetAside: null,
    lastError: null,
    popoverOpen: false,
    windowsAsked: new Set(),
    online: true,
    offlineSince: null,
    suspendedSince: null,
    paused: null,
    signingIn: false,
    signInExpiredSince: null,
    link: null,
    started: false,
    run: new AbortController(),
  };
}
