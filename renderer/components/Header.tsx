import { useEffect, useRef } from 'react';
import type { Snapshot, VehicleView } from '../../main/core/app/snapshot';
import type { VolvoBridge } from '../bridge';
import { carLabel } from '../format/summary';
import type { View } from './App';
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
  // Entering a sub-view moves focus to its title, so keyboard and screen reader users land there.
  useEffect(() => {
    if (view !== 'home') titleRef.current?.focus();
  }, [view]);
  if (view !== 'home') {
    return (
      <header className="header">
        <button type="button" className="icon-button" onClick={back} aria-label="Back">
          <BackIcon />
        </button>
        <h1 className="header-title" id="view-title" tabIndex={-1} ref={titleRef}>
          {TITLES[view]}
          {view === 'activity' && vehicle ? (
            <span className="header-sub"> · {carLabel(vehicle)}</span>
          ) : null}
        </h1>
      </header>
    );
  }
  const several = snapshot.vehicles.length > 1;
  return (
    <header className="header">
      <div className="header-car">
        {signedOut || !vehicle ? (
          <h1 className="header-title">volvo-tray</h1>
        ) : several ? (
          <>
            <h1 className="visually-hidden">{carLabel(vehicle)}</h1>
            <select
              className="car-picker"
              aria-label="Car"
              value={vehicle.vin}
              onChange={(event) => void bridge.selectVehicle(event.target.value)}
            >
              {snapshot.vehicles.map((v) => (
                <option key={v.vin} value={v.vin}>
                  {carLabel(v)}
                </option>
              ))}
            </select>
          </>
        ) : (
          <h1 className="header-title">{carLabel(vehicle)}</h1>
        )}
      </div>
      {!signedOut && vehicle ? (
        <>
          <button
            type="button"
            className="icon-button"
            onClick={() => void bridge.refresh()}
            aria-label="Check the car now"
            title="Check the car now"
          >
            <RefreshIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={() => open('activity')}
            data-opens="activity"
            aria-label="Activity"
            title="Activity"
          >
            <ActivityIcon />
          </button>
        </>
      ) : null}
      <button
        type="button"
        className="icon-button"
        onClick={() => open('settings')}
        data-opens="settings"
        aria-label="Settings"
        title="Settings"
      >
        <SettingsIcon />
      </button>
    </header>
  );
}
