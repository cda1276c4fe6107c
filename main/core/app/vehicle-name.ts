import type { VehicleDetails } from '../../../shared/vehicle';

/**
 * The name a car goes by: the person's own name for it; else the model Volvo reports with the
 * model year and the VIN's last six characters ("XC40 2023 · 000001"); else what the VIN alone
 * tells (v1 and cars Volvo does not describe): "Volvo 2023 · 000001".
 */

/** Volvo Cars' manufacturer identifiers: Sweden cars and SUVs, China, USA. */
const VOLVO_WMIS = new Set(['YV1', 'YV4', 'LYV', 'LVY', '7JR']);

/** Position-10 model-year letters from 2010 (A) to 2030 (Y); digits are ambiguous here. */
const YEAR_LETTERS = 'ABCDEFGHJKLMNPRSTVWXY';

/** The model year position 10 of a 17-character VIN gives, or null. */
function yearOfVin(vin: string): number | null {
  const index = YEAR_LETTERS.indexOf(vin.charAt(9));
  return index >= 0 && vin.length === 17 ? 2010 + index : null;
}

export function vehicleName(
  vin: string,
  details: VehicleDetails | null = null,
  ownName?: string,
): string {
  const custom = ownName?.trim();
  if (custom) return custom;
  const upper = vin.toUpperCase();
  const tail = upper.slice(-6);
  const year = details?.modelYear ?? yearOfVin(upper);
  if (details?.model) return [details.model, year, '·', tail].filter(Boolean).join(' ');
  if (!VOLVO_WMIS.has(upper.slice(0, 3))) return tail;
  return year === null ? `Volvo · ${tail}` : `Volvo ${year} · ${tail}`;
}

/** What Volvo says the car is, for a line under its name: "XC40 · 2023 · Crystal White". */
export function vehicleDescription(details: VehicleDetails | null): string | null {
  if (details === null) return null;
  const parts = [details.model, details.modelYear, details.colour].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.join(' · ');
}
