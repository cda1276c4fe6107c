import type { ApiRoute, RouteContext } from './api-routes';
import { jsonReply, type Reply } from './http';
import type { VehicleState } from './vehicle';

/**
 * The lamp fields of v2 `/warnings`, as Home Assistant's recorded
 * `tests/components/volvo/fixtures/warnings.json` has them. The recording answers the hazard
 * and reversing lights `UNSPECIFIED`: this car does too.
 */
export const LAMP_WARNINGS: readonly string[] = [
  'brakeLightCenterWarning',
  'brakeLightLeftWarning',
  'brakeLightRightWarning',
  'fogLightFrontWarning',
  'fogLightRearWarning',
  'positionLightFrontLeftWarning',
  'positionLightFrontRightWarning',
  'positionLightRearLeftWarning',
  'positionLightRearRightWarning',
  'highBeamLeftWarning',
  'highBeamRightWarning',
  'lowBeamLeftWarning',
  'lowBeamRightWarning',
  'daytimeRunningLightLeftWarning',
  'daytimeRunningLightRightWarning',
  'turnIndicationFrontLeftWarning',
  'turnIndicationFrontRightWarning',
  'turnIndicationRearLeftWarning',
  'turnIndicationRearRightWarning',
  'registrationPlateLightWarning',
  'sideMarkLightsWarning',
];
const UNSPECIFIED_WARNINGS = ['hazardLightsWarning', 'reverseLightsWarning'];

/** Every field carries the car's last upload time, as in the recording. */
function warnings(_context: RouteContext, vehicle: VehicleState): Reply {
  const { lampFailures } = vehicle.readings();
  const timestamp = new Date(vehicle.uploadedAt()).toISOString();
  const data: Record<string, { value: string; timestamp: string }> = {};
  for (const field of LAMP_WARNINGS) {
    data[field] = {
      value: lampFailures[field] === undefined ? 'NO_WARNING' : 'FAILURE',
      timestamp,
    };
  }
  for (const field of UNSPECIFIED_WARNINGS) data[field] = { value: 'UNSPECIFIED', timestamp };
  return jsonReply(200, { data });
}

export const WARNING_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    kind: 'read',
    mediaTypes: ['application/json'],
    path: ['vehicles', ':vin', 'warnings'],
    scopes: ['conve:warnings'],
    target: 'vehicle',
    handle: warnings,
  },
];
