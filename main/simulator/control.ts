import { z } from 'zod';
import { LAMP_WARNINGS } from './api-v2-warnings';
import { CAR_DOORS, CAR_WINDOWS } from './car-parts';
import type { SimClock } from './clock';
import { type OutageSwitch, outageNoticeSchema } from './developer-portal';
import { simFaultSchema } from './faults';
import type { Fleet } from './fleet';
import {
  apiError,
  type Handler,
  header,
  isAddressedToLoopback,
  isLoopbackAddress,
  jsonReply,
  matchPath,
  mediaTypes,
  parseJson,
  quote,
  type Reply,
  type SimRequest,
} from './http';
import { quirksPatchSchema } from './quirks';
import { formatHms, untilQuotaReset } from './quota';
import { SUPPORTED_SCOPES } from './scopes';
import type { SimFault } from './types';
import type { StoredReading, VehicleState } from './vehicle';

/** What the control API may see and change. */
export interface ControlDeps {
  clock: SimClock;
  fleet: Fleet;
  fault(): SimFault | null;
  setFault(fault: SimFault | null): void;
  outage: OutageSwitch;
  issueAccessToken(scopes: readonly string[]): string;
  accessTokenTtlSeconds: number;
  revokeRefreshTokens(): void;
  quota(): { perDay: number; usedToday: number };
  stats(): { apiRequests: number; grants: { authorization_code: number; refresh_token: number } };
}

const openValue = z.object({
  value: z.enum(['OPEN', 'CLOSED', 'AJAR'], { error: 'value must be OPEN, CLOSED or AJAR' }),
});
const lockValue = z.object({
  value: z.enum(['LOCKED', 'UNLOCKED'], { error: 'value must be LOCKED or UNLOCKED' }),
});
const sleepValue = z.object({ asleep: z.boolean({ error: 'asleep must be true or false' }) });
const reachValue = z.object({
  outOfReach: z.enum(['POWER_SAVING_MODE', 'NO_INTERNET', 'CAR_IN_USE']).nullable(),
});
const engineValue = z.object({ running: z.boolean({ error: 'running must be true or false' }) });
const lampValue = z.object({
  field: z.enum(LAMP_WARNINGS as [string, ...string[]], { error: 'field must be a lamp warning' }),
  failed: z.boolean({ error: 'failed must be true or false' }),
});
const outageValue = z.object({ message: outageNoticeSchema }).nullable();
const tokenRequest = z.object({
  scopes: z
    .array(z.enum(SUPPORTED_SCOPES as [string, ...string[]], { error: 'unknown scope' }))
    .optional(),
});
const doorName = z.enum(CAR_DOORS);
const windowName = z.enum(CAR_WINDOWS);

type Action = (request: SimRequest, params: Record<string, string>) => Reply;

/**
 * The simulator's own API under /_simulator/: look at the cars, change them as a person would
 * (open a door, put the car to sleep), inject faults, mint tokens. Loopback only, and closed to
 * web pages (no foreign Origin, JSON bodies only), since anyone who reaches it controls the car.
 */
