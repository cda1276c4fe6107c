import { DEMO_OUTAGE_MESSAGE, type DemoAction } from '../../shared/contract';
import type { Snapshot } from '../../shared/snapshot';
import { doorName, windowName } from '../../shared/words/parts';
import { focusVehicle, stateLine } from './tray-state';

/**
 * The tray's context menu, always present (Linux AppIndicator shows only a menu and may never
 * emit a click): the state in words, Open, Lock, Refresh, the vehicles, demo scenarios in demo
 * mode, Settings, Quit. A pure function of the Snapshot, so every state is testable.
 */
/** A menu item as Electron's `Menu.buildFromTemplate` takes it (the subset used here). */
export interface TrayMenuItem {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'radio';
  enabled?: boolean;
  checked?: boolean;
  click?: () => void;
  submenu?: TrayMenuItem[];
}

export interface TrayMenuActions {
  openPopover(): void;
  openSettings(): void;
  lock(vin: string): void;
  refresh(): void;
  selectVehicle(vin: string): void;
  demo(action: DemoAction): void;
  openLogsFolder(): void;
  about(): void;
  quit(): void;
}

/** Demo mode: make the simulated car or API do something worth seeing. */
export const DEMO_SCENARIOS: ReadonlyArray<{ label: string; action: DemoAction }> = [
  {
    label: `Open the ${doorName('frontLeft')}`,
    action: { kind: 'door', door: 'frontLeft', value: 'OPEN' },
  },
  {
    label: `Close the ${doorName('frontLeft')}`,
    action: { kind: 'door', door: 'frontLeft', value: 'CLOSED' },
  },
  {
    label: `Open the ${doorName('tailgate')}`,
    action: { kind: 'door', door: 'tailgate', value: 'OPEN' },
  },
  {
    label: `Close the ${doorName('tailgate')}`,
    action: { kind: 'door', door: 'tailgate', value: 'CLOSED' },
  },
  {
    label: `Open the ${windowName('rearLeft')}`,
    action: { kind: 'window', window: 'rearLeft', value: 'OPEN' },
  },
  {
    label: `Close the ${windowName('rearLeft')}`,
    action: { kind: 'window', window: 'rearLeft', value: 'CLOSED' },
  },
  { label: 'Put the car to sleep', action: { kind: 'sleep', asleep: true } },
  { label: 'Wake the car', action: { kind: 'sleep', asleep: false } },
  { label: 'Start the engine', action: { kind: 'engine', running: true } },
  { label: 'Stop the engine', action: { kind: 'engine', running: false } },
  { label: 'Power-saving mode on', action: { kind: 'power-saving', on: true } },
  { label: 'Power-saving mode off', action: { kind: 'power-saving', on: false } },
  { label: 'A brake light fails', action: { kind: 'brake-light', failed: true } },
  { label: 'Fix the brake light', action: { kind: 'brake-light', failed: false } },
  { label: 'Volvo outage', action: { kind: 'outage', message: DEMO_OUTAGE_MESSAGE } },
  { label: 'End the Volvo outage', action: { kind: 'outage', message: null } },
  { label: 'API: daily quota used up', action: { kind: 'fault', fault: 'quota' } },
  { label: 'API: rate limited', action: { kind: 'fault', fault: 'rate-limit' } },
  { label: 'API: server errors', action: { kind: 'fault', fault: 'server-error' } },
  { label: 'API: garbled answers', action: { kind: 'fault', fault: 'malformed' } },
  { label: 'API: no answer', action: { kind: 'fault', fault: 'timeout' } },
  { label: 'API: unknown values', action: { kind: 'fault', fault: 'unknown-values' } },
  { label: 'API: back to normal', action: { kind: 'fault', fault: 'none' } },
];

export function trayMenuTemplate(snapshot: Snapshot, actions: TrayMenuActions): TrayMenuItem[] {
  const signedIn = snapshot.signIn.state === 'signed-in';
  const vehicle = focusVehicle(snapshot);
  const lockable = signedIn && vehicle !== null && vehicle.command.inProgress === null;
  const items: TrayMenuItem[] = [
    { id: 'state', label: stateLine(snapshot), enabled: false },
    { type: 'separator' },
    { id: 'open', label: 'Open volvo-tray', click: () => actions.openPopover() },
    {
      // The VIN in the id: a menu that looks the same but locks another car is a different menu.
      id: vehicle ? `lock:${vehicle.vin}` : 'lock',
      label: vehicle ? `Lock ${vehicle.name}` : 'Lock',
      enabled: lockable,
      click: () => {
        if (vehicle) actions.lock(vehicle.vin);
      },
    },
    { id: 'refresh', label: 'Refresh', enabled: signedIn, click: () => actions.refresh() },
  ];
  if (snapshot.vehicles.length > 0) {
    items.push({
      id: 'vehicles',
      label: 'Cars',
      submenu: snapshot.vehicles.map((v) => ({
        id: `vehicle:${v.vin}`,
        label: v.name,
        type: 'radio' as const,
        checked: v.vin === vehicle?.vin,
        click: () => actions.selectVehicle(v.vin),
      })),
    });
  }
  if (snapshot.signIn.mode === 'demo' && signedIn) {
    items.push({
      id: 'demo',
      label: 'Demo scenarios',
      submenu: DEMO_SCENARIOS.map((scenario) => ({
        label: scenario.label,
        click: () => actions.demo(scenario.action),
      })),
    });
  }
  items.push(
    { type: 'separator' },
    { id: 'settings', label: 'Settings…', click: () => actions.openSettings() },
    { id: 'logs', label: 'Open logs folder', click: () => actions.openLogsFolder() },
    { id: 'about', label: 'About volvo-tray', click: () => actions.about() },
    { id: 'quit', label: 'Quit volvo-tray', click: () => actions.quit() },
  );
  return items;
}
