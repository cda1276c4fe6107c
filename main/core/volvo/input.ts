import { VolvoApiError } from './errors';

/** Letters and digits only: a VIN never needs escaping and can never change the URL's path. */
const VIN_PATTERN = /^[A-Za-z0-9]{1,32}$/;

/** Refuses anything that is not a vehicle identification number, before a request is made. */
export function checkVin(vin: string): void {
  if (!VIN_PATTERN.test(vin)) {
    throw new VolvoApiError(
      'invalid-input',
      `"${vin}" is not a vehicle identification number (VIN): use the letters and digits shown for the car.`,
    );
  }
}

/** The API path of one vehicle, e.g. `/vehicles/YV1.../doors`. */
export function vehiclePath(vin: string, rest: string): string {
  checkVin(vin);
  return `/vehicles/${vin}${rest}`;
}

/** Volvo's v1 unlock window: whole seconds, at most 120 (the seed). */
export const DEFAULT_UNLOCK_DURATION_S = 120;

/** The unlock window to send, or an 'invalid-input' error before anything is sent. */
export function unlockDuration(seconds: number | undefined): number {
  if (seconds === undefined) return DEFAULT_UNLOCK_DURATION_S;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > DEFAULT_UNLOCK_DURATION_S) {
    throw new VolvoApiError(
      'invalid-input',
      `The unlock duration must be a whole number of seconds from 1 to 120, not ${seconds}.`,
    );
  }
  return seconds;
}
