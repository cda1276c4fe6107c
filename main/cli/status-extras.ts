import type { EngineState, Reading } from '../../shared/vehicle';
import { VolvoApiError } from '../core/volvo/errors';
import type { CommandAccessibility, VehicleApi } from '../core/volvo/model';
import { readingAge } from './format';

/** The engine and whether the car takes commands, beside the doors; either may fail alone. */
export interface StatusExtras {
  engine: Reading<EngineState> | null | { error: string };
  reachability: CommandAccessibility | { error: string };
}

export async function readStatusExtras(
  api: VehicleApi,
  vin: string,
  signal?: AbortSignal,
): Promise<StatusExtras> {
  const [engine, reachability] = await Promise.all([
    api.engineStatus(vin, { signal }).catch(asError),
    api.commandAccessibility(vin, { signal }).catch(asError),
  ]);
  return { engine, reachability };
}

function asError(error: unknown): { error: string } {
  return { error: error instanceof VolvoApiError ? error.message : 'Volvo did not answer.' };
}

/** Two lines for people: "Engine     STOPPED (2 min ago)", "Commands   the car takes them". */
export function formatStatusExtras(extras: StatusExtras, now: number): string[] {
  const { engine, reachability } = extras;
  const engineText =
    engine === null
      ? 'not reported by this car'
      : 'error' in engine
        ? `could not be read: ${engine.error}`
        : `${engine.value}${engine.reported ? ` (car said "${engine.reported}")` : ''}, ${readingAge(engine.timestamp, now)}`;
  const reachText =
    'error' in reachability
      ? `could not be read: ${reachability.error}`
      : reachability.available
        ? 'the car takes them'
        : `may not reach the car (${reachability.reason ?? 'Volvo gave no reason'})`;
  return [`Engine:    ${engineText}`, `Commands:  ${reachText}`];
}
