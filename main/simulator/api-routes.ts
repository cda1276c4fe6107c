import type { Fleet } from './fleet';
import { apiError, parseJson, type Reply } from './http';
import type { CallKind } from './rate-limit';
import type { StoredReading, VehicleState } from './vehicle';

/** What a route handler gets once every gateway check has passed. */
export interface RouteContext {
  params: Record<string, string>;
  body: string;
  now: number;
  operationId: string;
  baseUrl: string;
  fleet: Fleet;
  /** The unknown-values fault: some readings carry values no client knows. */
  unknownValues: boolean;
}

interface RouteBase {
  method: 'GET' | 'POST';
  /** Below the version, e.g. ['vehicles', ':vin', 'doors']. */
  path: readonly string[];
  /** Reads are checked against `accept`, commands against `content-type`; also the rate limit. */
  kind: CallKind;
  /** Needed besides openid. */
  scopes: readonly string[];
  /** Accepted media types; '*' + '/*' in the list also admits a request without the header. */
  mediaTypes: readonly string[];
}

/** One endpoint of the Connected Vehicle API. Paths with ':vin' target a vehicle. */
export type ApiRoute = RouteBase &
  (
    | { target: 'account'; handle(context: RouteContext): Reply }
    | { target: 'vehicle'; handle(context: RouteContext, vehicle: VehicleState): Reply }
  );

/** `{ value, timestamp }` as the API reports every reading. */
export function wireReading(
  reading: StoredReading<string>,
  value: string = reading.value,
): { value: string; timestamp: string } {
  return { value, timestamp: new Date(reading.changedAt).toISOString() };
}

/** A command body that must be empty or `{}`; null when it is, else the 400 to answer. */
export function refuseNonEmptyBody(body: string, what: string): Reply | null {
  if (body.trim() === '') return null;
  const parsed = parseJson(body);
  if (!parsed.ok) return apiError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  const value = parsed.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if (Object.keys(value).length === 0) return null;
  }
  return apiError(400, 'BAD_REQUEST', `The ${what} command takes no body (send nothing or {}).`);
}
