import type { Logger } from '../ports';

/** A logger that keeps every line ("level message {fields}"), so a test can scan it. */
export function recordingLogger(): Logger & {
  lines: string[];
  /** The messages logged at `level`, oldest first. */
  messages(level: 'debug' | 'info' | 'warn' | 'error'): string[];
} {
  const lines: string[] = [];
  const entries: { level: string; message: string }[] = [];
  const record =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
      entries.push({ level, message });
    };
  return {
    lines,
    messages: (level) =>
      entries.filter((entry) => entry.level === level).map((entry) => entry.message),
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}
