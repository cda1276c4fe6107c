import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Snapshot, VehicleView } from '../../shared/snapshot';
import type { VolvoBridge } from '../bridge';
import type { View } from '../hooks/useViewRoute';
import { ActivityIcon, BackIcon, RefreshIcon, SettingsIcon } from './icons';

interface HeaderProps {
  snapshot: Snapshot;
  vehicle: VehicleView | null;
  bridge: VolvoBridge;
  view: View;
  open: (view: View) => void;
  back: () => void;
  signedOut: boolean;
}

const TITLES: Record<Exclude<View, 'home'>, string> = {
  activity: 'Activity',
  settings: 'Settings',
};

/** The top bar: the car and its picker at home, a way back in sub-views. */
export function Header({ snapshot, vehicle, bridge, view, open, back, signedOut }: HeaderProps) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [refreshing, setRefreshing] = useState(false);
  // A check takes a moment (the car is asked for doors and windows): the icon turns meanwhile,
  // and presses while it runs are one check.
  const refresh = async () => {
    if (refreshing) return;
    setRefreshing(true);
    await bridge.refresh();
    setRefreshing(false);
  };
  // Entering a sub-view moves focus to its title, so keyboard and screen reader users land there.
  useEffect(() => {
    if (view !== 'home') titleRef.current?.focus();
  }, [view]);
  if (view !== 'home') {
    return (
      <header className="header">
        <IconButton label="Back" onClick={back}>
          <BackIcon />
        </IconButton>
        <h1 className="header-title" id="view-title" tabIndex={-1} ref={titleRef}>
          {TITLES[view]}
          {view === 'activity' && vehicle ? (
            <span className="header-sub"> · {vehicle.name}</span>
          ) : null}
        </h1>
      </header>
    );
  }
  // The picker offers the cars volvo-tray watches: an unwatched one is neither checked nor
  // followed after a command. The car on show stays in the list whatever it is.
  const choices = snapshot.vehicles.filter((v) => v.watched || v.vin === vehicle?.vin);
  const several = choices.length > 1;
  return (
    <header className="header">
      <div className="header-car">
        {signedOut || !vehicle ? (
          <h1 className="header-title">volvo-tray</h1>
        ) : several ? (
          <>
            <h1 className="visually-hidden">{vehicle.name}</h1>
            <select
              className="car-picker"
              aria-label="Car"
              value={vehicle.vin}
              onChange={(event) => void bridge.selectVehicle(event.target.value)}
            >
              {choices.map((v) => (
                <option key={v.vin} value={v.vin}>
                  {v.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          <h1 className="header-title" title={vehicle.description ?? undefined}>
            {vehicle.name}
          </h1>
        )}
      </div>
      {!signedOut && vehicle ? (
        <>
          <IconButton label="Check the car now" busy={refreshing} onClick={() => void refresh()}>
            <RefreshIcon />
          </IconButton>
          <IconButton label="Activity" opens="activity" onClick={() => open('activity')}>
            <ActivityIcon />
          </IconButton>
        </>
      ) : null}
      <IconButton label="Settings" opens="settings" onClick={() => open('settings')}>
        <SettingsIcon />
      </IconButton>
    </header>
  );
}

/** A square button with an icon; its label is its accessible name and its tooltip. */
function IconButton({
  label,
  opens,
  busy = false,
  onClick,
  children,
}: {
  label: string;
  /** Working on it: the icon turns. */
  busy?: boolean;
  /** The view it opens: focus comes back here when that view is left. */
  opens?: View;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="icon-button"
      onClick={onClick}
      data-opens={opens}
      aria-busy={busy || undefined}
      aria-label={label}
      title={label}
    >
      {children}
    </button>
  );
}
