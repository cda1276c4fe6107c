import { VolvoApiError } from '../errors';

/** The rejection of `promise`, which must be a {@link VolvoApiError} (anything else fails the test). */
export async function failure(promise: Promise<unknown>): Promise<VolvoApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof VolvoApiError)) throw new Error(`expected a VolvoApiError, got ${error}`);
  return error;
}
