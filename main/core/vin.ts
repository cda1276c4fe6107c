import { z } from 'zod';
import { FIELD_MESSAGES } from '../../shared/words/fields';

/**
 * A VIN as typed: trimmed, any case, 17 characters of the VIN alphabet (no I, O or Q). A module
 * of its own so that the CLI reads VINs without building every intent's and setting's schema.
 */
export const vin = z
  .string()
  .trim()
  .regex(/^[A-HJ-NPR-Z0-9]{17}$/i, FIELD_MESSAGES.vin);
