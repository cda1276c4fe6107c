import type { Logger } from '../core/ports';

/**
 * The shell's logger: one line per event, with anything that looks like a token, a secret or an
 * authorization code redacted on the way out. The core promises never to pass secrets; this is
 * the second line of defence (a URL with `?code=` in an error message, a header in a stack).
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const REDACTED = '[redacted]';

/** Field names whose values are never written, whatever they hold. */
const SECRET_KEY = /token|secret|password|passwd|api.?key|authorization|cookie|verifier|^code$/i;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PATTERNS: ReadonlyArray<[RegExp, string | ((match: string, ...groups: string[]) => string)]> =
  [
    // A JSON Web Token (access and ID tokens from Volvo ID).
    [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
    // Authorization header values.
    [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{16,}/g, `$1 ${REDACTED}`],
    // Query strings and form bodies.
    [
      /\b(access_token|refresh_token|id_token|code|code_verifier|client_secret|token|password|api_?key)=([^&\s"']+)/gi,
      `$1=${REDACTED}`,
    ],
    // JSON and header-like "key": "value" pairs with a secret name.
    [
      /("?(?:access_?token|refresh_?token|id_?token|client_?secret|api_?key|vcc-api-key|authorization|password|code_?verifier)"?\s*[:=]\s*"?)[^"\s,}]+/gi,
      `$1${REDACTED}`,
    ],
    // Any other long opaque string (refresh tokens, API keys), but not a UUID (operation ids).
    [/\b[A-Za-z0-9_-]{32,}\b/g, (match: string) => (UUID.test(match) ? match : REDACTED)],
  ];

/** Removes token-like substrings from free text. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) {
    out =
      typeof replacement === 'string'
        ? out.replace(pattern, replacement)
        : out.replace(pattern, replacement);
  }
  return out;
}

/** Redacts a structured value: secret-named keys are dropped whole, strings are scrubbed. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value instanceof Error) return redact(value.message);
  if (value === null || typeof value !== 'object') return value;
  // Deeper than anything the app logs (or a cycle): left out, never written unredacted.
  if (depth > 5) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(inner, depth + 1);
  }
  return out;
}

/** Formats one log line (redacted). */
export function formatLogLine(
  level: LogLevel,
  message: string,
  fields: Record<string, unknown> | undefined,
  at: Date,
): string {
  const extra = fields && Object.keys(fields).length > 0 ? ` ${safeJson(redactValue(fields))}` : '';
  return `${at.toISOString()} ${level.toUpperCase()} ${redact(message)}${extra}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '"[unserializable fields]"';
  }
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface RedactingLoggerOptions {
  /** Where finished lines go (console, a log file). */
  write: (level: LogLevel, line: string) => void;
  /** Lines below this level are dropped. Default `info`. */
  minLevel?: LogLevel;
  now?: () => Date;
}

/** A {@link Logger} that redacts every line before it is written. */
export function createRedactingLogger(options: RedactingLoggerOptions): Logger {
  const min = LEVEL_RANK[options.minLevel ?? 'info'];
  const now = options.now ?? (() => new Date());
  const log = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (LEVEL_RANK[level] < min) return;
    options.write(level, formatLogLine(level, message, fields, now()));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
