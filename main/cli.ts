import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { version } from '../package.json';
import { type ApiCommandIo, runApiCommand } from './cli/api-commands';
import { type Invocation, parseInvocation, USAGE, UsageError } from './cli/args';

/** Where the CLI reads its environment and writes its output; tests pass their own. */
export interface CliIo extends ApiCommandIo {
  env: Record<string, string | undefined>;
}

/**
 * The volvo-tray command line: `sim`, `vehicles`, `status`, `lock`, `unlock` (see `--help`).
 * `argv` is without node and the script. Resolves with the exit code: 0 done, 1 the API, the
 * car or the simulator refused, 2 bad usage, 130 interrupted; every failure writes a one-line
 * reason to stderr.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let invocation: Invocation;
  try {
    invocation = parseInvocation(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`volvo-tray: ${error.message}\n`);
    return 2;
  }
  switch (invocation.command) {
    case 'help':
      io.stdout(`${USAGE}\n`);
      return 0;
    case 'version':
      io.stdout(`volvo-tray ${version}\n`);
      return 0;
    case 'sim': {
      // Loaded here only: every other command starts sooner without the simulator's code.
      const { runSimulator } = await import('./cli/sim');
      return runSimulator(invocation.port, { ...io, untilStopped: () => aborted(io.interrupt) });
    }
    default:
      return runApiCommand(invocation, io);
  }
}

/** Resolves when `signal` aborts; never without one. */
function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve();
    else signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * An AbortSignal for the first SIGINT (Ctrl+C) or SIGTERM. A second Ctrl+C finds no listener
 * and ends the process at once, as it would without volvo-tray's handling.
 */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    controller.abort(signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return controller.signal;
}

/**
 * A reader that stops early (`volvo-tray status VIN --json | head -1`) closes the pipe: the
 * rest of the output has nowhere to go, which is not an error worth a stack trace.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

/** True when this file is the program being run (`npx tsx main/cli.ts ...`), not an import. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // A command parses each schema about once: compiling zod's fast parsers would cost more than
  // they save (a few ms of each start, `npm run bench`).
  z.config({ jitless: true });
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    interrupt: interruptSignal(),
    ...(process.stderr.isTTY ? { progress: {} } : {}),
  });
  // fetch keeps its connections open for the next request, and they would hold the process
  // (100 ms and more) until the server drops them: leave once everything written is out.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit();
}

/** Resolves once everything written to `stream` so far has gone out. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
