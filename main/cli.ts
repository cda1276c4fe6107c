import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runApiCommand } from './cli/api-commands';
import { type Invocation, parseInvocation, USAGE, UsageError } from './cli/args';
import { runSimulator } from './cli/sim';
import type { Fetch } from './core/ports';

/** Where the CLI reads its environment and writes its output; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  fetch?: Fetch;
}

/**
 * The volvo-tray command line: `sim`, `vehicles`, `status`, `lock`, `unlock` (see `--help`).
 * `argv` is without node and the script. Resolves with the exit code: 0 done, 1 the API, the
 * car or the simulator refused, 2 bad usage; every failure writes a one-line reason to stderr.
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
    case 'sim':
      return runSimulator(invocation.port, { ...io, untilStopped: stopSignal });
    default:
      return runApiCommand(invocation, io);
  }
}

/** Resolves on the first SIGINT or SIGTERM, then stops listening for both. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
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
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  });
}
