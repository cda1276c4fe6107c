import { describe, expect, test } from 'vitest';
import type { Settings } from '../../../shared/settings';
import type { Doors, LockState, OpenState, Reading, Windows } from '../../../shared/vehicle';
import { defaultSettings } from '../settings';
import { FakeClock } from '../testing/fake-clock';
import { type AlertState, alertStateSchema, createAlertEngine } from './alert-engine';
import { evaluateApp, evaluateVehicle } from './alert-rules';
import { memoryJsonStore, recordingNotifier } from './memory-ports';

const MINUTE = 60_000;
const VIN = 'YV1XZK9V2PA000001';

function reading<V extends string>(value: V, at: number | null): Reading<V> {
  return { value, timestamp: at === null ? null : new Date(at).toISOString() };
}

function car(
  at: number,
  parts: { lock?: LockState; open?: (keyof Doors)[]; windowsOpen?: (keyof Windows)[] } = {},
  timestamps = true,
) {
  const t = timestamps ? at : null;
  const door = (name: keyof Doors): Reading<OpenState> =>
    reading(parts.open?.includes(name) ? 'OPEN' : 'CLOSED', t);
  const window = (name: keyof Windows): Reading<OpenState> =>
    reading(parts.windowsOpen?.includes(name) ? 'OPEN' : 'CLOSED', t);
  return {
    name: 'Volvo 2023 · 000001',
    lock: reading(parts.lock ?? 'LOCKED', t),
    doors: {
      frontLeft: door('frontLeft'),
      frontRight: door('frontRight'),
      rearLeft: door('rearLeft'),
      rearRight: door('rearRight'),
      hood: door('hood'),
      tailgate: door('tailgate'),
    },
    windows: {
      frontLeft: window('frontLeft'),
      frontRight: window('frontRight'),
      rearLeft: window('rearLeft'),
      rearRight: window('rearRight'),
    },
  };
}

function engine(
  alerts: Settings['alerts'] = defaultSettings.alerts,
  store = memoryJsonStore<AlertState>(),
) {
  const clock = new FakeClock();
  const notifier = recordingNotifier();
  const events: string[] = [];
  const created = createAlertEngine({
    clock,
    notifier,
    store,
    settings: () => alerts,
    onEvent: (event, episode) => events.push(`${event}:${episode.rule}`),
  });
  return { clock, notifier, events, store, engine: created };
}

