import { z } from 'zod';
import type { EngineState, Reading } from '../../../shared/vehicle';
import type { Logger } from '../ports';
import { VolvoApiError } from './errors';
import type { CallOptions } from './model';
import { RawReadingSchema, toReading } from './readings';
import type { Reads } from './reads';

const EngineStatusSchema = z.object({ data: z.object({ engineStatus: RawReadingSchema }) });

const ENGINE_STATES: readonly EngineState[] = ['RUNNING', 'STOPPED', 'UNKNOWN'];

/**
 * v2 `/engine-status`. A model that lacks it answers UNSPECIFIED or 404: that is "not
 * reported" (null), not a stopped engine. Anything new becomes UNKNOWN, never STOPPED.
 */
export async function readEngineStatus(
  reads: Reads,
  vin: string,
  options: CallOptions,
  logger: Logger,
): Promise<Reading<EngineState> | null> {
  try {
    const { data } = await reads.vehicle(
      vin,
      '/engine-status',
      EngineStatusSchema,
      'engine status',
      options,
    );
    if (data.engineStatus.value === 'UNSPECIFIED') return null;
    return toReading(data.engineStatus, ENGINE_STATES, 'UNKNOWN', 'engineStatus', logger);
  } catch (error) {
    if (error instanceof VolvoApiError && error.kind === 'not-found') return null;
    throw error;
  }
}
