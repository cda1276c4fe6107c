import { MESSAGES } from '../../../shared/words/sign-in';
import type { BrowserOpener, Logger } from '../ports';
import { AuthError, acceptCallback, codeExchangeError, signInFailure } from './errors';
import { type LoopbackListener, openLoopbackListener } from './loopback';
import {
  createAuthorizationRequest,
  discoverEndpoints,
  exchangeCode,
  type OAuthClient,
  type OAuthPorts,
  type ServerEndpoints,
  type TokenSet,
  validateCallback,
} from './oauth';
import type { VolvoIdConfig } from './types';

/** What one finished browser sign-in yields: where it happened, as whom, and the tokens. */
export interface BrowserSignIn {
  endpoints: ServerEndpoints;
  client: OAuthClient;
  tokens: TokenSet & { refreshToken: string };
}

export interface BrowserSignInOptions {
  /** Already validated. */
  config: VolvoIdConfig;
  ports: OAuthPorts;
  browser: BrowserOpener;
  logger: Logger;
  /** No callback within this time: the sign-in is abandoned. */
  timeoutMs: number;
  /** The listener is up: closing it cancels this sign-in (a newer one started). */
  onListening(listener: LoopbackListener<URLSearchParams>): void;
}

/**
 * One authorization-code sign-in with PKCE through the system browser (RFC 8252): discovery
 * (the configured endpoints when it fails), the loopback listener on the registered port, the
 * authorization URL with a fresh state, the browser, the one callback, the code exchange.
 * Rejects with an {@link AuthError} whose message is for a person; the listener is closed
 * whatever happens.
 */
export async function signInThroughBrowser(options: BrowserSignInOptions): Promise<BrowserSignIn> {
  const { config, ports, logger } = options;
  let listener: LoopbackListener<URLSearchParams> | null = null;
  try {
    const endpoints = await discoverEndpoints(config, ports, logger);
    const client: OAuthClient = {
      clientId: config.clientId,
      ...(config.clientSecret ? { clientSecret: config.clientSecret } : {}),
      scopes: config.scopes,
    };
    let expectedState: string | null = null;
    listener = await openLoopbackListener({
      port: config.redirectPort,
      clock: ports.clock,
      timeoutMs: options.timeoutMs,
      logger,
      accept: (parameters) => {
        // Checked here first only to say it in words; oauth4webapi checks it again below.
        if (expectedState === null || parameters.get('state') !== expectedState) {
          throw new AuthError('sign-in-failed', MESSAGES.stateMismatch);
        }
        return acceptCallback(() =>
          validateCallback(endpoints, client, ports.clock, parameters, expectedState ?? ''),
        );
      },
    });
    options.onListening(listener);
    const request = await createAuthorizationRequest(endpoints, client, listener.redirectUri);
    expectedState = request.state;
    const [, callback] = await Promise.all([
      openBrowser(options.browser, request.url),
      listener.result,
    ]);
    let tokens: TokenSet;
    try {
      tokens = await exchangeCode(
        endpoints,
        client,
        ports,
        callback,
        listener.redirectUri,
        request.codeVerifier,
      );
    } catch (error) {
      throw codeExchangeError(error);
    }
    const { refreshToken } = tokens;
    if (refreshToken === undefined) throw new AuthError('sign-in-failed', MESSAGES.noRefreshToken);
    // What Volvo ID granted is what the session may do (and what it asks for on refresh).
    const granted = tokens.grantedScopes ? { ...client, scopes: tokens.grantedScopes } : client;
    return { endpoints, client: granted, tokens: { ...tokens, refreshToken } };
  } catch (error) {
    const failure = signInFailure(error);
    listener?.close(failure);
    throw failure;
  }
}

async function openBrowser(browser: BrowserOpener, url: string): Promise<void> {
  try {
    await browser.open(url);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unknown problem';
    throw new AuthError(
      'sign-in-failed',
      `volvo-tray could not open the Volvo ID sign-in page: ${detail}`,
    );
  }
}