describe('alert engine', () => {
  test('a notification names the car, says what to do, and is taken back once the problem is over', async () => {
    const { clock, notifier } = engine();
    const named = createAlertEngine({
      clock,
      notifier,
      store: memoryJsonStore<AlertState>(),
      settings: () => defaultSettings.alerts,
      carName: (scope) => (scope === VIN ? 'XC40' : undefined),
    });
    const facts = car(clock.now(), { lock: 'UNLOCKED', open: ['tailgate'] });
    named.update(VIN, evaluateVehicle(facts, defaultSettings.alerts));
    await clock.advance(6 * MINUTE);
    named.update(VIN, evaluateVehicle(facts, defaultSettings.alerts));
    expect(notifier.shown[0]).toMatchObject({
      title: 'XC40: Tailgate left open',
      body: expect.stringMatching(/has been open for 6 min\. Close it at the car;/),
    });
    named.update(
      VIN,
      evaluateVehicle(car(clock.now(), { lock: 'UNLOCKED' }), defaultSettings.alerts),
    );
    expect(notifier.withdrawn).toEqual([notifier.shown[0]?.id]);
  });

  test('a door open longer than the threshold notifies once, with "Lock now", and reminds later', async () => {
    const { clock, notifier, engine: alerts } = engine();
    const openedAt = clock.now();
    const facts = car(openedAt, { lock: 'UNLOCKED', open: ['tailgate'] });
    for (let minute = 0; minute < 5; minute++) {
      alerts.update(VIN, evaluateVehicle(facts, defaultSettings.alerts));
      await clock.advance(MINUTE);
    }
    expect(notifier.shown).toHaveLength(0);
    alerts.update(VIN, evaluateVehicle(facts, defaultSettings.alerts));
    expect(notifier.shown).toHaveLength(1);
    expect(notifier.shown[0]).toMatchObject({
      title: 'Tailgate left open',
      body: 'The tailgate of Volvo 2023 · 000001 has been open for 5 min. Close it at the car; the car cannot lock while it is open.',
      vin: VIN,
      actions: [{ id: 'lock', label: 'Lock now' }],
    });
    for (let minute = 0; minute < 29; minute++) {
      await clock.advance(MINUTE);
      alerts.update(VIN, evaluateVehicle(facts, defaultSettings.alerts));
    }
    expect(notifier.shown).toHaveLength(1);
    await clock.advance(MINUTE);
    alerts.update(VIN, evaluateVehicle(facts, defaultSettings.alerts));
    expect(notifier.shown).toHaveLength(2);
    expect(notifier.shown[1]?.title).toBe('Reminder: Tailgate left open');
    expect(alerts.active(VIN)).toHaveLength(1);
  });

  test('a cleared episode says so only when the user asked, and a new opening is a new episode', async () => {
    const quiet = engine();
    const loud = engine({ ...defaultSettings.alerts, notifyCleared: true });
    for (const { clock, engine: alerts } of [quiet, loud]) {
      const start = clock.now();
      await clock.advance(6 * MINUTE);
      alerts.update(
        VIN,
        evaluateVehicle(car(start, { lock: 'UNLOCKED', open: ['hood'] }), defaultSettings.alerts),
      );
      alerts.update(
        VIN,
        evaluateVehicle(car(clock.now(), { lock: 'UNLOCKED' }), defaultSettings.alerts),
      );
    }
    expect(quiet.notifier.shown.map((shown) => shown.title)).toEqual(['Hood left open']);
    expect(loud.notifier.shown.map((shown) => shown.title)).toEqual(['Hood left open', 'Closed']);
    expect(loud.events).toEqual(['alert:door-open', 'cleared:door-open']);
    expect(quiet.engine.active(VIN)).toEqual([]);
  });

  test('a reading the app does not know neither ends an episode nor says a door closed', async () => {
    const alerts = { ...defaultSettings.alerts, notifyCleared: true };
    const { clock, notifier, engine: engineUnderTest } = engine(alerts);
    const start = clock.now();
    await clock.advance(11 * MINUTE);
    const open = car(start, { lock: 'UNLOCKED', open: ['hood'] });
    engineUnderTest.update(VIN, evaluateVehicle(open, alerts));
    const unlocked = car(start, { lock: 'UNLOCKED' });
    engineUnderTest.update(VIN, evaluateVehicle(unlocked, alerts));
    expect(notifier.shown.map((shown) => shown.title)).toEqual([
      'Hood left open',
      'Closed',
      'Volvo 2023 · 000001 is unlocked',
    ]);
    notifier.shown.length = 0;

    // The car now reports values the app does not know for its lock and hood.
    const unknown = {
      ...unlocked,
      lock: reading<LockState>('UNKNOWN', start),
      doors: { ...unlocked.doors, hood: reading<OpenState>('UNKNOWN', start) },
    };
    engineUnderTest.update(VIN, evaluateVehicle(unknown, alerts));
    expect(notifier.shown).toEqual([]);
    expect(engineUnderTest.active(VIN).map((alert) => alert.rule)).toEqual(['unlocked']);
    // Known again, still unlocked: the same episode, no new notification.
    engineUnderTest.update(VIN, evaluateVehicle(unlocked, alerts));
    expect(notifier.shown).toEqual([]);
  });

  test('a hood the car does not report (UNSPECIFIED) still lets "left unlocked" fire', async () => {
    const { clock, notifier, engine: alerts } = engine(defaultSettings.alerts);
    const start = clock.now();
    await clock.advance(11 * MINUTE);
    const unlocked = car(start, { lock: 'UNLOCKED' });
    const hood = { value: 'UNKNOWN' as const, timestamp: null, reported: 'UNSPECIFIED' };
    alerts.update(
      VIN,
      evaluateVehicle({ ...unlocked, doors: { ...unlocked.doors, hood } }, defaultSettings.alerts),
    );
    expect(notifier.shown.map((shown) => shown.title)).toEqual(['Volvo 2023 · 000001 is unlocked']);
  });

  test('the episode is persisted: a restarted engine does not notify it again', async () => {
    const store = memoryJsonStore<AlertState>();
    const first = engine(defaultSettings.alerts, store);
    const start = first.clock.now();
    await first.clock.advance(11 * MINUTE);
    first.engine.update(
      VIN,
      evaluateVehicle(car(start, { lock: 'UNLOCKED' }), defaultSettings.alerts),
    );
    expect(first.notifier.shown.map((shown) => shown.title)).toEqual([
      'Volvo 2023 · 000001 is unlocked',
    ]);

    const second = engine(defaultSettings.alerts, store);
    await second.clock.advance(12 * MINUTE);
    second.engine.update(
      VIN,
      evaluateVehicle(car(start, { lock: 'UNLOCKED' }), defaultSettings.alerts),
    );
    expect(second.notifier.shown).toHaveLength(0);
    expect(second.engine.active(VIN)[0]?.rule).toBe('unlocked');
  });

  test('a window open while locked alerts at once, without a lock action', () => {
    const { clock, notifier, engine: alerts } = engine();
    alerts.update(
      VIN,
      evaluateVehicle(car(clock.now(), { windowsOpen: ['rearLeft'] }), defaultSettings.alerts),
    );
    expect(notifier.shown).toHaveLength(1);
    expect(notifier.shown[0]?.body).toBe(
      'Volvo 2023 · 000001 is locked but the rear left window is open. Close it at the car: windows cannot be closed remotely.',
    );
    expect(notifier.shown[0]?.actions).toBeUndefined();
  });

  test('without car timestamps the threshold counts from when the app first saw it', async () => {
    const { clock, notifier, engine: alerts } = engine();
    const facts = car(clock.now(), { lock: 'UNLOCKED', open: ['frontRight'] }, false);
    alerts.update(VIN, evaluateVehicle(facts, defaultSettings.alerts));
    await clock.advance(4 * MINUTE);
    alerts.update(VIN, evaluateVehicle(facts, defaultSettings.alerts));
    expect(notifier.shown).toHaveLength(0);
    await clock.advance(MINUTE);
    alerts.update(VIN, evaluateVehicle(facts, defaultSettings.alerts));
    expect(notifier.shown).toHaveLength(1);
  });

  test('switched-off rules do not fire, and their episodes are dropped silently', async () => {
    const settings: Settings['alerts'] = { ...defaultSettings.alerts, notifyCleared: true };
    const store = memoryJsonStore<AlertState>();
    const on = engine(settings, store);
    const start = on.clock.now();
    await on.clock.advance(11 * MINUTE);
    on.engine.update(VIN, evaluateVehicle(car(start, { lock: 'UNLOCKED' }), settings));
    const off: Settings['alerts'] = { ...settings, unlocked: { enabled: false, minutes: 10 } };
    const later = engine(off, store);
    later.engine.retain([VIN]);
    later.engine.update(VIN, evaluateVehicle(car(start, { lock: 'UNLOCKED' }), off));
    expect(later.engine.active(VIN)).toEqual([]);
    expect(later.notifier.shown).toHaveLength(0);
  });

  test('sign-in expired and quota out are app-wide alerts', () => {
    const { clock, notifier, engine: alerts } = engine();
    alerts.update(
      'app',
      evaluateApp(
        {
          signInExpiredSince: clock.now(),
          signInMessage: null,
          checking: true,
          quotaOut: { since: clock.now(), message: 'Checks resume at 01:00.' },
        },
        defaultSettings.alerts,
      ),
    );
    expect(notifier.shown.map((shown) => [shown.title, shown.vin])).toEqual([
      ['Sign in to Volvo again', undefined],
      ['Car checks paused', undefined],
    ]);
  });

  test('the wall clock stepping back does not hold off the reminder', async () => {
    const { clock, notifier, engine: alerts } = engine();
    const facts = car(clock.now(), { lock: 'UNLOCKED', open: ['tailgate'] });
    alerts.update(VIN, evaluateVehicle(facts, defaultSettings.alerts));
    await clock.advance(5 * MINUTE);
    alerts.update(VIN, evaluateVehicle(facts, defaultSettings.alerts));
    expect(notifier.shown).toHaveLength(1);
    clock.jump(-3 * 60 * MINUTE);
    for (let minute = 0; minute <= 30; minute++) {
      alerts.update(VIN, evaluateVehicle(facts, defaultSettings.alerts));
      await clock.advance(MINUTE);
    }
    expect(notifier.shown.map((shown) => shown.title)).toEqual([
      'Tailgate left open',
      'Reminder: Tailgate left open',
    ]);
  });

  test('saved episodes: unreadable ones are dropped, the rest kept, one per car and rule', () => {
    const saved = {
      id: `${VIN}:door-open:1`,
      scope: VIN,
      rule: 'door-open',
      since: 1,
      notifiedAt: 2,
      lastNotifiedAt: 2,
      title: 'Tailgate left open',
      message: 'The tailgate has been open.',
    };
    const store = memoryJsonStore<AlertState>();
    const { engine: alerts } = engine(defaultSettings.alerts, {
      load: () =>
        alertStateSchema.parse({
          episodes: [
            // Repeats, an older version's episode without reminders, a time no date can show.
            ...Array.from({ length: 10_000 }, (_, i) => ({ ...saved, id: `copy ${i}` })),
            { ...saved, lastNotifiedAt: undefined, rule: 'unlocked' },
            { ...saved, since: 1e300, rule: 'window-open-while-locked' },
            saved,
          ],
        }),
      save: store.save,
    });
    expect(alerts.active(VIN).map((alert) => alert.id)).toEqual([saved.id]);
  });
});
