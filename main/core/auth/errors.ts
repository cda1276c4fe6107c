import * as oauth from 'oauth4webapi';
import { ANSWER_TOO_LARGE, AnswerLimitError } from '../bounded-answer';
import { COMMAND_SCOPES, FIND_MY_CAR_SCOPE } from './types';

/**
 * Why a sign-in or a token request did not work:
 * - `signed-out`: nobody is signed in.
 * - `expired`: the sign-in or the test token ended; the person must sign in (or paste) again.
 * - `unreachable`: Volvo ID did not answer (offline, DNS, timeout, server error); tokens are kept.
 * - `refused`: Volvo ID answered with an error that is not about the refresh token (e.g. a wrong
 *   client secret); tokens are kept.
 * - `invalid-input`: refused before anything was sent (a bad setting or a malformed test token).
 * - `sign-in-failed`: the browser sign-in did not complete (state mismatch, denied, port in use,
 *   abandoned, cancelled).
 */
export type AuthErrorKind =
  | 'signed-out'
  | 'expired'
  | 'unreachable'
  | 'refused'
  | 'invalid-input'
  | 'sign-in-failed';

/** An auth failure whose `message` is written for a person. Never carries a token. */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly kind: AuthErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Any failure of a sign-in, as an {@link AuthError} whose message is for a person. */
export function signInFailure(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  const detail = error instanceof Error ? error.message : 'unknown problem';
  return new AuthError(
    'sign-in-failed',
    `The sign-in did not work (${detail}). Start the sign-in again.`,
  );
}

/** What a failed token-endpoint call means for the session. */
export type TokenFailure =
  | { kind: 'invalid-grant' }
  | { kind: 'refused'; oauthError: string }
  | { kind: 'unreachable'; detail: string };

/**
 * Sorts an error from oauth4webapi or fetch. Only `invalid_grant` ends a sign-in; everything
 * else keeps the tokens, because the refresh token may still be good once the cause is gone.
 */
export function classifyTokenFailure(error: unknown): TokenFailure {
  if (error instanceof AnswerLimitError) return { kind: 'unreachable', detail: error.limit };
  if (error instanceof oauth.ResponseBodyError) {
    if (error.error === 'invalid_grant') return { kind: 'invalid-grant' };
    if (error.status >= 500 || error.error === 'temporarily_unavailable') {
      return { kind: 'unreachable', detail: `HTTP ${error.status} ${error.error}` };
    }
    return { kind: 'refused', oauthError: error.error };
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    // A token endpoint challenges only client authentication (RFC 6749 §5.2).
    const challenge = error.cause[0]?.parameters.error;
    const fallback = error.status === 401 ? 'invalid_client' : `HTTP ${error.status}`;
    return { kind: 'refused', oauthError: challenge ?? fallback };
  }
  if (error instanceof oauth.OperationProcessingError) {
    return { kind: 'unreachable', detail: error.code ?? 'unexpected answer' };
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return { kind: 'unreachable', detail: 'timeout' };
  }
  return { kind: 'unreachable', detail: error instanceof Error ? error.name : 'unknown' };
}

/** The sentence for a token request that got no usable answer; the sign-in is kept. */
export function unreachableMessage(detail: string, doing: string): string {
  return detail === 'too-large'
    ? `${ANSWER_TOO_LARGE} when volvo-tray tried to ${doing}.`
    : `Could not reach Volvo ID to ${doing}.`;
}

/** The sentence shown when Volvo ID refuses the client itself (wrong id or secret). */
export function refusedMessage(oauthError: string): string {
  if (oauthError === 'invalid_client' || oauthError === 'unauthorized_client') {
    return `Volvo ID did not accept the client id or client secret of your Volvo developer app (${oauthError}). Check them in Settings.`;
  }
  return `Volvo ID refused the request (${oauthError}). If this keeps happening, check your Volvo developer app.`;
}

/** Runs oauth4webapi's callback check, wording its errors (denied, issuer mismatch) for a person. */
export function acceptCallback(validate: () => URLSearchParams): URLSearchParams {
  try {
    return validate();
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      if (error.error === 'access_denied') {
        throw new AuthError(
          'sign-in-failed',
          'Access was not granted on the Volvo ID sign-in page, so volvo-tray is not signed in.',
        );
      }
      if (error.error === 'invalid_scope') {
        // Restricted scopes wait weeks or months for Volvo's approval; asking for one the app
        // does not have fails the whole sign-in.
        const said = error.error_description ? ` Volvo ID said: ${error.error_description}` : '';
        throw new AuthError(
          'sign-in-failed',
          `Volvo ID refused the sign-in because your app is not approved for some of the scopes volvo-tray asks for.${said} Tick "Status only" and sign in again, or ask Volvo to approve ${COMMAND_SCOPES.join(' and ')} for your app (and ${FIND_MY_CAR_SCOPE} if you ticked "Find my car", or untick it).`,
        );
      }
      const description = error.error_description ? `: ${error.error_description}` : '';
      throw new AuthError(
        'sign-in-failed',
        `Volvo ID could not sign you in (${error.error}${description}). Start the sign-in again.`,
      );
    }
    const detail = error instanceof Error ? error.message : 'unknown problem';
    throw new AuthError(
      'sign-in-failed',
      `The answer from the sign-in page was not valid (${detail}). Start the sign-in again.`,
    );
  }
}

/** Words a failed code exchange for a person. */
export function codeExchangeError(error: unknown): AuthError {
  if (error instanceof oauth.OperationProcessingError) {
    return new AuthError(
      'sign-in-failed',
      `Volvo ID's answer could not be used (${error.message}). Start the sign-in again.`,
    );
  }
  const failure = classifyTokenFailure(error);
  switch (failure.kind) {
    case 'invalid-grant':
      return new AuthError(
        'sign-in-failed',
        'Volvo ID refused the sign-in code (it was already used, had expired, or did not belong to this sign-in). Start the sign-in again.',
      );
    case 'refused':
      return new AuthError('refused', refusedMessage(failure.oauthError));
    case 'unreachable':
      return new AuthError(
        'unreachable',
        `${unreachableMessage(failure.detail, 'finish the sign-in')} Check your connection and try again.`,
      );
  }
}
