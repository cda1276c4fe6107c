import { startSimulator } from '../simulator/index';

/** Where the sim command writes, and how it learns that it should stop. */
export interface SimIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Called once the simulator runs; resolves when the user asks to stop (SIGINT/SIGTERM in a
   * terminal). Not called when the simulator cannot start, so nothing is left listening.
   */
  untilStopped: () => Promise<unknown>;
}

/**
 * `volvo-tray sim`: starts the simulator, prints what a client needs as `NAME=value` lines
 * (ready to export in a shell), and runs until asked to stop. Resolves with the exit code: 0
 * after a clean stop, 1 (with a one-line reason) when the simulator cannot start.
 */
export async function runSimulator(port: number, io: SimIo): Promise<number> {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  try {
    sim = await startSimulator({ port });
  } catch (error) {
    io.stderr(`volvo-tray: Could not start the simulator: ${startProblem(error, port)}\n`);
    return 1;
  }
  try {
    io.stdout(`VOLVO_API_BASE=${sim.baseUrl}\n`);
    io.stdout(`VCC_API_KEY=${sim.apiKey}\n`);
    io.stdout(`VOLVO_CLIENT_ID=${sim.client.id}\n`);
    io.stdout(`VOLVO_CLIENT_SECRET=${sim.client.secret}\n`);
    io.stdout(`VOLVO_ACCESS_TOKEN=${sim.issueAccessToken()}\n`);
    io.stderr(
      `Simulator running with vehicles ${sim.vins.join(', ')}. The access token lives about ` +
        `5 minutes, as Volvo's do; a new one is the access_token that ` +
        `"curl -s -X POST ${sim.baseUrl}/_simulator/tokens" prints.\n` +
        'Press Ctrl+C to stop.\n',
    );
    await io.untilStopped();
  } finally {
    await sim.close();
  }
  io.stderr('Simulator stopped.\n');
  return 0;
}

/** Why listening failed, in words, with what to do about the usual causes. */
function startProblem(error: unknown, port: number): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'EADDRINUSE') {
    return `port ${port} on 127.0.0.1 is already in use; choose another with --port, or --port 0 for any free port.`;
  }
  if (code === 'EACCES') {
    return `this user may not listen on port ${port}; choose a port above 1023, or --port 0 for any free port.`;
  }
  return error instanceof Error ? error.message : String(error);
}
