import { useRef } from 'react';
import type { CommandResultView, VehicleView } from '../../shared/snapshot';
import { partReadings } from '../format/parts';

type CarState = Pick<VehicleView, 'lock' | 'doors' | 'windows'>;

/** The parts that are not closed and, unless `withLock` is false, the lock: as one string. */
function stateSignature(vehicle: CarState, withLock: boolean): string {
  const notClosed = partReadings(vehicle)
    .filter((part) => part.state !== 'CLOSED')
    .map((part) => `${part.id}:${part.state}`);
  return [withLock ? (vehicle.lock?.value ?? 'none') : '', ...notClosed].join('|');
}

/**
 * Whether the car changed since a command's outcome first appeared: then the outcome speaks of
 * a state that is gone, and the status line drops it. A command that worked changes the lock
 * itself, so for it only the doors and windows count.
 */
export function useStateChangedSince(vehicle: CarState, last: CommandResultView | null): boolean {
  const seen = useRef<{ at: string; signature: string } | null>(null);
  if (last === null) {
    seen.current = null;
    return false;
  }
  const signature = stateSignature(vehicle, !last.ok);
  if (seen.current?.at !== last.at) seen.current = { at: last.at, signature };
  return seen.current.signature !== signature;
}
