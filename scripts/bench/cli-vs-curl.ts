import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../main/simulator/index';
import { buildCli } from '../build-steps';

/**
 * `volvo-tray status VIN` (the built CLI, `node dist/cli.mjs`) against plain `curl` making the
 * same requests one after the other, each a fresh process as a person would type them, both
 * against the simulator on 127.0.0.1. What it measures is the CLI's own overhead: Node's start,
 * loading the bundle, validating, formatting.
 */

const RUNS = 15;
/** What `status` reads for one car (v2). */
const STATUS_READS = ['doors', 'windows', 'engine-status', 'command-accessibility'];

export interface CliVsCurl {
  cliMedianMs: number;
  /** null: curl is not installed here. */
  curlMedianMs: number | null;
  /** Requests one `status` sent, as the simulator counted them. */
  requestsPerStatus: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Runs a command to its end; resolves with how long it took, rejects when it failed. */
function timed(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${command} exited ${code}: ${stderr.trim()}`));
    });
  });
}

/** A simulator of its own for each side: Volvo allows 100 reads a minute per caller. */
async function withSimulator<T>(
  use: (sim: Awaited<ReturnType<typeof startSimulator>>) => Promise<T>,
): Promise<T> {
  const sim = await startSimulator({ port: 0 });
  try {
    return await use(sim);
  } finally {
    await sim.close();
  }
}

export async function measureCliVsCurl(): Promise<CliVsCurl> {
  const dist = await mkdtemp(join(tmpdir(), 'volvo-tray-bench-cli-'));
  try {
    await buildCli(dist);
    const cli = await withSimulator(async (sim) => {
      const args = [
        join(dist, 'cli.mjs'),
        'status',
        sim.vins[0] ?? '',
        '--base',
        sim.baseUrl,
        '--token',
        sim.issueAccessToken(),
        '--api-key',
        sim.apiKey,
      ];
      const before = sim.stats().apiRequests;
      await timed(process.execPath, args);
      const requestsPerStatus = sim.stats().apiRequests - before;
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) times.push(await timed(process.execPath, args));
      return { medianMs: median(times), requestsPerStatus };
    });
    const hasCurl = spawnSync('curl', ['--version'], { stdio: 'ignore' }).status === 0;
    const curlMedianMs = !hasCurl
      ? null
      : await withSimulator(async (sim) => {
          const token = sim.issueAccessToken();
          const times: number[] = [];
          for (let run = 0; run < RUNS; run++) {
            let total = 0;
            for (const read of STATUS_READS) {
              total += await timed('curl', [
                '-sf',
                '-o',
                '/dev/null',
                '-H',
                `authorization: Bearer ${token}`,
                '-H',
                `vcc-api-key: ${sim.apiKey}`,
                '-H',
                'accept: application/json',
                `${sim.baseUrl}/connected-vehicle/v2/vehicles/${sim.vins[0]}/${read}`,
              ]);
            }
            times.push(total);
          }
          return median(times);
        });
    return { cliMedianMs: cli.medianMs, curlMedianMs, requestsPerStatus: cli.requestsPerStatus };
  } finally {
    await rm(dist, { recursive: true, force: true });
  }
}
