import type { CarWarning } from '../../../shared/vehicle';
import type { Logger } from '../ports';
import { VolvoApiError } from './errors';
import type { CallOptions } from './model';
import { RawReadingSchema, ReadingsEnvelopeSchema } from './readings';
import type { Reads } from './reads';

/** No car reports more; an answer with more is not read past this. */
const MAX_FIELDS = 100;

/**
 * v2 `/warnings`: the faults the car reports (bulbs out, as Home Assistant's recorded
 * `warnings.json` shows). Each field is read on its own: `NO_WARNING` and `UNSPECIFIED` are no
 * fault, `FAILURE` is one, anything else is kept as UNKNOWN with what the car said. null: the
 * car does not report warnings (a 404).
 */
export async function readWarnings(
  reads: Reads,
  vin: string,
  options: CallOptions,
  logger: Logger,
): Promise<CarWarning[] | null> {
  let data: Record<string, unknown>;
  try {
    ({ data } = await reads.vehicle(vin, '/warnings', ReadingsEnvelopeSchema, 'warnings', options));
  } catch (error) {
    if (error instanceof VolvoApiError && error.kind === 'not-found') return null;
    throw error;
  }
  const warnings: CarWarning[] = [];
  for (const [field, raw] of Object.entries(data).slice(0, MAX_FIELDS)) {
    const parsed = RawReadingSchema.safeParse(raw);
    if (!parsed.success || field.length > 100) {
      logger.warn('The Volvo API sent a warning volvo-tray cannot read', {
        field: field.slice(0, 100),
      });
      continue;
    }
    const { value, timestamp } = parsed.data;
    if (value === 'NO_WARNING' || value === 'UNSPECIFIED') continue;
    const at = timestamp ?? null;
    warnings.push(
      value === 'FAILURE'
        ? { field, reading: { value: 'FAILURE', timestamp: at } }
        : { field, reading: { value: 'UNKNOWN', timestamp: at, reported: value.slice(0, 40) } },
    );
  }
  return warnings;
}
