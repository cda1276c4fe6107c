import { z } from 'zod';

/**
 * How a real car's answers differ from the way Volvo's documentation reads best. Each quirk is
 * chosen per car (simulator options or `POST /control/vehicles/{vin}/quirks`); the sources are
 * in this folder's README.
 */
export interface CarQuirks {
  /**
   * `periodic` (the default, what real captures show): the car uploads at each change and every
   * `uploadEveryMs` while awake, and every field of an answer carries that upload's time, so
   * timestamps move with each upload. `on-change`: each field carries the time it last changed.
   */
  uploads: 'periodic' | 'on-change';
  uploadEveryMs: number;
  /** Wire fields the car answers as `UNSPECIFIED` (e.g. `tankLid`, `hood`, `centralLock`). */
  unspecified: string[];
  /** Wire fields missing from the answer altogether (e.g. `hood`). */
  omitted: string[];
  /** Volvo's documented `tailGate` or the `tailgate` real v2 cars send. */
  tailgateField: 'tailgate' | 'tailGate';
  /** An unlock's `readyToUnlockUntil`: epoch milliseconds, or seconds left as Volvo's doc page shows. */
  unlockDeadline: 'epoch-ms' | 'seconds-left';
  /** v2 endpoints this model lacks (e.g. `engine-status`): 404 "Car model is not supported". */
  unsupported: string[];
  /** Every command fails with 422 "Error returned from car" (the car refused or was out of reach). */
  commandsFailInCar: boolean;
}

export const DEFAULT_QUIRKS: CarQuirks = {
  uploads: 'periodic',
  uploadEveryMs: 2 * 60_000,
  unspecified: [],
  omitted: [],
  tailgateField: 'tailgate',
  unlockDeadline: 'epoch-ms',
  unsupported: [],
  commandsFailInCar: false,
};

/** The wire fields a quirk may name (v2 doors and windows answers). */
export const WIRE_FIELDS = [
  'centralLock',
  'frontLeftDoor',
  'frontRightDoor',
  'rearLeftDoor',
  'rearRightDoor',
  'hood',
  'tailgate',
  'tankLid',
  'frontLeftWindow',
  'frontRightWindow',
  'rearLeftWindow',
  'rearRightWindow',
  'sunroof',
] as const;

/** A change of quirks, as the control API and the options take it. */
export const quirksPatchSchema = z
  .object({
    uploads: z.enum(['periodic', 'on-change']),
    uploadEveryMs: z
      .number()
      .int()
      .min(1_000)
      .max(24 * 3_600_000),
    unspecified: z.array(z.enum(WIRE_FIELDS)).max(WIRE_FIELDS.length),
    omitted: z.array(z.enum(WIRE_FIELDS)).max(WIRE_FIELDS.length),
    tailgateField: z.enum(['tailgate', 'tailGate']),
    unlockDeadline: z.enum(['epoch-ms', 'seconds-left']),
    unsupported: z
      .array(z.enum(['engine-status', 'command-accessibility', 'commands', 'windows']))
      .max(4),
    commandsFailInCar: z.boolean(),
  })
  .partial()
  .strict();
export type QuirksPatch = z.infer<typeof quirksPatchSchema>;

/**
 * A v2 answer's `data` with the car's quirks applied: fields left out or answered UNSPECIFIED,
 * the tailgate's spelling. `fields` maps each wire field to its `{ value, timestamp }`.
 */
export function withQuirks(
  fields: Record<string, { value: string; timestamp: string }>,
  quirks: CarQuirks,
): Record<string, { value: string; timestamp: string }> {
  const answer: Record<string, { value: string; timestamp: string }> = {};
  for (const [field, reading] of Object.entries(fields)) {
    if (quirks.omitted.includes(field)) continue;
    const name = field === 'tailgate' ? quirks.tailgateField : field;
    answer[name] = quirks.unspecified.includes(field)
      ? { value: 'UNSPECIFIED', timestamp: reading.timestamp }
      : reading;
  }
  return answer;
}
