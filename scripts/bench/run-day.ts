import { type Scenario, startScenario } from '../../main/core/app/testing/scenario';
import { trackingFetch } from '../../main/core/app/testing/tracking-fetch';
import type { DoorName, Doors, LockState } from '../../main/core/volvo/model';
import { DAY, type Episode, type OpeningKind } from './day-plan';
import { startFixedPoller } from './fixed-poller';

/**
 * Replays one simulated day against the embedded simulator on a FakeClock, with the app and a
 * fixed 60 s poller watching the same cars side by side, and measures what each costs and
 * how quickly each notices what happens.
 */

export type Watcher = 'app' | 'fixed';

export interface DayResult {
  /** Requests to the Connected Vehicle API per car over the day. */
  requestsPerCar: Record<Watcher, number>;
  /** Door-open detection delays (ms) by kind of opening; openings never seen are in `missed`. */
  doorDelays: Record<Watcher, Record<OpeningKind, number[]>>;
  missed: Record<Watcher, Record<OpeningKind, number>>;
  /** How long after an unlock each noticed it (ms). */
  unlockDelays: Record<Watcher, number[]>;
}

interface Tracked {
  episode: Episode;
  seenOpen: Partial<Record<Watcher, number>>;
  seenUnlocked: Partial<Record<Watcher, number>>;
}

/** Runs the day `planFor` writes for the simulator's cars; also returns that plan. */
export async function runDay(
  planFor: (vins: readonly string[]) => Episode[],
): Promise<DayResult & { plan: Episode[] }> {
  const scenario: Scenario = await startScenario();
  const { clock } = scenario;
  const sim = scenario.sim();
  const vins = sim.vins;
  const plan = planFor(vins);
  const dayStart = clock.now();
  const pollerHttp = trackingFetch();
  const tracked: Tracked[] = plan.map((episode) => ({ episode, seenOpen: {}, seenUnlocked: {} }));

  const observe = (
    watcher: Watcher,
    vin: string,
    lock: LockState | undefined,
    doors: Doors | null,
  ) => {
    const now = clock.now() - dayStart;
    for (const entry of tracked) {
      const { episode } = entry;
      if (episode.vin !== vin) continue;
      const door = doors?.[episode.door as Exclude<DoorName, 'tankLid'>];
      if (
        entry.seenOpen[watcher] === undefined &&
        now >= episode.openAt &&
        now < episode.closeAt &&
        door?.value === 'OPEN'
      ) {
        entry.seenOpen[watcher] = now - episode.openAt;
      }
      if (
        entry.seenUnlocked[watcher] === undefined &&
        now >= episode.unlockAt &&
        now < episode.lockAt &&
        lock === 'UNLOCKED'
      ) {
        entry.seenUnlocked[watcher] = now - episode.unlockAt;
      }
    }
  };

  scenario.service.onSnapshot((snapshot) => {
    for (const vehicle of snapshot.vehicles) {
      observe('app', vehicle.vin, vehicle.lock?.value, vehicle.doors);
    }
  });
  const poller = startFixedPoller({
    simulator: sim,
    clock,
    fetch: pollerHttp.fetch,
    vins,
    intervalMs: 60_000,
    onDoors: (vin, report) => observe('fixed', vin, report.lock.value, report.doors),
  });

  for (const { vin, door, unlockAt, openAt, closeAt, lockAt } of plan) {
    const car = sim.vehicle(vin);
    const at = (offset: number, action: () => void) =>
      clock.setTimeout(action, dayStart + offset - clock.now());
    at(unlockAt, () => car.setLock('UNLOCKED'));
    at(openAt, () => car.setDoor(door, 'OPEN'));
    at(closeAt, () => car.setDoor(door, 'CLOSED'));
    at(lockAt, () => car.setLock('LOCKED'));
  }

  const settle = async () => {
    await scenario.http.idle();
    await pollerHttp.idle();
    await scenario.http.idle();
  };
  await clock.advance(DAY - (clock.now() - dayStart), settle);
  poller.stop();
  await scenario.close();

  const apiRequests = (requests: readonly { url: URL }[]) =>
    requests.filter((request) => request.url.pathname.startsWith('/connected-vehicle/')).length;
  const kinds: OpeningKind[] = ['unlocked', 'at-unlock'];
  const delays = (watcher: Watcher, kind: OpeningKind) =>
    tracked
      .filter((entry) => entry.episode.kind === kind)
      .flatMap((entry) => (entry.seenOpen[watcher] === undefined ? [] : [entry.seenOpen[watcher]]));
  const missed = (watcher: Watcher, kind: OpeningKind) =>
    tracked.filter((entry) => entry.episode.kind === kind && entry.seenOpen[watcher] === undefined)
      .length;
  const byKind = <T>(make: (kind: OpeningKind) => T) =>
    Object.fromEntries(kinds.map((kind) => [kind, make(kind)])) as Record<OpeningKind, T>;
  const unlockDelays = (watcher: Watcher) =>
    tracked.flatMap((entry) =>
      entry.seenUnlocked[watcher] === undefined ? [] : [entry.seenUnlocked[watcher]],
    );

  return {
    plan,
    requestsPerCar: {
      app: apiRequests(scenario.http.requests) / vins.length,
      fixed: apiRequests(pollerHttp.requests) / vins.length,
    },
    doorDelays: {
      app: byKind((kind) => delays('app', kind)),
      fixed: byKind((kind) => delays('fixed', kind)),
    },
    missed: {
      app: byKind((kind) => missed('app', kind)),
      fixed: byKind((kind) => missed('fixed', kind)),
    },
    unlockDelays: { app: unlockDelays('app'), fixed: unlockDelays('fixed') },
  };
}
