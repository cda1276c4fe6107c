import { z } from 'zod';

/**
 * Schemas for values the app reads back from its own files, which a person (or an older
 * version) may have edited: times that can be shown, and lists that keep what is readable.
 */

/** The furthest from 1970 a JavaScript Date reaches (ms): times beyond cannot be shown. */
const LAST_DATE_MS = 8_640_000_000_000_000;

/** A point in time (epoch ms) that can be shown as a date. */
export const epochMsSchema = z.number().int().min(-LAST_DATE_MS).max(LAST_DATE_MS);

/**
 * A list of which each readable item is kept and each unreadable one dropped, at most the last
 * `max`: one bad entry does not cost the others, and a huge list stays in memory no longer.
 */
export function tolerantList<T>(item: z.ZodType<T>, max: number): z.ZodType<T[]> {
  return z.array(z.unknown()).transform((items) =>
    items
      .flatMap((candidate) => {
        const parsed = item.safeParse(candidate);
        return parsed.success ? [parsed.data] : [];
      })
      .slice(-max),
  );
}
