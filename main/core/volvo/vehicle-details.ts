import { z } from 'zod';
import type { VehicleDetails } from '../../../shared/vehicle';
import { VolvoApiError } from './errors';
import type { CallOptions } from './model';
import type { Reads } from './reads';

/** Longer than any model or colour name Volvo sends; a longer one is not a name. */
const MAX_TEXT = 60;

/** A short text field: kept when it is one, dropped (not fatal) when it is not. */
const text = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TEXT)
  .refine((value) => !/\p{Cc}/u.test(value))
  .optional()
  .catch(undefined);

/**
 * v2 `/vehicles/{vin}`. Every field is optional on its own (real answers omit `externalColour`,
 * as Home Assistant's recorded `ex30_2024_no_colour/vehicle.json` shows), so a missing or odd
 * field loses only itself.
 */
const VehicleDetailsSchema = z.object({
  data: z.object({
    modelYear: z.number().int().min(1900).max(2200).optional().catch(undefined),
    externalColour: text,
    descriptions: z.object({ model: text }).optional().catch(undefined),
  }),
});

/**
 * The car's model, model year and colour as Volvo describes it; null when the API has no
 * details for it (a 404) or the answer names none of them.
 */
export async function readVehicleDetails(
  reads: Reads,
  vin: string,
  options: CallOptions,
): Promise<VehicleDetails | null> {
  try {
    const { data } = await reads.vehicle(vin, '', VehicleDetailsSchema, 'vehicle details', options);
    const details: VehicleDetails = {
      model: data.descriptions?.model ?? null,
      modelYear: data.modelYear ?? null,
      colour: data.externalColour ?? null,
    };
    return Object.values(details).every((value) => value === null) ? null : details;
  } catch (error) {
    if (error instanceof VolvoApiError && error.kind === 'not-found') return null;
    throw error;
  }
}
