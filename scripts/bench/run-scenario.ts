import { type TrackedRequest, trackingFetch } from '../../main/core/app/testing/tracking-fetch';
import type { DoorName, Doors, LockState } from '../../shared/vehicle';
import { type Scenario, startScenario } from '../../test-support/scenario';
import { DAY, type Episode } from './day-plan';
import { startFixedPoller } from './fixed-poller';

/**
 * Replays planned episodes against the embedded simulator on a FakeClock, with the app and the
 * fixed pollers watching the same cars side by side, and records what each costs and when each
 * first saw every unlock and every door opening.
 */

/** The fixed pollers beside the app: what peers do, and the floor. */
export const FIXED_POLLERS = [
  { watcher: 'fixed-60', intervalMs: 60_000, readWindows: true },
  { watcher: 'fixed-300', intervalMs: 300_000, readWindows: true },
  { watcher: 'floor', intervalMs: 300_000, readWindows: false },
] as const;

export type Watcher = 'app' | (typeof FIXED_POLLERS)[number]['watcher'];
export const WATCHERS: readonly Watcher[] = ['app', ...FIXED_POLLERS.map((p) => p.watcher)];

export interface Sighting {
  episode: Episode;
  /** How long after the unlock (ms) each watcher first saw the car unlocked; absent: never. */
  unlockSeen: Partial<Record<Watcher, number>>;
  /** How long after the door opened (ms) each watcher first saw it open; absent: never. */
  openSeen: Partial<Record<Watcher, number>>;
  /**
   * How long after the engine started (ms) the watcher raised "Engine running, car parked";
   * absent: never. Only volvo-tray reads the engine: the fixed pollers read doors and windows.
   */
  engineSeen: Partial<Record<Watcher, number>>;
}

export interface ScenarioResult {
  /** Requests to the Connected Vehicle API per car per day. */
  requestsPerCarDay: Record<Watcher, number>;
  sightings: Sighting[];
}

/**
 * Runs `days` days with the episodes `planFor` writes for the simulator's cars; `settings` are
 * the app's (default: a fresh install's).
 */
export async function runScenario(
  days: number,
  planFor: (vins: readonly string[]) => Episode[],
  settings?: unknown,
): Promise<ScenarioResult> {
  const scenario: Scenario = await startScenario({ settings });
  const { clock } = scenario;
  const sim = scenario.sim();
  const vins = sim.vins;
  const start = clock.now();
  const sightings: Sighting[] = planFor(vins).map((episode) => ({
    episode,
    unlockSeen: {},
    openSeen: {},
    engineSeen: {},
  }));

  const observe = (
    watcher: Watcher,
    vin: string,
    lock: LockState | undefined,
    doors: Doors | null,
  ) => {
    const now = clock.now() - start;
    for (const sighting of sightings) {
      const { episode } = sighting;
      if (episode.vin !== vin || now < episode.unlockAt || now >= episode.lockAt) continue;
      const door = doors?.[episode.door as Exclude<DoorName, 'tankLid'>];
      if (
        sighting.openSeen[watcher] === undefined &&
        now >= episode.openAt &&
        now < episode.closeAt &&
        door?.value === 'OPEN'
      ) {
        sighting.openSeen[watcher] = now - episode.openAt;
      }
      if (sighting.unlockSeen[watcher] === undefined && lock === 'UNLOCKED') {
        sighting.unlockSeen[watcher] = now - episode.unlockAt;
      }
    }
  };
  const noticeEngine = (vin: string) => {
    const now = clock.now() - start;
    for (const sighting of sightings) {
      const { episode } = sighting;
      if (episode.vin !== vin || !episode.engine) continue;
      const { startAt, stopAt } = episode.engine;
      if (now >= startAt && now < stopAt && sighting.engineSeen.app === undefined) {
        sighting.engineSeen.app = now - startAt;
      }
    }
  };
  scenario.service.onSnapshot((snapshot) => {
    for (const vehicle of snapshot.vehicles) {
      observe('app', vehicle.vin, vehicle.lock?.value, vehicle.doors);
      if (vehicle.alerts.some((alert) => alert.rule === 'engine-running' && alert.notified)) {
        noticeEngine(vehicle.vin);
      }
    }
  });

  const pollers = FIXED_POLLERS.map(({ watcher, intervalMs, readWindows }) => {
    const http = trackingFetch();
    const poller = startFixedPoller({
      simulator: sim,
      clock,
      fetch: http.fetch,
      vins,
      intervalMs,
      readWindows,
      onDoors: (vin, report) => observe(watcher, vin, report.lock.value, report.doors),
    });
    return { watcher, http, poller };
  });

  for (const { episode } of sightings) {
    const car = sim.vehicle(episode.vin);
    const at = (offset: number, action: () => void) =>
      clock.setTimeout(action, start + offset - clock.now());
    at(episode.unlockAt, () => car.setLock('UNLOCKED'));
    at(episode.openAt, () => car.setDoor(episode.door, 'OPEN'));
    at(episode.closeAt, () => car.setDoor(episode.door, 'CLOSED'));
    at(episode.lockAt, () => car.setLock('LOCKED'));
    if (episode.engine) {
      at(episode.engine.startAt, () => car.setEngine('RUNNING'));
      at(episode.engine.stopAt, () => car.setEngine('STOPPED'));
    }
  }
  const settle = async () => {
    await scenario.http.idle();
    for (const { http } of pollers) await http.idle();
    await scenario.http.idle();
  };
  await clock.advance(days * DAY - (clock.now() - start), settle);
  for (const { poller } of pollers) poller.stop();
  await scenario.close();

  const perCarDay = (requests: readonly TrackedRequest[]) =>
    requests.filter((request) => request.url.pathname.startsWith('/connected-vehicle/')).length /
    vins.length /
    days;
  const requestsPerCarDay = { app: perCarDay(scenario.http.requests) } as Record<Watcher, number>;
  for (const { watcher, http } of pollers) requestsPerCarDay[watcher] = perCarDay(http.requests);
  return { requestsPerCarDay, sightings };
}
