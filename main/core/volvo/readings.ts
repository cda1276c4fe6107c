import { z } from 'zod';
import type { LockState, OpenState, Reading } from '../../../shared/vehicle';
import type { Logger } from '../ports';

/**
 * One reading as both API versions send it. Extra fields (v2's `unit`, anything new) are
 * dropped; a missing or non-string `value` fails validation (the caller reports it as
 * malformed rather than guessing a state).
 */
export const RawReadingSchema = z.object({
  value: z.string(),
  timestamp: z.string().nullish(),
});
export type RawReading = z.infer<typeof RawReadingSchema>;

/**
 * A version's wire names for the parts, keyed by our names, e.g. v1 `{ tailgate: 'tailGate' }`,
 * v2 `{ frontLeft: 'frontLeftDoor' }`. A part may have several spellings (v2 `tailgate` and
 * Volvo's documented `tailGate`): the first one present is read.
 */
export type WireFields<K extends string> = Readonly<Record<K, string | readonly string[]>>;

/**
 * The doors and windows envelope: `{ data: {...} }` and nothing more is required, so only a
 * body that is not this envelope is malformed. Each field is then read on its own.
 */
export const ReadingsEnvelopeSchema = z.object({ data: z.record(z.string(), z.unknown()) });

/**
 * The parts of `fields` read one by one from `data`. A part that is missing or not a reading is
 * left out: "not reported by this car", the same as a car without a sunroof. A door or window
 * the car answers UNSPECIFIED is UNKNOWN (`reported: 'UNSPECIFIED'`), never left out: a list
 * without it would read as "everything closed". A missing or unreadable field is logged;
 * `optional` parts (tank lid, sunroof) may be absent or UNSPECIFIED without a word, as many cars
 * have none.
 */
export function toOpenReadings<K extends string>(
  data: Readonly<Record<string, unknown>>,
  fields: WireFields<K>,
  logger: Logger,
  optional: readonly string[] = [],
): Partial<Record<K, Reading<OpenState>>> {
  const readings: Partial<Record<K, Reading<OpenState>>> = {};
  for (const ours of Object.keys(fields) as K[]) {
    const isOptional = optional.includes(ours);
    const raw = rawField(data, fields[ours], logger, isOptional);
    if (raw === undefined) continue;
    if (raw.value === 'UNSPECIFIED') {
      if (!isOptional) readings[ours] = notReportedReading(raw);
      continue;
    }
    readings[ours] = toOpenReading(raw, raw.field, logger);
  }
  return readings;
}

/**
 * The central lock read on its own. Missing or unreadable, it is UNKNOWN (with a warning) and
 * the doors in the same answer still count.
 */
export function toLockField(
  data: Readonly<Record<string, unknown>>,
  wire: string,
  logger: Logger,
): Reading<LockState> {
  const raw = rawField(data, wire, logger, false);
  if (raw === undefined) return { value: 'UNKNOWN', timestamp: null };
  // Some models answer UNSPECIFIED for the lock itself: not reported, not a value to warn about.
  if (raw.value === 'UNSPECIFIED') return notReportedReading(raw);
  return toLockReading(raw, raw.field, logger);
}

/** UNSPECIFIED: the car does not report this part; unknown, and not a value to warn about. */
function notReportedReading(raw: RawReading): Reading<'UNKNOWN'> {
  return { value: 'UNKNOWN', timestamp: raw.timestamp ?? null, reported: 'UNSPECIFIED' };
}

/** The reading under the first present spelling, or undefined (logged unless `quiet` when absent). */
function rawField(
  data: Readonly<Record<string, unknown>>,
  spellings: string | readonly string[],
  logger: Logger,
  quiet: boolean,
): (RawReading & { field: string }) | undefined {
  const names = typeof spellings === 'string' ? [spellings] : spellings;
  const field = names.find((name) => data[name] !== undefined && data[name] !== null);
  if (field === undefined) {
    if (!quiet) logger.warn('The Volvo API did not report this part', { field: names[0] });
    return undefined;
  }
  const parsed = RawReadingSchema.safeParse(data[field]);
  if (!parsed.success) {
    logger.warn('The Volvo API sent a field volvo-tray cannot read; not reported', {
      field,
      received: JSON.stringify(data[field])?.slice(0, 200),
    });
    return undefined;
  }
  return { ...parsed.data, field };
}

const OPEN_STATES: readonly OpenState[] = ['OPEN', 'CLOSED', 'AJAR', 'UNKNOWN'];
const LOCK_STATES: readonly LockState[] = ['LOCKED', 'UNLOCKED', 'UNKNOWN'];

/** Door, hood, tailgate, window... values. Anything new becomes UNKNOWN, never CLOSED. */
export function toOpenReading(raw: RawReading, field: string, logger: Logger): Reading<OpenState> {
  return toReading(raw, OPEN_STATES, 'UNKNOWN', field, logger);
}

/** The central lock. Anything new (e.g. 'SECURED') becomes UNKNOWN, never LOCKED. */
export function toLockReading(raw: RawReading, field: string, logger: Logger): Reading<LockState> {
  return toReading(raw, LOCK_STATES, 'UNKNOWN', field, logger);
}

export function toReading<V extends string>(
  raw: RawReading,
  known: readonly V[],
  unknown: V,
  field: string,
  logger: Logger,
): Reading<V> {
  const timestamp = readingTime(raw.timestamp, field, logger);
  const value = known.find((candidate) => candidate === raw.value);
  if (value !== undefined) return { value, timestamp };
  logger.warn('The Volvo API reported a value volvo-tray does not know; showing UNKNOWN', {
    field,
    reported: raw.value,
  });
  return { value: unknown, timestamp, reported: raw.value };
}

/** The car's time of the reading, or null when absent or not a date (so ages are never NaN). */
function readingTime(
  timestamp: string | null | undefined,
  field: string,
  logger: Logger,
): string | null {
  if (timestamp === null || timestamp === undefined) return null;
  if (Number.isNaN(Date.parse(timestamp))) {
    logger.warn('The Volvo API sent a reading time that is not a date', { field, timestamp });
    return null;
  }
  return timestamp;
}
