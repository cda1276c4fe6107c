import { type ApiRoute, type RouteContext, refuseNonEmptyBody, wireReading } from './api-routes';
import { apiError, jsonReply, type Reply } from './http';
import { withQuirks } from './quirks';
import type { BeaconKind, CarOutcome, StoredReading, VehicleState } from './vehicle';

/** How long a v2 unlock waits for a door to open before the car relocks. */
export const V2_UNLOCK_WINDOW_MS = 120_000;

const JSON_TYPE = 'application/json';

const V2_PART_NAMES: Record<string, string> = {
  frontLeft: 'frontLeftDoor',
  frontRight: 'frontRightDoor',
  rearLeft: 'rearLeftDoor',
  rearRight: 'rearRightDoor',
  hood: 'hood',
  tailgate: 'tailgate',
};

function data(value: unknown): Reply {
  return jsonReply(200, { data: value });
}

/** Each field's time: the car's last upload (every field alike) or its last change. */
function timeOf(vehicle: VehicleState): (reading: StoredReading<string>) => StoredReading<string> {
  if (vehicle.quirks.uploads === 'on-change') return (reading) => reading;
  const uploadedAt = vehicle.uploadedAt();
  return (reading) => ({ value: reading.value, changedAt: uploadedAt });
}

function doors(context: RouteContext, vehicle: VehicleState): Reply {
  const r = vehicle.readings();
  const odd = context.unknownValues;
  const at = timeOf(vehicle);
  return data(
    withQuirks(
      {
        centralLock: wireReading(at(r.lock), odd ? 'SECURED' : r.lock.value),
        frontLeftDoor: wireReading(
          at(r.doors.frontLeft),
          odd ? 'HALF_OPEN' : r.doors.frontLeft.value,
        ),
        frontRightDoor: wireReading(at(r.doors.frontRight)),
        rearLeftDoor: wireReading(at(r.doors.rearLeft)),
        rearRightDoor: wireReading(at(r.doors.rearRight)),
        hood: wireReading(at(r.doors.hood)),
        tailgate: wireReading(at(r.doors.tailgate)),
        tankLid: wireReading(at(r.doors.tankLid)),
      },
      vehicle.quirks,
    ),
  );
}

function windows(context: RouteContext, vehicle: VehicleState): Reply {
  const r = vehicle.readings();
  const odd = context.unknownValues;
  const at = timeOf(vehicle);
  return data(
    withQuirks(
      {
        frontLeftWindow: wireReading(
          at(r.windows.frontLeft),
          odd ? 'HALF_OPEN' : r.windows.frontLeft.value,
        ),
        frontRightWindow: wireReading(at(r.windows.frontRight)),
        rearLeftWindow: wireReading(at(r.windows.rearLeft)),
        rearRightWindow: wireReading(at(r.windows.rearRight)),
        // A car without a sunroof still answers the field, as UNSPECIFIED.
        sunroof: r.sunroof
          ? wireReading(at(r.sunroof))
          : wireReading(at({ value: 'UNSPECIFIED', changedAt: vehicle.since })),
      },
      vehicle.quirks,
    ),
  );
}

function invokeResult(vehicle: VehicleState, outcome: CarOutcome): Record<string, unknown> {
  if (outcome.kind === 'done') return { vin: vehicle.vin, invokeStatus: 'COMPLETED', message: '' };
  if (outcome.kind === 'asleep') {
    return { vin: vehicle.vin, invokeStatus: 'CAR_IN_SLEEP_MODE', message: 'The car is asleep.' };
  }
  const open = outcome.parts.map((part) => V2_PART_NAMES[part] ?? part).join(', ');
  return {
    vin: vehicle.vin,
    invokeStatus: 'UNABLE_TO_LOCK_DOOR_OPEN',
    message: `Cannot lock while open: ${open}.`,
  };
}

function lock(reducedGuard: boolean) {
  return (context: RouteContext, vehicle: VehicleState): Reply => {
    if (reducedGuard && !vehicle.equipment.lockReducedGuard) {
      return apiError(404, 'NOT_FOUND', 'This vehicle does not support LOCK_REDUCED_GUARD.');
    }
    const refused = refuseNonEmptyBody(context.body, reducedGuard ? 'lock-reduced-guard' : 'lock');
    if (refused) return refused;
    return data(invokeResult(vehicle, vehicle.lockNow()));
  };
}

function unlock(context: RouteContext, vehicle: VehicleState): Reply {
  const refused = refuseNonEmptyBody(context.body, 'unlock');
  if (refused) return refused;
  const outcome = vehicle.unlockNow(V2_UNLOCK_WINDOW_MS);
  if (outcome.kind !== 'done')
    return data({ ...invokeResult(vehicle, outcome), readyToUnlock: false });
  return data({
    ...invokeResult(vehicle, outcome),
    readyToUnlock: true,
    readyToUnlockUntil:
      vehicle.quirks.unlockDeadline === 'seconds-left'
        ? V2_UNLOCK_WINDOW_MS / 1000
        : context.now + V2_UNLOCK_WINDOW_MS,
  });
}

