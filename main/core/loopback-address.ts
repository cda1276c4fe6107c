/**
 * Addresses on this computer (the simulator), which may be plain http. A module of its own: the
 * Volvo client, the OAuth client, the settings and the CLI all ask, and none needs the rest of
 * Volvo ID's configuration for it.
 */

/** True for plain-http addresses on this computer, which oauth4webapi must be told to allow. */
export function isLoopbackHttp(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname);
}

/** True for this computer's names: 127.0.0.1, localhost and [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}
