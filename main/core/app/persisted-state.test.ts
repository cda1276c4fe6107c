import { expect, test } from 'vitest';
import { z } from 'zod';
import type { JsonStore } from '../ports';
import { FakeClock } from '../testing/fake-clock';
import { recordingLogger } from '../testing/recording-logger';
import { activityStateSchema, createActivityLog } from './activity-log';
import { memoryJsonStore } from './memory-ports';
import { createStateSections } from './persisted-state';

const countSchema = z.object({ count: z.number().int() });

test('a bad section loads empty; the good ones are kept; anything else is dropped on write', () => {
  const store = memoryJsonStore<unknown>({
    quota: { count: 'many' },
    alerts: { count: 3 },
    leftovers: Array.from({ length: 100_000 }, (_, i) => i),
  });
  const logger = recordingLogger();
  const sections = createStateSections(store, logger);
  const quota = sections.section('quota', countSchema);
  const alerts = sections.section('alerts', countSchema);
  expect(quota.load()).toBeUndefined();
  expect(alerts.load()).toEqual({ count: 3 });
  expect(logger.messages('warn')).toEqual(['Saved app state was not readable and starts afresh']);

  quota.save({ count: 1 });
  expect(store.load()).toEqual({ quota: { count: 1 }, alerts: { count: 3 } });
});

test('a document that is not an object, or a store that cannot read, starts empty', () => {
  for (const loaded of ['{"quota": 1', [1, 2, 3], null, 42]) {
    const sections = createStateSections(memoryJsonStore<unknown>(loaded), recordingLogger());
    expect(sections.section('quota', countSchema).load()).toBeUndefined();
  }
  const logger = recordingLogger();
  const broken: JsonStore<unknown> = {
    load() {
      throw new Error('EACCES: permission denied');
    },
    save() {},
  };
  expect(createStateSections(broken, logger).rawSection('auth').load()).toBeUndefined();
  expect(logger.messages('warn')).toEqual(['Saved app state could not be read and starts afresh']);
});

test('a store that cannot write is said once, and the app goes on', () => {
  const logger = recordingLogger();
  let failing = true;
  const written: unknown[] = [];
  const sections = createStateSections(
    {
      load: () => undefined,
      save(value) {
        if (failing) throw new Error('ENOSPC: no space left on device');
        written.push(value);
      },
    },
    logger,
  );
  const quota = sections.section('quota', countSchema);
  for (let count = 0; count < 5; count++) quota.save({ count });
  expect(logger.messages('warn')).toEqual([
    'App state could not be saved; volvo-tray goes on and tries again',
  ]);
  failing = false;
  quota.save({ count: 5 });
  expect(written).toEqual([{ quota: { count: 5 } }]);
});

test('an edited activity log keeps what it can read, at the size the settings allow', () => {
  const VIN = 'YV1XZK9V2PA000001';
  const entry = (i: number) => ({
    at: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    vin: VIN,
    text: `Event ${i}`,
    kind: 'info',
  });
  const raw = {
    byVin: {
      [VIN]: [
        ...Array.from({ length: 50_000 }, (_, i) => entry(i)),
        { ...entry(50_000), kind: 'gossip' },
        { ...entry(50_001), at: 'yesterday' },
        entry(50_002),
      ],
      ...Object.fromEntries(
        Array.from({ length: 500 }, (_, i) => [`VIN${i}`, [{ ...entry(i), vin: `VIN${i}` }]]),
      ),
    },
  };
  const saved: unknown[] = [];
  const log = createActivityLog({
    clock: new FakeClock(),
    store: { load: () => activityStateSchema.parse(raw), save: (value) => saved.push(value) },
    size: () => 200,
    scrub: (text) => text,
  });
  const entries = log.entries(VIN);
  expect(entries).toHaveLength(200);
  expect(entries[0]?.text).toBe('Event 50002');
  expect(entries[1]?.text).toBe('Event 49999');
  // The cars last active keep their logs; no more of them than any account has.
  log.add(VIN, 'Car locked', 'info');
  const written = saved.at(-1) as { byVin: Record<string, unknown[]> };
  expect(Object.keys(written.byVin)).toHaveLength(100);
  expect(JSON.stringify(written).length).toBeLessThan(100_000);
});

test('writes that start failing are told once, with their cause, and told again when one succeeds', () => {
  let failing: Error | null = Object.assign(new Error('ENOSPC: no space left on device'), {
    code: 'ENOSPC',
  });
  const store: JsonStore<unknown> = {
    load: () => undefined,
    save() {
      if (failing) throw failing;
    },
  };
  const told: unknown[] = [];
  const quota = createStateSections(store, recordingLogger(), {
    onWriteFailure: (error) => told.push(error),
  }).section('quota', countSchema);
  quota.save({ count: 1 });
  quota.save({ count: 2 });
  expect(told).toEqual([failing]);
  failing = null;
  quota.save({ count: 3 });
  quota.save({ count: 4 });
  expect(told).toHaveLength(2);
  expect(told[1]).toBeNull();
});
