import type { ApiVersion } from '../../../shared/vehicle';
import type { JsonStore, SecretVault } from '../ports';
import { type Credentials, metaFor } from './credentials';
import type { SessionMeta } from './session-meta';

/**
 * Where a sign-in is kept: its secrets in the vault, its other facts (mode, API version,
 * endpoints) in the meta store. Writes run one after another, in the order they were asked
 * for, so a rotation never lands before the sign-in it rotates.
 */
export interface SessionStore {
  /** New credentials: secrets first, durably, then the meta that points at them. */
  save(credentials: Credentials, apiVersion: ApiVersion): Promise<void>;
  /**
   * A refresh token Volvo just rotated (the old one is dead at the server), or, when secrets
   * may not be written to disk now (`sessionOnly`, asked when the write's turn comes), its
   * removal from the vault. Skipped when `ended` aborted while earlier writes ran: those
   * credentials are gone.
   */
  saveRotation(
    credentials: Credentials,
    rotated: string,
    sessionOnly: () => boolean,
    ended: AbortSignal,
  ): Promise<void>;
  /** Tokens leave the vault; client secret and API key stay (they are configuration). */
  forgetTokens(meta: SessionMeta): Promise<void>;
}

export function createSessionStore(vault: SecretVault, meta: JsonStore<unknown>): SessionStore {
  let writes: Promise<void> = Promise.resolve();
  const serially = (task: () => Promise<void>): Promise<void> => {
    const run = writes.then(task);
    writes = run.catch(() => {});
    return run;
  };

  return {
    save: (c, apiVersion) =>
      serially(async () => {
        if (c.kind === 'volvo-id') {
          if (c.memoryOnly) {
            await vault.delete('refreshToken');
          } else {
            // Demo credentials belong to the simulator, not to the person's own Volvo app.
            if (c.mode === 'volvo-id' && c.client.clientSecret !== undefined) {
              await vault.set('clientSecret', c.client.clientSecret);
            }
            await vault.set('refreshToken', c.refreshToken);
          }
          await vault.delete('accessToken');
        } else {
          await vault.delete('refreshToken');
          if (c.memoryOnly) await vault.delete('accessToken');
          else await vault.set('accessToken', c.token);
        }
        meta.save(metaFor(c, apiVersion));
      }),
    saveRotation: (c, rotated, sessionOnly, ended) =>
      serially(async () => {
        if (ended.aborted) return;
        const memoryOnly = sessionOnly();
        if (!memoryOnly) await vault.set('refreshToken', rotated);
        else if (!c.memoryOnly) await vault.delete('refreshToken');
        c.memoryOnly = memoryOnly;
      }),
    forgetTokens: (saved) =>
      serially(async () => {
        await vault.delete('refreshToken');
        await vault.delete('accessToken');
        meta.save(saved);
      }),
  };
}
