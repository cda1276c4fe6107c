import type { DemoAction, DemoFault } from '../../shared/contract';
import type { DemoBackend, StartDemoBackend } from '../core/ports';
import {
  type SimFault,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from '../simulator/index';

/**
 * Demo mode's backend: the embedded simulator, adapted to the core's {@link DemoBackend} port.
 * The composition roots (the Electron entry, the browser host, the CLI, test support) pass it
 * to the core; the core and the simulator never import each other.
 */

/** Options for the simulator beyond the app's clock and logger, and a hook to reach it. */
export interface EmbeddedDemoOptions {
  simulator?: Omit<SimulatorOptions, 'clock' | 'logger'>;
  /** Told the simulator each time one starts (tests drive the car through it). */
  onStart?(simulator: Simulator): void;
}

/** Starts the embedded simulator as demo mode's backend. */
export function embeddedDemo(options: EmbeddedDemoOptions = {}): StartDemoBackend {
  return async ({ clock, logger }) => {
    const simulator = await startSimulator({ ...options.simulator, clock, logger });
    options.onStart?.(simulator);
    return demoBackendOf(simulator);
  };
}

function demoBackendOf(simulator: Simulator): DemoBackend {
  return {
    baseUrl: simulator.baseUrl,
    client: simulator.client,
    apiKey: simulator.apiKey,
    vins: simulator.vins,
    apply: (action, vin) => applyAction(simulator, action, vin),
    close: () => simulator.close(),
  };
}

function applyAction(simulator: Simulator, action: DemoAction, vin: string): void {
  if (action.kind === 'fault') {
    simulator.setFault(faultFor(action.fault));
    return;
  }
  if (action.kind === 'outage') {
    simulator.setOutage(action.message);
    return;
  }
  const vehicle = simulator.vehicle(vin);
  switch (action.kind) {
    case 'door':
      vehicle.setDoor(action.door, action.value);
      return;
    case 'window':
      vehicle.setWindow(action.window, action.value);
      return;
    case 'sleep':
      vehicle.setAsleep(action.asleep);
      return;
    case 'engine':
      vehicle.setEngine(action.running ? 'RUNNING' : 'STOPPED');
      return;
    case 'power-saving':
      vehicle.setOutOfReach(action.on ? 'POWER_SAVING_MODE' : null);
      return;
    case 'brake-light':
      vehicle.setLampFailure('brakeLightCenterWarning', action.failed);
      return;
  }
}

function faultFor(fault: DemoFault): SimFault | null {
  switch (fault) {
    case 'none':
      return null;
    case 'quota':
      return { kind: 'quota-exhausted' };
    case 'rate-limit':
      return { kind: 'rate-limit', retryAfterSeconds: 60 };
    case 'server-error':
      return { kind: 'status', status: 503, count: 3 };
    case 'malformed':
      return { kind: 'malformed' };
    case 'timeout':
      return { kind: 'timeout' };
    case 'unknown-values':
      return { kind: 'unknown-values' };
  }
}
