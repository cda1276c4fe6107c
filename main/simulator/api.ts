import { randomUUID } from 'node:crypto';
import type { AccessGrant, AccessTokens } from './access-tokens';
import type { ApiRoute, RouteContext } from './api-routes';
import { V1_ROUTES } from './api-v1';
import { V2_ROUTES } from './api-v2';
import { ENGINE_ROUTES } from './api-v2-engine';
import { WARNING_ROUTES } from './api-v2-warnings';
import type { SimClock } from './clock';
import type { OutageSwitch } from './developer-portal';
import type { FaultSwitch } from './faults';
import { type Fleet, isVin } from './fleet';
import {
  apiError,
  HANG,
  type Handler,
  header,
  matchPath,
  mediaTypes,
  type Outcome,
  quote,
  type Reply,
  type SimRequest,
} from './http';
import { type DailyQuota, quotaExhaustedReply } from './quota';
import { type RateLimiter, rateLimitedReply } from './rate-limit';
import { sameSecret } from './secrets';

export interface ApiDeps {
  baseUrl: string;
  clock: SimClock;
  fleet: Fleet;
  apiKey: string;
  accessTokens: AccessTokens;
  quota: DailyQuota;
  rateLimiter: RateLimiter;
  faults: FaultSwitch;
  /** While Volvo has an outage, every call answers 503. */
  outage: OutageSwitch;
  v1Removed: boolean;
  /** Every call under /connected-vehicle, counted for `stats()`. */
  counters: { apiRequests: number };
  /** Waits in real time (the latency fault); ends early when the simulator closes. */
  delay(ms: number): Promise<void>;
}

const ROUTES: Record<'v1' | 'v2', readonly ApiRoute[]> = {
  v1: V1_ROUTES,
  v2: [...V2_ROUTES, ...ENGINE_ROUTES, ...WARNING_ROUTES],
};
/** A caller-supplied operation id is echoed only when it looks like one. */
const OPERATION_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The Connected Vehicle API gateway, v1 and v2: finds the route, then checks in Volvo's order
 * the injected fault, API key, quota, bearer token, rate limit, scopes, media type and VIN
 * before the route answers. Every answer carries `vcc-api-operationId`.
 */
export function createApi(deps: ApiDeps): Handler {
  return async (request) => {
    deps.counters.apiRequests += 1;
    const given = header(request, 'vcc-api-operationid');
    const operationId = given !== undefined && OPERATION_ID.test(given) ? given : randomUUID();
    const outcome = await gate(deps, request, operationId);
    if (outcome === HANG) return HANG;
    return { ...outcome, headers: { ...outcome.headers, 'vcc-api-operationid': operationId } };
  };
}

