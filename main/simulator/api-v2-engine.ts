import { type ApiRoute, type RouteContext, wireReading } from './api-routes';
import { jsonReply, type Reply } from './http';
import type { VehicleState } from './vehicle';

/** v2 `engine-status`: RUNNING or STOPPED, with the time the engine last changed. */
function engineStatus(_context: RouteContext, vehicle: VehicleState): Reply {
  return jsonReply(200, { data: { engineStatus: wireReading(vehicle.readings().engine) } });
}

/** The v2 engine endpoint, beside the doors and locks of `api-v2.ts`. */
export const ENGINE_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    kind: 'read',
    mediaTypes: ['application/json'],
    path: ['vehicles', ':vin', 'engine-status'],
    scopes: ['conve:engine_status'],
    target: 'vehicle',
    handle: engineStatus,
  },
];
