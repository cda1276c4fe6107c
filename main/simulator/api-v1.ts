import { z } from 'zod';
import { type ApiRoute, type RouteContext, refuseNonEmptyBody, wireReading } from './api-routes';
import { apiError, jsonReply, parseJson, type Reply } from './http';
import type { AsyncCommandName, AsyncCommandView, CarOutcome, VehicleState } from './vehicle';

/** The seed's media types. */
export const V1_VEHICLEDATA = 'application/vnd.volvocars.api.connected-vehicle.vehicledata.v1+json';
export const V1_LOCK = 'application/vnd.volvocars.api.connected-vehicle.lock.v1+json';
export const V1_UNLOCK = 'application/vnd.volvocars.api.connected-vehicle.unlock.v1+json';

/** v1 knows only OPEN and CLOSED: a door or window ajar reads as OPEN. */
const v1Value = (value: string) => (value === 'AJAR' ? 'OPEN' : value);

const UnlockBodySchema = z.strictObject({ unlockDuration: z.number().int().min(1).max(120) });

/** v1's envelope: `{ status, operationId, ...fields }`. */
function envelope(
  context: RouteContext,
  fields: Record<string, unknown>,
  contentType = V1_VEHICLEDATA,
): Reply {
  return {
    ...jsonReply(200, { status: 200, operationId: context.operationId, ...fields }),
    contentType,
  };
}

function doors(context: RouteContext, vehicle: VehicleState): Reply {
  const r = vehicle.readings();
  const odd = context.unknownValues;
  return envelope(context, {
    data: {
      carLocked: wireReading(r.lock, odd ? 'SECURED' : r.lock.value),
      frontLeft: wireReading(
        r.doors.frontLeft,
        odd ? 'HALF_OPEN' : v1Value(r.doors.frontLeft.value),
      ),
      frontRight: wireReading(r.doors.frontRight, v1Value(r.doors.frontRight.value)),
      rearLeft: wireReading(r.doors.rearLeft, v1Value(r.doors.rearLeft.value)),
      rearRight: wireReading(r.doors.rearRight, v1Value(r.doors.rearRight.value)),
      tailGate: wireReading(r.doors.tailgate, v1Value(r.doors.tailgate.value)),
      hood: wireReading(r.doors.hood, v1Value(r.doors.hood.value)),
    },
  });
}

function windows(context: RouteContext, vehicle: VehicleState): Reply {
  const w = vehicle.readings().windows;
  const odd = context.unknownValues;
  return envelope(context, {
    data: {
      frontLeft: wireReading(w.frontLeft, odd ? 'HALF_OPEN' : v1Value(w.frontLeft.value)),
      frontRight: wireReading(w.frontRight, v1Value(w.frontRight.value)),
      rearLeft: wireReading(w.rearLeft, v1Value(w.rearLeft.value)),
      rearRight: wireReading(w.rearRight, v1Value(w.rearRight.value)),
    },
  });
}

/** The v1 name of how the car answered. */
function finalStatus(outcome: CarOutcome): string {
  if (outcome.kind === 'done') return 'COMPLETED';
  if (outcome.kind === 'asleep') return 'VEHICLE_IN_SLEEP';
  return 'UNABLE_TO_LOCK_DOOR_OPEN';
}

function asyncReply(context: RouteContext, vin: string, view: AsyncCommandView): Reply {
  const expires = new Date(view.createdAt);
  // The invocation log is kept for one year.
  expires.setUTCFullYear(expires.getUTCFullYear() + 1);
  return envelope(
    context,
    {
      async: {
        status: typeof view.phase === 'string' ? view.phase : finalStatus(view.phase),
        id: view.id,
        href: `${context.baseUrl}/connected-vehicle/v1/vehicles/${vin}/commands/${view.command}/${view.id}`,
        expires: expires.toISOString(),
      },
    },
    'application/json',
  );
}

function lock(context: RouteContext, vehicle: VehicleState): Reply {
  const refused = refuseNonEmptyBody(context.body, 'lock');
  if (refused) return refused;
  return asyncReply(context, vehicle.vin, vehicle.submitAsync('lock'));
}

const UNLOCK_BODY_RULE =
  'The body must be {"unlockDuration": N} with N a whole number of seconds from 1 to 120.';

const SHELL_ESCAPED_NOTE =
  'The body had a backslash before each quote, as the seed example sends it in a POSIX shell; it was read without them. Valid JSON is -d \'{"unlockDuration":120}\'.';

