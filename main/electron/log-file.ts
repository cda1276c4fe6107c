import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The log file, rotated by size: `main.log` grows to `maxBytes`, then becomes `main.1.log`
 * (`main.1.log` becomes `main.2.log`, and so on), keeping `keep` old files, so months in the tray
 * never fill the disk. Lines arrive redacted (`createRedactingLogger`); a write that fails (disk
 * full, folder gone) is dropped, never thrown into the app.
 */

export interface RotatingLogFileOptions {
  directory: string;
  /** Default `main`: files `main.log`, `main.1.log`... */
  name?: string;
  /** Default 1 MB. */
  maxBytes?: number;
  /** Old files kept. Default 3. */
  keep?: number;
}

export interface RotatingLogFile {
  /** Appends one line (a newline is added). */
  write(line: string): void;
  /** The file being written now. */
  readonly path: string;
}

export function createRotatingLogFile(options: RotatingLogFileOptions): RotatingLogFile {
  const name = options.name ?? 'main';
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const fileAt = (index: number) =>
    join(options.directory, index === 0 ? `${name}.log` : `${name}.${index}.log`);
  const path = fileAt(0);
  let size = sizeOf(path);

  const rotate = () => {
    rmSync(fileAt(keep), { force: true });
    for (let index = keep - 1; index >= 0; index--) {
      try {
        renameSync(fileAt(index), fileAt(index + 1));
      } catch {
        // That file does not exist yet: nothing to move.
      }
    }
    size = 0;
  };

  return {
    path,
    write(line) {
      const text = `${line}\n`;
      const bytes = Buffer.byteLength(text);
      try {
        if (size > 0 && size + bytes > maxBytes) rotate();
        mkdirSync(options.directory, { recursive: true });
        appendFileSync(path, text, { mode: 0o600 });
        size += bytes;
      } catch {
        // A log line is not worth an error of its own (disk full, folder removed).
      }
    },
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
