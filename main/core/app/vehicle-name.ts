/**
 * A display name from the VIN alone (the API does not tell the model): the make from the
 * world manufacturer identifier, the model year from position 10, and the VIN's last six
 * characters, e.g. "Volvo 2023 · 000001". Unknown makes show just the last six characters.
 */

/** Volvo Cars' manufacturer identifiers: Sweden cars and SUVs, China, USA. */
const VOLVO_WMIS = new Set(['YV1', 'YV4', 'LYV', 'LVY', '7JR']);

/** Position-10 model-year letters from 2010 (A) to 2030 (Y); digits are ambiguous here. */
const YEAR_LETTERS = 'ABCDEFGHJKLMNPRSTVWXY';

export function vehicleName(vin: string): string {
  const upper = vin.toUpperCase();
  const tail = upper.slice(-6);
  if (!VOLVO_WMIS.has(upper.slice(0, 3))) return tail;
  const yearIndex = YEAR_LETTERS.indexOf(upper.charAt(9));
  return yearIndex >= 0 && upper.length === 17
    ? `Volvo ${2010 + yearIndex} · ${tail}`
    : `Volvo · ${tail}`;
}
