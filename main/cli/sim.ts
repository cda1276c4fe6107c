import { startSimulator } from '../simulator/index';

/** Where the sim command writes, and how it learns that it should stop. */
export interface SimIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Resolves when the user asks to stop (SIGINT/SIGTERM in a terminal). */
  stopRequested: Promise<unknown>;
}

/**
 * `volvo-tray sim`: starts the simulator, prints what a client needs as `NAME=value` lines
 * (ready to export in a shell), and runs until asked to stop.
 */
export async function runSimulator(port: number, io: SimIo): Promise<number> {
  const sim = await startSimulator({ port });
  try {
    io.stdout(`VOLVO_API_BASE=${sim.baseUrl}\n`);
    io.stdout(`VCC_API_KEY=${sim.apiKey}\n`);
    io.stdout(`VOLVO_CLIENT_ID=${sim.client.id}\n`);
    io.stdout(`VOLVO_CLIENT_SECRET=${sim.client.secret}\n`);
    io.stdout(`VOLVO_ACCESS_TOKEN=${sim.issueAccessToken()}\n`);
    io.stderr(
      `Simulator running with vehicles ${sim.vins.join(', ')}. The access token lives about ` +
        `5 minutes; get a new one with: curl -s -X POST ${sim.baseUrl}/_simulator/tokens\n` +
        'Press Ctrl+C to stop.\n',
    );
    await io.stopRequested;
  } finally {
    await sim.close();
  }
  io.stderr('Simulator stopped.\n');
  return 0;
}