export function createControl(deps: ControlDeps): Handler {
  /** A change to one car: finds the car, reads the JSON body with `schema`, then applies it. */
  const vehicleChange =
    <T>(
      schema: z.ZodType<T>,
      apply: (vehicle: VehicleState, value: T, params: Record<string, string>) => Reply | null,
    ) =>
    (request: SimRequest, params: Record<string, string>): Reply => {
      const vehicle = deps.fleet.get(params.vin ?? '');
      if (!vehicle) {
        return apiError(
          404,
          'NOT_FOUND',
          `The simulator has no vehicle "${quote(params.vin ?? '')}".`,
        );
      }
      const body = jsonBody(request);
      if (!body.ok) return body.reply;
      const parsed = schema.safeParse(body.value);
      if (!parsed.success) return badRequest(zodReason(parsed.error));
      return apply(vehicle, parsed.data, params) ?? jsonReply(200, vehicleState(vehicle));
    };

  const routes: { method: string; path: string[]; action: Action }[] = [
    { method: 'GET', path: ['state'], action: () => jsonReply(200, state(deps)) },
    {
      method: 'POST',
      path: ['vehicles', ':vin', 'doors', ':door'],
      action: vehicleChange(openValue, (vehicle, { value }, params) => {
        const door = doorName.safeParse(params.door);
        if (!door.success) return badRequest(`door must be one of ${CAR_DOORS.join(', ')}`);
        vehicle.setDoor(door.data, value);
        return null;
      }),
    },
    {
      method: 'POST',
      path: ['vehicles', ':vin', 'windows', ':window'],
      action: vehicleChange(openValue, (vehicle, { value }, params) => {
        const window = windowName.safeParse(params.window);
        if (!window.success) return badRequest(`window must be one of ${CAR_WINDOWS.join(', ')}`);
        if (window.data === 'sunroof' && !vehicle.equipment.sunroof) {
          return apiError(404, 'NOT_FOUND', `The car ${vehicle.vin} has no sunroof.`);
        }
        vehicle.setWindow(window.data, value);
        return null;
      }),
    },
    {
      method: 'POST',
      path: ['vehicles', ':vin', 'quirks'],
      action: vehicleChange(quirksPatchSchema, (vehicle, patch) => {
        vehicle.setQuirks(patch);
        return null;
      }),
    },
    {
      method: 'POST',
      path: ['vehicles', ':vin', 'lock'],
      action: vehicleChange(lockValue, (vehicle, { value }) => {
        vehicle.setLock(value);
        return null;
      }),
    },
    {
      method: 'POST',
      path: ['vehicles', ':vin', 'sleep'],
      action: vehicleChange(sleepValue, (vehicle, { asleep }) => {
        vehicle.setAsleep(asleep);
        return null;
      }),
    },
    {
      method: 'POST',
      path: ['vehicles', ':vin', 'reach'],
      action: vehicleChange(reachValue, (vehicle, { outOfReach }) => {
        vehicle.setOutOfReach(outOfReach);
        return null;
      }),
    },
    {
      method: 'POST',
      path: ['vehicles', ':vin', 'engine'],
      action: vehicleChange(engineValue, (vehicle, { running }) => {
        vehicle.setEngine(running ? 'RUNNING' : 'STOPPED');
        return null;
      }),
    },
    {
      method: 'POST',
      path: ['vehicles', ':vin', 'lamps'],
      action: vehicleChange(lampValue, (vehicle, { field, failed }) => {
        vehicle.setLampFailure(field, failed);
        return null;
      }),
    },
    {
      method: 'POST',
      path: ['fault'],
      action: (request) => {
        const body = jsonBody(request);
        if (!body.ok) return body.reply;
        if (body.value === null) {
          deps.setFault(null);
          return jsonReply(200, { fault: null });
        }
        const parsed = simFaultSchema.safeParse(body.value);
        if (!parsed.success) return badRequest(zodReason(parsed.error));
        deps.setFault(parsed.data);
        return jsonReply(200, { fault: deps.fault() });
      },
    },
    {
      method: 'DELETE',
      path: ['fault'],
      action: () => {
        deps.setFault(null);
        return jsonReply(200, { fault: null });
      },
    },
    {
      method: 'POST',
      path: ['outage'],
      action: (request) => {
        const body = jsonBody(request);
        if (!body.ok) return body.reply;
        const parsed = outageValue.safeParse(body.value);
        if (!parsed.success) return badRequest(zodReason(parsed.error));
        deps.outage.set(parsed.data?.message ?? null);
        return jsonReply(200, { outage: outageState(deps) });
      },
    },
    {
      method: 'DELETE',
      path: ['outage'],
      action: () => {
        deps.outage.set(null);
        return jsonReply(200, { outage: null });
      },
    },
    {
      method: 'POST',
      path: ['tokens'],
      action: (request) => {
        const body = jsonBody(request, true);
        if (!body.ok) return body.reply;
        const parsed = tokenRequest.safeParse(body.value);
        if (!parsed.success) return badRequest(zodReason(parsed.error));
        const scopes = parsed.data.scopes ?? SUPPORTED_SCOPES;
        return jsonReply(200, {
          access_token: deps.issueAccessToken(scopes),
          token_type: 'Bearer',
          expires_in: deps.accessTokenTtlSeconds,
          scope: scopes.join(' '),
        });
      },
    },
    {
      method: 'POST',
      path: ['refresh-tokens', 'revoke'],
      action: () => {
        deps.revokeRefreshTokens();
        return jsonReply(200, { revoked: true });
      },
    },
  ];

  return (request) => {
    const refused = refuseOutsider(request);
    if (refused) return refused;
    const path = request.segments.slice(1);
    const allowed: string[] = [];
    for (const route of routes) {
      const params = matchPath(route.path, path);
      if (params === null) continue;
      if (route.method === request.method) return route.action(request, params);
      allowed.push(route.method);
    }
    if (allowed.length > 0) {
      return apiError(405, 'METHOD_NOT_ALLOWED', `Use ${allowed.join(' or ')}.`, {
        allow: allowed.join(', '),
      });
    }
    return apiError(
      404,
      'NOT_FOUND',
      'There is no such control endpoint; see main/simulator/README.md.',
    );
  };
}

