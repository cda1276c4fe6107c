import { MESSAGES } from '../../../shared/words/sign-in';
import type { SecretVault } from '../ports';
import type { Credentials } from './credentials';
import { commandsAllowed, findMyCarAllowed, signedInMessage } from './credentials';
import type { SessionMeta } from './session-meta';
import { type AuthState, SIGNED_OUT } from './types';

/** What a restart finds: the state to show, credentials to go on with, and what to forget. */
export interface SavedSession {
  state: AuthState;
  credentials: Credentials | null;
  /** Tokens to delete, and the facts to save instead (an expired test token). */
  forget: SessionMeta | null;
}

/**
 * Reads the session saved by an earlier run from its facts and the vault, without any network.
 * `sessionOnly`: the person no longer allows secrets on this unencrypted disk, so whatever is
 * found is taken off it (and kept in memory for this run).
 */
export async function readSavedSession(
  meta: SessionMeta | null,
  vault: SecretVault,
  sessionOnly: boolean,
  now: number,
): Promise<SavedSession> {
  const nothing = (state: AuthState): SavedSession => ({ state, credentials: null, forget: null });
  if (meta === null) return nothing(SIGNED_OUT);
  const { apiVersion } = meta;
  if (meta.status === 'expired') {
    return nothing({
      status: 'expired',
      mode: meta.mode,
      apiVersion,
      tokenExpiresAt: meta.testTokenExpiresAt ?? null,
      message: meta.mode === 'test-token' ? MESSAGES.testTokenExpired : MESSAGES.expired,
      commandsAllowed: true,
      findMyCarAllowed: false,
    });
  }
  // The demo simulator starts on a new port with no tokens each launch: demo signs in afresh.
  if (meta.status === 'signed-out' || meta.mode === null || meta.mode === 'demo') {
    return nothing({ ...SIGNED_OUT, apiVersion });
  }
  const lost = (message: string) => nothing({ ...SIGNED_OUT, apiVersion, message });
  const signedIn = (credentials: Credentials, tokenExpiresAt: number | null): SavedSession => ({
    state: {
      status: 'signed-in',
      mode: credentials.kind === 'test-token' ? 'test-token' : credentials.mode,
      apiVersion,
      tokenExpiresAt,
      message: signedInMessage(credentials),
      commandsAllowed: commandsAllowed(credentials),
      findMyCarAllowed: findMyCarAllowed(credentials),
    },
    credentials,
    forget: null,
  });

  if (meta.mode === 'test-token') {
    const token = await vault.get('accessToken');
    const expiresAt = meta.testTokenExpiresAt;
    if (token === undefined || expiresAt === undefined) {
      return lost(sessionOnly ? MESSAGES.sessionOnlyLost : MESSAGES.savedSignInMissing);
    }
    if (now >= expiresAt) {
      return {
        state: {
          status: 'expired',
          mode: 'test-token',
          apiVersion,
          tokenExpiresAt: expiresAt,
          message: MESSAGES.testTokenExpired,
          commandsAllowed: true,
          findMyCarAllowed: false,
        },
        credentials: null,
        forget: { version: 1, status: 'expired', mode: 'test-token', apiVersion },
      };
    }
    if (sessionOnly) await vault.delete('accessToken');
    return signedIn({ kind: 'test-token', token, expiresAt, memoryOnly: sessionOnly }, expiresAt);
  }

  const volvoId = meta.volvoId;
  const refreshToken = await vault.get('refreshToken');
  if (volvoId === undefined || refreshToken === undefined) {
    return lost(sessionOnly ? MESSAGES.sessionOnlyLost : MESSAGES.savedSignInMissing);
  }
  const clientSecret = volvoId.confidential ? await vault.get('clientSecret') : undefined;
  if (volvoId.confidential && clientSecret === undefined) return lost(MESSAGES.clientSecretMissing);
  if (sessionOnly) await vault.delete('refreshToken');
  return signedIn(
    {
      kind: 'volvo-id',
      mode: meta.mode,
      endpoints: volvoId.endpoints,
      client: {
        clientId: volvoId.clientId,
        ...(clientSecret ? { clientSecret } : {}),
        scopes: volvoId.scopes,
      },
      redirectPort: volvoId.redirectPort,
      refreshToken,
      access: null,
      memoryOnly: sessionOnly,
    },
    null,
  );
}