async function gate(deps: ApiDeps, request: SimRequest, operationId: string): Promise<Outcome> {
  if (deps.outage.get() !== null) {
    return apiError(503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable.');
  }
  const [, version, ...path] = request.segments;
  if (version !== 'v1' && version !== 'v2') {
    return apiError(404, 'NOT_FOUND', 'There is no such API version: use v1 or v2.');
  }
  if (version === 'v1' && deps.v1Removed) {
    return apiError(410, 'GONE', 'Version 1 is removed.');
  }
  const found = findRoute(ROUTES[version], request.method, path);
  if (found === null) return apiError(404, 'NOT_FOUND', 'There is no such endpoint.');
  if ('allow' in found) {
    return apiError(405, 'METHOD_NOT_ALLOWED', `This endpoint takes ${found.allow}.`, {
      allow: found.allow,
    });
  }
  const { route, params } = found;

  const fault = deps.faults.take();
  if (fault?.kind === 'latency') await deps.delay(fault.ms);
  if (fault?.kind === 'timeout') return HANG;
  if (fault?.kind === 'status') {
    return apiError(
      fault.status,
      STATUS_NAMES[fault.status],
      'The service failed (injected fault).',
    );
  }
  if (fault?.kind === 'malformed') {
    return { status: 200, contentType: 'application/json', text: '{"data": {"centralLock": {"val' };
  }
  const now = deps.clock.now();
  if (fault?.kind === 'quota-exhausted') return quotaExhaustedReply(now);
  if (fault?.kind === 'rate-limit') return rateLimitedReply(fault.retryAfterSeconds);

  const apiKey = header(request, 'vcc-api-key');
  if (apiKey === undefined || apiKey === '') {
    return apiError(401, 'UNAUTHORIZED', 'The vcc-api-key header is missing.');
  }
  if (!sameSecret(apiKey, deps.apiKey)) {
    // Volvo's own words (see README): they name the key, so a client knows not to refresh.
    return apiError(
      401,
      'UNAUTHORIZED',
      'Access denied due to invalid VCC-API-KEY. Make sure to provide a valid key for an active subscription.',
    );
  }
  if (!deps.quota.consume(apiKey, now)) return quotaExhaustedReply(now);

  const bearer = bearerGrant(request, deps.accessTokens);
  if (!bearer.ok) return bearer.reply;
  const grant = bearer.grant;

  const retryAfter = deps.rateLimiter.take(`${grant.subject}|${grant.clientId}`, route.kind, now);
  if (retryAfter !== null) return rateLimitedReply(retryAfter);

  const missing = ['openid', ...route.scopes].filter((scope) => !grant.scopes.has(scope));
  if (missing.length > 0) {
    return apiError(
      403,
      'FORBIDDEN',
      `The access token lacks the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
    );
  }

  const refusedMedia = checkMediaType(request, route);
  if (refusedMedia) return refusedMedia;

  const context: RouteContext = {
    params,
    body: request.body,
    now,
    operationId,
    baseUrl: deps.baseUrl,
    fleet: deps.fleet,
    unknownValues: fault?.kind === 'unknown-values',
  };
  if (route.target === 'account') return route.handle(context);
  const vin = params.vin ?? '';
  const vehicle = deps.fleet.get(vin);
  if (!vehicle) {
    return apiError(
      404,
      'NOT_FOUND',
      isVin(vin)
        ? `No vehicle with VIN ${vin} is linked to this account.`
        : `"${quote(vin)}" is not a VIN.`,
    );
  }
  // Real models lack some endpoints, and a car can fail a command itself (see README).
  const endpoint = route.path.at(-1) ?? '';
  if (route.kind === 'read' && vehicle.quirks.unsupported.includes(endpoint)) {
    return apiError(404, 'NOT_FOUND', 'Car model is not supported');
  }
  if (route.kind === 'command' && vehicle.quirks.commandsFailInCar) {
    return apiError(422, 'Error returned from car', 'The car did not carry out the command.');
  }
  return route.handle(context, vehicle);
}

const STATUS_NAMES: Record<500 | 502 | 503 | 504, string> = {
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

function findRoute(
  routes: readonly ApiRoute[],
  method: string,
  path: readonly string[],
): { route: ApiRoute; params: Record<string, string> } | { allow: string } | null {
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params === null) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { allow: allowed.join(', ') } : null;
}

function bearerGrant(
  request: SimRequest,
  tokens: AccessTokens,
): { ok: true; grant: AccessGrant } | { ok: false; reply: Reply } {
  const refuse = (description: string, error = 'invalid_token') => ({
    ok: false as const,
    reply: apiError(401, 'UNAUTHORIZED', description, {
      'www-authenticate': `Bearer error="${error}"`,
    }),
  });
  const authorization = header(request, 'authorization');
  if (authorization === undefined) {
    return refuse(
      'The authorization header is missing: send Bearer <access token>.',
      'invalid_request',
    );
  }
  const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(authorization.trim());
  if (!match?.[1]) {
    return refuse('The authorization header must be "Bearer <access token>".', 'invalid_request');
  }
  const check = tokens.check(match[1]);
  if (check.ok) return check;
  return refuse(
    check.reason === 'expired' ? 'The access token has expired.' : 'The access token is not valid.',
  );
}

/**
 * Reads honour the accept header as HTTP does: a missing one, a wildcard (any type, or any
 * application type) or the exact type all get the answer (open-source clients send the any-type
 * wildcard or nothing, and Volvo answers them); 406 only when every acceptable range excludes it
 * (e.g. `text/html` alone, or q=0). Commands take their content-type, or none at all with an
 * empty body (the peers send none).
 */
function checkMediaType(request: SimRequest, route: ApiRoute): Reply | null {
  if (route.kind === 'read') {
    if (acceptable(header(request, 'accept'), route.mediaTypes)) return null;
    return apiError(
      406,
      'NOT_ACCEPTABLE',
      `This endpoint answers ${route.mediaTypes[0]}; send it (or */*) in the accept header.`,
    );
  }
  const contentType = header(request, 'content-type');
  if (contentType === undefined && request.body.trim() === '') return null;
  const [type] = mediaTypes(contentType);
  if (type !== undefined && route.mediaTypes.includes(type)) return null;
  return apiError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `This command takes content-type ${route.mediaTypes[0]}.`,
  );
}

/** Whether an accept header admits one of `offered` (RFC 9110 media ranges, q=0 excluded). */
function acceptable(accept: string | undefined, offered: readonly string[]): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((part) => {
    const [range = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) return false;
    const [type, subtype] = range.split('/');
    return offered.some((candidate) => {
      const [offeredType, offeredSubtype] = candidate.split('/');
      if (type === '*' && subtype === '*') return true;
      return type === offeredType && (subtype === '*' || subtype === offeredSubtype);
    });
  });
}