/**
 * Only this machine, and not a web page in a browser on it: not through DNS rebinding (a
 * foreign Host), and not from any page at all, even one served on another local port (a form
 * post or a simple fetch carries an Origin; curl, scripts and tests send none).
 */
function refuseOutsider(request: SimRequest): Reply | null {
  if (!isLoopbackAddress(request.remoteAddress)) {
    return apiError(403, 'FORBIDDEN', 'The control API answers only this machine.');
  }
  if (!isAddressedToLoopback(request) || request.headers.origin !== undefined) {
    return apiError(403, 'FORBIDDEN', 'The control API does not answer web pages.');
  }
  return null;
}

/** A JSON body (content-type application/json); when optional, an empty body reads as {}. */
function jsonBody(
  request: SimRequest,
  optional = false,
): { ok: true; value: unknown } | { ok: false; reply: Reply } {
  if (request.body.trim() === '') {
    return optional
      ? { ok: true, value: {} }
      : { ok: false, reply: badRequest('the request needs a JSON body') };
  }
  if (!mediaTypes(header(request, 'content-type')).includes('application/json')) {
    return {
      ok: false,
      reply: apiError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the body as content-type application/json.',
      ),
    };
  }
  const parsed = parseJson(request.body);
  return parsed.ok ? parsed : { ok: false, reply: badRequest('the body is not valid JSON') };
}

function badRequest(reason: string): Reply {
  return apiError(400, 'BAD_REQUEST', `${reason[0]?.toUpperCase() ?? ''}${reason.slice(1)}.`);
}

/** zod issues in words: "value: value must be OPEN, CLOSED or AJAR". */
function zodReason(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

function wire(reading: StoredReading<string | boolean>) {
  return { value: reading.value, timestamp: new Date(reading.changedAt).toISOString() };
}

function vehicleState(vehicle: VehicleState) {
  const r = vehicle.readings();
  return {
    vin: vehicle.vin,
    equipment: vehicle.equipment,
    asleep: wire(r.asleep),
    engine: wire(r.engine),
    outOfReach: r.outOfReach,
    quirks: vehicle.quirks,
    lock: wire(r.lock),
    doors: Object.fromEntries(
      Object.entries(r.doors).map(([name, reading]) => [name, wire(reading)]),
    ),
    windows: {
      ...Object.fromEntries(
        Object.entries(r.windows).map(([name, reading]) => [name, wire(reading)]),
      ),
      ...(r.sunroof ? { sunroof: wire(r.sunroof) } : {}),
    },
    unlockWindowUntil:
      r.unlockWindowUntil === null ? null : new Date(r.unlockWindowUntil).toISOString(),
    pendingCommands: vehicle
      .pendingCommands()
      .map((command) => ({ id: command.id, command: command.command, status: command.phase })),
  };
}

function outageState(deps: ControlDeps): { message: string } | null {
  const message = deps.outage.get();
  return message === null ? null : { message };
}

function state(deps: ControlDeps) {
  const now = deps.clock.now();
  return {
    now: new Date(now).toISOString(),
    vehicles: deps.fleet.all().map(vehicleState),
    fault: deps.fault(),
    outage: outageState(deps),
    quota: { ...deps.quota(), replenishedIn: formatHms(untilQuotaReset(now)) },
    stats: deps.stats(),
  };
}
