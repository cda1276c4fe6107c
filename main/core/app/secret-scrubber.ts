import type { Logger, Notifier } from '../ports';

/**
 * The last line of defence for "no secret in the Snapshot, the activity log or the logs": the
 * service tells the scrubber every secret it handles (API key, client secret, a pasted test
 * token) and every text on its way out passes through it.
 */
export interface SecretScrubber {
  remember(secret: string | undefined): void;
  scrub(text: string): string;
  /** A logger that scrubs messages and string fields before passing them on. */
  logger(inner: Logger): Logger;
  /** A notifier that scrubs titles and bodies before showing them. */
  notifier(inner: Notifier): Notifier;
}

const REDACTED = '[secret]';

export function createSecretScrubber(): SecretScrubber {
  const secrets = new Set<string>();
  const scrub = (text: string): string => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join(REDACTED);
    return out;
  };
  const scrubFields = (fields?: Record<string, unknown>) =>
    fields === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(fields).map(([key, value]) => [
            key,
            typeof value === 'string' ? scrub(value) : value,
          ]),
        );
  return {
    remember(secret) {
      // Short strings would redact ordinary words; real secrets are long.
      if (secret && secret.length >= 8) secrets.add(secret);
    },
    scrub,
    logger: (inner) => ({
      debug: (message, fields) => inner.debug(scrub(message), scrubFields(fields)),
      info: (message, fields) => inner.info(scrub(message), scrubFields(fields)),
      warn: (message, fields) => inner.warn(scrub(message), scrubFields(fields)),
      error: (message, fields) => inner.error(scrub(message), scrubFields(fields)),
    }),
    notifier: (inner) => ({
      show: (notification) =>
        inner.show({
          ...notification,
          title: scrub(notification.title),
          body: scrub(notification.body),
        }),
      withdraw: (id) => inner.withdraw(id),
    }),
  };
}
