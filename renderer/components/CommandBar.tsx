import { useEffect, useState } from 'react';
import type { ShortcutView, VehicleView } from '../../shared/snapshot';
import { msUntil } from '../../shared/words/time';
import type { VolvoBridge } from '../bridge';
import { isMac } from '../format/accelerator';
import { type Sending, statusLine, unlockWindowLeft } from '../format/status-line';
import { useClockStyle } from '../hooks/useClockStyle';
import { useStateChangedSince } from '../hooks/useStateChangedSince';
import { useTimeWords } from '../hooks/useTimeWords';
import { LockIcon, UnlockIcon } from './icons';

interface Armed {
  vin: string;
  token: string;
  expiresAt: string;
}

interface CommandBarProps {
  vehicle: VehicleView;
  /** The lock shortcut, offered as a tip while nothing else needs the status line. */
  shortcut: ShortcutView;
  /** Why this sign-in cannot lock or unlock (status only), or null. */
  commandsRefused: string | null;
  bridge: VolvoBridge;
}

/**
 * Lock and Unlock, and Honk & flash (find my car) where the car and the sign-in allow it. Unlock
 * takes two presses: the first asks the core for a confirmation token,
 * the second (within the token's life) sends the command. Progress, the outcome sentence and the
 * unlock window's countdown share one status line whose space is always reserved.
 */
export function CommandBar({ vehicle, shortcut, commandsRefused, bridge }: CommandBarProps) {
  const [reducedGuard, setReducedGuard] = useState(false);
  const [armed, setArmed] = useState<Armed | null>(null);
  const [sending, setSending] = useState<Sending>(null);
  const [error, setError] = useState<string | null>(null);
  const clock = useClockStyle();
  const { inProgress, last, unlockWindowUntil } = vehicle.command;
  const busy = sending !== null || inProgress !== null || commandsRefused !== null;
  const armedHere = armed && armed.vin === vehicle.vin ? armed : null;
  const stateChangedSinceOutcome = useStateChangedSince(vehicle, last);
  // What time changes on screen: the line (a countdown, an outcome said for a minute) and the
  // unlock window's bar, in the whole seconds it shows.
  const { status, windowOpen, windowSeconds } = useTimeWords((now) => {
    const windowLeft = unlockWindowLeft(vehicle, now);
    return {
      status: statusLine({
        vehicle,
        sending,
        armed: armedHere,
        error,
        shortcut,
        stateChangedSinceOutcome,
        commandsRefused,
        isMac,
        now,
        clock,
      }),
      windowOpen: windowLeft > 0,
      windowSeconds: Math.round(windowLeft / 1000),
    };
  });

  // Escape takes back an armed "Confirm unlock" (before the popover's own Escape closes it).
  useEffect(() => {
    if (!armedHere) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setArmed(null);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [armedHere]);

  // The confirmation lapses with its token.
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(null), msUntil(armed.expiresAt, Date.now()));
    return () => clearTimeout(timer);
  }, [armed]);

  const lock = async () => {
    if (busy) return;
    setArmed(null);
    setError(null);
    setSending('lock');
    const result = await bridge.lock(vehicle.vin, reducedGuard ? { reducedGuard: true } : {});
    setSending(null);
    if (!result.ok) setError(result.error);
  };

  // Find my car: one press, no confirmation (it changes nothing on the car but noise and light).
  const findingCar = sending === 'find-my-car' || inProgress?.command === 'honk-flash';
  const findMyCar = async () => {
    if (sending !== null || inProgress !== null) return;
    setArmed(null);
    setError(null);
    setSending('find-my-car');
    const result = await bridge.findMyCar(vehicle.vin);
    setSending(null);
    if (!result.ok) setError(result.error);
  };

  const unlock = async () => {
    if (busy) return;
    setError(null);
    if (!armedHere) {
      setSending('prepare');
      const prepared = await bridge.prepareUnlock(vehicle.vin);
      setSending(null);
      if (prepared.ok) setArmed({ vin: vehicle.vin, ...prepared.value });
      else setError(prepared.error);
      return;
    }
    setArmed(null);
    setSending('unlock');
    const result = await bridge.unlock(vehicle.vin, armedHere.token);
    setSending(null);
    if (!result.ok) setError(result.error);
  };

  const windowTotalSeconds =
    unlockWindowUntil && last?.command === 'unlock'
      ? Math.max(
          windowSeconds,
          Math.round((Date.parse(unlockWindowUntil) - Date.parse(last.at)) / 1000),
        )
      : windowSeconds;

  // The live region holds sentences that change with events, not every second; the ticking
  // countdowns sit beside it, hidden from screen readers.

  return (
    <section className="commands" aria-label="Lock, unlock and find my car">
      <div className={`command-status tone-${status?.tone ?? 'neutral'}`}>
        {status?.busy ? <span className="spinner" aria-hidden="true" /> : null}
        <span role="status" data-testid="command-status" title={status?.text}>
          {status?.text ?? ''}
        </span>
        {status?.ticking ? (
          <span className="countdown" aria-hidden="true" data-testid="countdown">
            {status.ticking}
          </span>
        ) : null}
        {windowOpen && !inProgress && !armedHere ? (
          <progress
            className="unlock-window"
            max={Math.max(1, windowTotalSeconds)}
            value={windowSeconds}
            aria-label="Time left to open a door"
          />
        ) : null}
      </div>
      <div className="command-buttons">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void lock()}
          aria-disabled={busy}
        >
          <LockIcon />
          {inProgress?.command === 'lock' ||
          inProgress?.command === 'lock-reduced-guard' ||
          sending === 'lock'
            ? 'Locking…'
            : 'Lock'}
        </button>
        <button
          type="button"
          className={`button ${armedHere ? 'button-confirm' : 'button-secondary'}`}
          onClick={() => void unlock()}
          aria-disabled={busy}
        >
          <UnlockIcon />
          {inProgress?.command === 'unlock' || sending === 'unlock'
            ? 'Unlocking…'
            : armedHere
              ? 'Confirm unlock'
              : 'Unlock'}
        </button>
      </div>
      {vehicle.capabilities.lockReducedGuard || vehicle.capabilities.findMyCar === 'available' ? (
        <div className="command-extras">
          {vehicle.capabilities.lockReducedGuard ? (
            <label
              className="check"
              title="Reduced guard: the interior motion and tilt sensors stay off, for a pet or person inside."
            >
              <input
                type="checkbox"
                checked={reducedGuard}
                onChange={(event) => setReducedGuard(event.target.checked)}
              />
              Lock with reduced guard
            </label>
          ) : null}
          {vehicle.capabilities.findMyCar === 'available' ? (
            <button
              type="button"
              className="button button-quiet find-my-car"
              title="Find my car: the car honks and flashes its lights."
              onClick={() => void findMyCar()}
              aria-disabled={sending !== null || inProgress !== null}
            >
              {findingCar ? 'Honking…' : 'Honk & flash'}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
