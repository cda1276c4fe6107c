import { net, powerMonitor } from 'electron';
import type { AppService } from '../core/app/types';
import type { Clock, TimerHandle } from '../core/ports';

/**
 * Feeds the computer's state into the core: sleep and wake, the screen lock, and network
 * reachability. Polling pauses while nobody can see it (asleep, or the screen locked: macOS and
 * Windows report it) and catches up once when both are over, so the popover is fresh when the
 * user is back without spending quota while they are away. Waking to the lock screen is not
 * back yet: the catch-up waits for the unlock. `net.isOnline()` has no change event, so it is
 * polled.
 */
export type SystemEventTarget = Pick<AppService, 'systemSuspended' | 'systemResumed' | 'setOnline'>;

export interface SystemEventOptions {
  clock: Clock;
  /** How often to check `net.isOnline()`. Default 10 s. */
  onlinePollMs?: number;
  /** The screen was locked: the shell hides the popover. */
  onScreenLocked?: () => void;
}

/** Starts watching; returns the function that stops it. */
export function watchSystemEvents(
  target: SystemEventTarget,
  options: SystemEventOptions,
): () => void {
  const pollMs = options.onlinePollMs ?? 10_000;
  let online = net.isOnline();
  let timer: TimerHandle | null = null;
  target.setOnline(online);

  const pollOnline = () => {
    const now = net.isOnline();
    if (now !== online) {
      online = now;
      target.setOnline(now);
    }
    timer = options.clock.setTimeout(pollOnline, pollMs);
  };
  timer = options.clock.setTimeout(pollOnline, pollMs);

  let asleep = false;
  let screenLocked = false;
  const update = (change: () => void) => {
    const wasAway = asleep || screenLocked;
    change();
    const away = asleep || screenLocked;
    if (away && !wasAway) target.systemSuspended();
    if (!away && wasAway) target.systemResumed();
  };
  const suspended = () =>
    update(() => {
      asleep = true;
    });
  const resumed = () =>
    update(() => {
      asleep = false;
    });
  const locked = () => {
    options.onScreenLocked?.();
    update(() => {
      screenLocked = true;
    });
  };
  const unlocked = () =>
    update(() => {
      screenLocked = false;
    });

  powerMonitor.on('suspend', suspended);
  powerMonitor.on('resume', resumed);
  powerMonitor.on('lock-screen', locked);
  powerMonitor.on('unlock-screen', unlocked);

  return () => {
    if (timer !== null) options.clock.clearTimeout(timer);
    timer = null;
    powerMonitor.off('suspend', suspended);
    powerMonitor.off('resume', resumed);
    powerMonitor.off('lock-screen', locked);
    powerMonitor.off('unlock-screen', unlocked);
  };
}