/**
 * The unlock duration from the body, or the 400 to answer. The seed's one-line example, typed
 * into a POSIX shell, sends `{\"unlockDuration\":120}` (inside single quotes the backslashes
 * stay). How Volvo's gateway took that is not known; the simulator reads every `\"` as `"`, as
 * the seed's Body section means it, and adds a note saying so, so that the seed's example gets
 * the answer the seed describes.
 */
function unlockBody(
  body: string,
): { ok: true; seconds: number; note?: string } | { ok: false; reply: Reply } {
  const refuse = (description: string) => ({
    ok: false as const,
    reply: apiError(400, 'BAD_REQUEST', description),
  });
  if (body.trim() === '') return refuse(`The unlock command needs a body. ${UNLOCK_BODY_RULE}`);
  let json = parseJson(body);
  let note: string | undefined;
  if (!json.ok && body.includes('\\"')) {
    json = parseJson(body.replaceAll('\\"', '"'));
    note = SHELL_ESCAPED_NOTE;
  }
  if (!json.ok) return refuse(`The request body is not valid JSON. ${UNLOCK_BODY_RULE}`);
  const parsed = UnlockBodySchema.safeParse(json.value);
  if (!parsed.success) return refuse(UNLOCK_BODY_RULE);
  return note === undefined
    ? { ok: true, seconds: parsed.data.unlockDuration }
    : { ok: true, seconds: parsed.data.unlockDuration, note };
}

function unlock(context: RouteContext, vehicle: VehicleState): Reply {
  const body = unlockBody(context.body);
  if (!body.ok) return body.reply;
  const reply = asyncReply(
    context,
    vehicle.vin,
    vehicle.submitAsync('unlock', body.seconds * 1000),
  );
  return body.note === undefined ? reply : { ...reply, headers: { 'x-simulator-note': body.note } };
}

function commandStatus(command: AsyncCommandName) {
  return (context: RouteContext, vehicle: VehicleState): Reply => {
    const view = vehicle.asyncCommand(context.params.id ?? '');
    if (!view || view.command !== command) {
      return apiError(404, 'NOT_FOUND', `This vehicle has no ${command} command with that id.`);
    }
    return asyncReply(context, vehicle.vin, view);
  };
}

/** `async.href` answers any of these (and a request without accept). */
const ASYNC_ACCEPT = [V1_VEHICLEDATA, 'application/json', '*/*'];

/** The seed's v1 endpoints, plus where `async.href` points. */
export const V1_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: ['vehicles'],
    kind: 'read',
    scopes: ['conve:vehicle_relation'],
    mediaTypes: [V1_VEHICLEDATA],
    target: 'account',
    handle: (context) => envelope(context, { data: context.fleet.vins.map((vin) => ({ vin })) }),
  },
  {
    method: 'GET',
    path: ['vehicles', ':vin', 'doors'],
    kind: 'read',
    scopes: ['conve:doors_status', 'conve:lock_status'],
    mediaTypes: [V1_VEHICLEDATA],
    target: 'vehicle',
    handle: doors,
  },
  {
    method: 'GET',
    path: ['vehicles', ':vin', 'windows'],
    kind: 'read',
    scopes: ['conve:windows_status'],
    mediaTypes: [V1_VEHICLEDATA],
    target: 'vehicle',
    handle: windows,
  },
  {
    method: 'POST',
    path: ['vehicles', ':vin', 'commands', 'lock'],
    kind: 'command',
    scopes: ['conve:lock'],
    mediaTypes: [V1_LOCK],
    target: 'vehicle',
    handle: lock,
  },
  {
    method: 'POST',
    path: ['vehicles', ':vin', 'commands', 'unlock'],
    kind: 'command',
    scopes: ['conve:unlock'],
    mediaTypes: [V1_UNLOCK],
    target: 'vehicle',
    handle: unlock,
  },
  {
    method: 'GET',
    path: ['vehicles', ':vin', 'commands', 'lock', ':id'],
    kind: 'read',
    scopes: ['conve:lock'],
    mediaTypes: ASYNC_ACCEPT,
    target: 'vehicle',
    handle: commandStatus('lock'),
  },
  {
    method: 'GET',
    path: ['vehicles', ':vin', 'commands', 'unlock', ':id'],
    kind: 'read',
    scopes: ['conve:unlock'],
    mediaTypes: ASYNC_ACCEPT,
    target: 'vehicle',
    handle: commandStatus('unlock'),
  },
];
