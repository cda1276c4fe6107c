import { describe, expect, it } from 'vitest';
import type { DemoAction } from '../../shared/contract';
import { signedOut, snapshot, VIN_1, VIN_2, vehicleView } from '../../test-support/snapshots';
import { DEMO_SCENARIOS, type TrayMenuItem, trayMenuTemplate } from './tray-menu';

function recorder() {
  const calls: string[] = [];
  const demos: DemoAction[] = [];
  return {
    calls,
    demos,
    actions: {
      openPopover: () => calls.push('open'),
      openSettings: () => calls.push('settings'),
      lock: (vin: string) => calls.push(`lock ${vin}`),
      refresh: () => calls.push('refresh'),
      selectVehicle: (vin: string) => calls.push(`select ${vin}`),
      demo: (action: DemoAction) => demos.push(action),
      openLogsFolder: () => calls.push('logs'),
      about: () => calls.push('about'),
      quit: () => calls.push('quit'),
    },
  };
}

const labels = (items: TrayMenuItem[]) =>
  items.map((item) =>
    item.type === 'separator'
      ? '---'
      : `${item.label}${item.enabled === false ? ' (disabled)' : ''}`,
  );

function find(items: TrayMenuItem[], id: string): TrayMenuItem {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
}

describe('the tray menu', () => {
  it('signed in (demo): state, Open, Lock, Refresh, vehicles, demo scenarios, Settings, logs, About, Quit', () => {
    const { actions } = recorder();
    expect(labels(trayMenuTemplate(snapshot(), actions))).toEqual([
      'XC40: Locked (disabled)',
      '---',
      'Open volvo-tray',
      'Lock XC40',
      'Refresh',
      'Cars',
      'Demo scenarios',
      '---',
      'Settings…',
      'Open logs folder',
      'About volvo-tray',
      'Quit volvo-tray',
    ]);
  });

  it('signed out: the same frame, Lock and Refresh disabled, no demo scenarios', () => {
    const { actions } = recorder();
    expect(labels(trayMenuTemplate(signedOut(), actions))).toEqual([
      'Signed out (disabled)',
      '---',
      'Open volvo-tray',
      'Lock (disabled)',
      'Refresh (disabled)',
      '---',
      'Settings…',
      'Open logs folder',
      'About volvo-tray',
      'Quit volvo-tray',
    ]);
  });

  it('no demo scenarios with a real Volvo ID account', () => {
    const { actions } = recorder();
    const items = trayMenuTemplate(
      snapshot({
        signIn: {
          state: 'signed-in',
          mode: 'volvo-id',
          tokenExpiresAt: null,
          message: null,
          commandsRefused: null,
        },
      }),
      actions,
    );
    expect(items.some((item) => item.id === 'demo')).toBe(false);
  });

  it('Lock is disabled while a command is on its way', () => {
    const { actions } = recorder();
    const busy = vehicleView({
      command: {
        inProgress: {
          command: 'unlock',
          startedAt: '2026-11-27T08:00:00.000Z',
          message: 'Unlocking…',
        },
        last: null,
        unlockWindowUntil: null,
      },
    });
    expect(
      find(trayMenuTemplate(snapshot({ vehicles: [busy] }), actions), `lock:${VIN_1}`).enabled,
    ).toBe(false);
  });

  it('each item does what it says', () => {
    const { actions, calls, demos } = recorder();
    const two = snapshot({
      vehicles: [vehicleView(), vehicleView({ vin: VIN_2, name: 'XC90' })],
      selectedVin: VIN_2,
    });
    const items = trayMenuTemplate(two, actions);
    for (const id of ['open', `lock:${VIN_2}`, 'refresh', 'settings', 'quit'])
      find(items, id).click?.();
    const vehicles = find(items, 'vehicles').submenu ?? [];
    expect(vehicles.map((v) => [v.label, v.checked])).toEqual([
      ['XC40', false],
      ['XC90', true],
    ]);
    vehicles[0]?.click?.();
    const scenarios = find(items, 'demo').submenu ?? [];
    expect(scenarios).toHaveLength(DEMO_SCENARIOS.length);
    scenarios[0]?.click?.();
    expect(calls).toEqual([
      'open',
      `lock ${VIN_2}`,
      'refresh',
      'settings',
      'quit',
      `select ${VIN_1}`,
    ]);
    expect(demos).toEqual([{ kind: 'door', door: 'frontLeft', value: 'OPEN' }]);
  });

  it('names the demo scenarios’ parts as the popover names them', () => {
    expect(DEMO_SCENARIOS.filter((s) => s.action.kind !== 'fault').map((s) => s.label)).toEqual([
      'Open the front left door',
      'Close the front left door',
      'Open the tailgate',
      'Close the tailgate',
      'Open the rear left window',
      'Close the rear left window',
      'Put the car to sleep',
      'Wake the car',
      'Start the engine',
      'Stop the engine',
      'Power-saving mode on',
      'Power-saving mode off',
      'A brake light fails',
      'Fix the brake light',
      'Volvo outage',
      'End the Volvo outage',
    ]);
  });
});
