import { z } from 'zod';
import type { Logger } from '../ports';
import type { LockState, OpenState, Reading } from './model';

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
 * v2 `{ frontLeft: 'frontLeftDoor' }`. One table gives both the schema and the mapping.
 */
export type WireFields<K extends string, W extends string> = Readonly<Record<K, W>>;

/** The zod shape that requires a reading under each wire name of `fields`. */
export function readingShape<W extends string>(
  fields: WireFields<string, W>,
): Record<W, typeof RawReadingSchema> {
  const entries = Object.values<W>(fields).map((wire) => [wire, RawReadingSchema] as const);
  // Object.fromEntries loses the key type; the entries are exactly the values of `fields`.
  return Object.fromEntries(entries) as Record<W, typeof RawReadingSchema>;
}

/** Door or window readings under our names, from `data` validated by {@link readingShape}. */
export function toOpenReadings<K extends string, W extends string>(
  data: Readonly<Record<W, RawReading>>,
  fields: WireFields<K, W>,
  logger: Logger,
): Record<K, Reading<OpenState>> {
  const entries = (Object.keys(fields) as K[]).map(
    (ours) => [ours, toOpenReading(data[fields[ours]], fields[ours], logger)] as const,
  );
  // As above: one entry for every key of `fields`.
  return Object.fromEntries(entries) as Record<K, Reading<OpenState>>;
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
