import { describe, expect, it } from 'vitest';
import {
  closedDoors,
  signedOut,
  snapshot,
  VIN_1,
  VIN_2,
  vehicleView,
} from '../../test-support/snapshots';
import { stateLine, TOOLTIP_MAX, trayState, trayTooltip } from './tray-state';

const AT = '2026-11-27T08:00:00.000Z';
const doorOpenAlert = {
  id: 'door-open:1',
  rule: 'door-open' as const,
  title: 'A door is open',
  message: 'The rear left door has been open for 5 minutes.',
  since: AT,
  notified: true,
};

describe('trayState', () => {
  it('locked and unlocked follow the selected car', () => {
    expect(trayState(snapshot())).toBe('locked');
    const unlocked = vehicleView({
      summary: 'unlocked',
      lock: { value: 'UNLOCKED', timestamp: AT },
    });
    expect(trayState(snapshot({ vehicles: [unlocked] }))).toBe('unlocked');
  });

  it('signed out or expired shows signed out, whatever else is known', () => {
    expect(trayState(signedOut())).toBe('signed-out');
    expect(
      trayState(
        snapshot({
          signIn: {
            state: 'expired',
            mode: 'volvo-id',
            tokenExpiresAt: null,
            message: null,
            commandsRefused: null,
          },
        }),
      ),
    ).toBe('signed-out');
  });

  it('busy while signing in, loading or a command is on its way', () => {
    expect(
      trayState(
        snapshot({
          signIn: {
            state: 'signing-in',
            mode: 'demo',
            tokenExpiresAt: null,
            message: null,
            commandsRefused: null,
          },
        }),
      ),
    ).toBe('busy');
    expect(
      trayState(snapshot({ vehicles: [vehicleView({ freshness: { state: 'loading' } })] })),
    ).toBe('busy');
    const locking = vehicleView({
      summary: 'unlocked',
      command: {
        inProgress: { command: 'lock', startedAt: AT, message: 'Locking… waiting for the car' },
        last: null,
        unlockWindowUntil: null,
      },
    });
    expect(trayState(snapshot({ vehicles: [locking] }))).toBe('busy');
  });

  it('attention for an alert on any car or an open door on the selected one', () => {
    const other = vehicleView({ vin: VIN_2, name: 'XC90', alerts: [doorOpenAlert] });
    expect(trayState(snapshot({ vehicles: [vehicleView(), other] }))).toBe('attention');
    const open = vehicleView({
      summary: 'open',
      doors: { ...closedDoors(), rearLeft: { value: 'OPEN', timestamp: AT } },
    });
    expect(trayState(snapshot({ vehicles: [open] }))).toBe('attention');
  });

  it('never a confident "locked" from data it cannot trust', () => {
    expect(trayState(snapshot({ online: false }))).toBe('stale');
    expect(
      trayState(
        snapshot({
          vehicles: [vehicleView({ freshness: { state: 'stale', since: AT, reason: 'timeout' } })],
        }),
      ),
    ).toBe('stale');
    expect(trayState(snapshot({ vehicles: [vehicleView({ summary: 'unknown' })] }))).toBe('stale');
    expect(trayState(snapshot({ vehicles: [], selectedVin: null }))).toBe('stale');
  });
});

describe('the tray in words', () => {
  it('says what the icon shows', () => {
    expect(stateLine(snapshot())).toBe('XC40: Locked');
    expect(trayTooltip(snapshot())).toBe('volvo-tray\nXC40: Locked');
    expect(stateLine(signedOut())).toBe('Signed out');
  });

  it('names open doors and windows, and says when data is not current', () => {
    const vehicle = vehicleView({
      summary: 'open',
      lock: { value: 'UNLOCKED', timestamp: AT },
      doors: {
        ...closedDoors(),
        rearLeft: { value: 'OPEN', timestamp: AT },
        tankLid: { value: 'AJAR', timestamp: AT },
      },
      freshness: { state: 'offline', since: AT },
    });
    expect(stateLine(snapshot({ vehicles: [vehicle], online: false }))).toBe(
      'Offline. XC40: Unlocked, rear left door open, tank lid ajar (offline, last known)',
    );
  });

  it('a part whose state is unknown is named, and the icon is the grey one, never locked', () => {
    const vehicle = vehicleView({
      summary: 'unknown',
      doors: {
        ...closedDoors(),
        frontLeft: { value: 'UNKNOWN', timestamp: AT, reported: 'UNSPECIFIED' },
      },
    });
    const shown = snapshot({ vehicles: [vehicle] });
    expect(trayState(shown)).toBe('stale');
    expect(stateLine(shown)).toBe('XC40: Locked, front left door unknown');
  });

  it('lists every car, the selected one first, within the Windows tooltip limit', () => {
    const second = vehicleView({
      vin: VIN_2,
      name: 'XC90',
      summary: 'unlocked',
      lock: { value: 'UNLOCKED', timestamp: AT },
    });
    const tooltip = trayTooltip(
      snapshot({ vehicles: [vehicleView(), second], selectedVin: VIN_2 }),
    );
    expect(tooltip).toBe('volvo-tray\nXC90: Unlocked\nXC40: Locked');
    const many = Array.from({ length: 9 }, (_, i) =>
      vehicleView({ vin: `${VIN_1.slice(0, 16)}${i}`, name: `Volvo number ${i}` }),
    );
    expect(trayTooltip(snapshot({ vehicles: many })).length).toBeLessThanOrEqual(TOOLTIP_MAX);
  });
});
