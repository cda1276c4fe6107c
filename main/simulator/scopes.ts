/**
 * Scopes the Volvo ID stand-in knows: OpenID's and the Connected Vehicle API's, as Volvo's
 * developer portal lists them (listed here, not taken from the client, so the oracle keeps its
 * own view). Anything else is refused with invalid_scope, as Volvo ID does.
 */
export const SUPPORTED_SCOPES: readonly string[] = [
  'openid',
  'conve:vehicle_relation',
  'conve:doors_status',
  'conve:lock_status',
  'conve:windows_status',
  'conve:lock',
  'conve:unlock',
  'conve:commands',
  'conve:command_accessibility',
  'conve:fuel_status',
  'conve:odometer_status',
  'conve:tyre_status',
  'conve:brake_status',
  'conve:engine_status',
  'conve:diagnostics_engine_status',
  'conve:diagnostics_workshop',
  'conve:warnings',
  'conve:trip_statistics',
  'conve:battery_charge_level',
  'conve:environment',
  'conve:climatization_start_stop',
  'conve:honk_flash',
  'conve:engine_start_stop',
];

const SUPPORTED = new Set(SUPPORTED_SCOPES);

/** Splits a space-separated scope parameter; refused when empty or when a scope is unknown. */
export function parseScopes(value: string | null):
  | { ok: true; scopes: string[] }
  | {
      ok: false;
      unknown: string[];
    } {
  const scopes = [...new Set((value ?? '').split(' ').filter((scope) => scope.length > 0))];
  const unknown = scopes.filter((scope) => !SUPPORTED.has(scope));
  if (scopes.length === 0 || unknown.length > 0) return { ok: false, unknown };
  return { ok: true, scopes };
}
