import type { Snapshot, VehicleView } from '../shared/snapshot';
import type { Doors, OpenState, Reading, Windows } from '../shared/vehicle';
import { DEFAULT_CLOCK_STYLE } from '../shared/words/time';

/** Snapshots for the shell's tests: a signed-in demo account with one locked, closed car. */

const AT = '2026-11-27T08:00:00.000Z';

export const VIN_1 = 'YV1XZK9V2PA000001';
export const VIN_2 = 'YV4A22PL3N1000002';

const closed = (): Reading<OpenState> => ({ value: 'CLOSED', timestamp: AT });

export function closedDoors(): Doors {
  return {
    frontLeft: closed(),
    frontRight: closed(),
    rearLeft: closed(),
    rearRight: closed(),
    hood: closed(),
    tailgate: closed(),
  };
}

export function closedWindows(): Windows {
  return { frontLeft: closed(), frontRight: closed(), rearLeft: closed(), rearRight: closed() };
}

export function vehicleView(overrides: Partial<VehicleView> = {}): VehicleView {
  return {
    vin: VIN_1,
    name: 'XC40',
    description: 'XC40 · 2023 · Crystal White',
    watched: true,
    summary: 'locked',
    lock: { value: 'LOCKED', timestamp: AT },
    doors: closedDoors(),
    windows: closedWindows(),
    fetchedAt: AT,
    freshness: { state: 'live' },
    alerts: [],
    command: { inProgress: null, last: null, unlockWindowUntil: null },
    capabilities: { lockReducedGuard: true, findMyCar: 'available' },
    warnings: [],
    reachability: null,
    lastError: null,
    ...overrides,
  };
}

export function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    revision: 1,
    signIn: {
      state: 'signed-in',
      mode: 'demo',
      tokenExpiresAt: null,
      message: null,
      commandsRefused: null,
    },
    vehicles: [vehicleView()],
    selectedVin: VIN_1,
    quota: {
      usedToday: 12,
      budget: 5000,
      resetsAt: '2026-11-28T00:00:00.000Z',
      exhaustedUntil: null,
      slowdown: null,
      message: null,
    },
    shortcut: { accelerator: 'CommandOrControl+Alt+L', registered: true, message: null },
    online: true,
    settingsProblems: [],
    stateNotSaved: null,
    stateSetAside: null,
    vaultWarning: null,
    lastError: null,
    popoverOpen: false,
    clock: DEFAULT_CLOCK_STYLE,
    ...overrides,
  };
}

export function signedOut(): Snapshot {
  return snapshot({
    signIn: {
      state: 'signed-out',
      mode: null,
      tokenExpiresAt: null,
      message: null,
      commandsRefused: null,
    },
    vehicles: [],
    selectedVin: null,
  });
}