/** Volvo's path segment and list name for each way of being found. */
const BEACONS: readonly { segment: string; listed: string; kind: BeaconKind }[] = [
  { segment: 'honk-flash', listed: 'HONK_AND_FLASH', kind: 'horn-and-lights' },
  { segment: 'honk', listed: 'HONK', kind: 'horn' },
  { segment: 'flash', listed: 'FLASH', kind: 'lights' },
];

function beacon(segment: string, listed: string, kind: BeaconKind) {
  return (context: RouteContext, vehicle: VehicleState): Reply => {
    if (!vehicle.equipment.hornAndLights) {
      return apiError(404, 'NOT_FOUND', `This vehicle does not support ${listed}.`);
    }
    const refused = refuseNonEmptyBody(context.body, segment);
    if (refused) return refused;
    return data(invokeResult(vehicle, vehicle.beaconNow(kind)));
  };
}

function commands(_context: RouteContext, vehicle: VehicleState): Reply {
  const base = `/connected-vehicle/v2/vehicles/${vehicle.vin}/commands`;
  const list = [
    { command: 'LOCK', href: `${base}/lock` },
    { command: 'UNLOCK', href: `${base}/unlock` },
  ];
  if (vehicle.equipment.lockReducedGuard) {
    list.push({ command: 'LOCK_REDUCED_GUARD', href: `${base}/lock-reduced-guard` });
  }
  if (vehicle.equipment.hornAndLights) {
    for (const { segment, listed } of BEACONS)
      list.push({ command: listed, href: `${base}/${segment}` });
  }
  return data(list);
}

/** Shaped as Home Assistant's recorded `xc90_petrol_2019/vehicle.json`, inside `data`. */
function details(_context: RouteContext, vehicle: VehicleState): Reply {
  const { model, modelYear, colour } = vehicle.equipment.catalogue;
  return data({
    vin: vehicle.vin,
    modelYear,
    gearbox: 'AUTOMATIC',
    fuelType: 'PETROL',
    ...(colour === null ? {} : { externalColour: colour }),
    images: {
      exteriorImageUrl: `https://images.example.invalid/${model.toLowerCase()}/exterior.png`,
      internalImageUrl: `https://images.example.invalid/${model.toLowerCase()}/interior.png`,
    },
    descriptions: { model, upholstery: 'CHARCOAL', steering: 'LEFT' },
  });
}

function commandAccessibility(_context: RouteContext, vehicle: VehicleState): Reply {
  const asleep = vehicle.readings().asleep;
  const timestamp = new Date(asleep.changedAt).toISOString();
  return data({
    availabilityStatus: asleep.value
      ? {
          value: 'UNAVAILABLE',
          unavailableReason: vehicle.readings().outOfReach ?? 'CAR_IN_SLEEP_MODE',
          timestamp,
        }
      : { value: 'AVAILABLE', timestamp },
  });
}

const read = { method: 'GET', kind: 'read', mediaTypes: [JSON_TYPE] } as const;
const command = { method: 'POST', kind: 'command', mediaTypes: [JSON_TYPE] } as const;

/** Today's v2 endpoints for doors, windows and locks. */
export const V2_ROUTES: readonly ApiRoute[] = [
  {
    ...read,
    path: ['vehicles'],
    scopes: ['conve:vehicle_relation'],
    target: 'account',
    handle: (context) => data(context.fleet.vins.map((vin) => ({ vin }))),
  },
  {
    ...read,
    path: ['vehicles', ':vin'],
    scopes: ['conve:vehicle_relation'],
    target: 'vehicle',
    handle: details,
  },
  {
    ...read,
    path: ['vehicles', ':vin', 'doors'],
    scopes: ['conve:doors_status', 'conve:lock_status'],
    target: 'vehicle',
    handle: doors,
  },
  {
    ...read,
    path: ['vehicles', ':vin', 'windows'],
    scopes: ['conve:windows_status'],
    target: 'vehicle',
    handle: windows,
  },
  {
    ...read,
    path: ['vehicles', ':vin', 'commands'],
    scopes: ['conve:commands'],
    target: 'vehicle',
    handle: commands,
  },
  {
    ...read,
    path: ['vehicles', ':vin', 'command-accessibility'],
    scopes: ['conve:command_accessibility'],
    target: 'vehicle',
    handle: commandAccessibility,
  },
  {
    ...command,
    path: ['vehicles', ':vin', 'commands', 'lock'],
    scopes: ['conve:lock'],
    target: 'vehicle',
    handle: lock(false),
  },
  {
    ...command,
    path: ['vehicles', ':vin', 'commands', 'lock-reduced-guard'],
    scopes: ['conve:lock'],
    target: 'vehicle',
    handle: lock(true),
  },
  {
    ...command,
    path: ['vehicles', ':vin', 'commands', 'unlock'],
    scopes: ['conve:unlock'],
    target: 'vehicle',
    handle: unlock,
  },
  ...BEACONS.map(
    ({ segment, listed, kind }): ApiRoute => ({
      ...command,
      path: ['vehicles', ':vin', 'commands', segment],
      scopes: ['conve:honk_flash'],
      target: 'vehicle',
      handle: beacon(segment, listed, kind),
    }),
  ),
];
