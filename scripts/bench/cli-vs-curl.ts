import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../main/simulator/index';
import { buildCli } from '../build-steps';

/**
 * `volvo-tray status VIN` (the built CLI, `node dist/cli.mjs`) against plain `curl` making the
 * same requests one after the other, each a fresh process as a person would type them, and
 * against the floor for any Node command: a bare `node` script sending the same requests with
 * `node:http`. All against simulators on 127.0.0.1. What it measures is the CLI's own overhead:
 * loading the bundle, validating, formatting.
 *
 * Rounds interleave the three, so that the machine's load, which moves from second to second,
 * weighs on all of them alike; the figures are medians over the rounds.
 */

const ROUNDS = 21;
/** What `status` reads for one car (v2). */
const STATUS_READS = ['doors', 'windows', 'engine-status', 'command-accessibility'];

/**
 * The floor: Node's start, plus the same requests at once with `node:http`, bodies read whole.
 * Arguments: base URL, VIN, token, API key.
 */
const NODE_FLOOR_SCRIPT = `
const http = require('node:http');
const [base, vin, token, key] = process.argv.slice(1);
const read = (what) => new Promise((resolve, reject) => {
  const url = base + '/connected-vehicle/v2/vehicles/' + vin + '/' + what;
  const headers = { authorization: 'Bearer ' + token, 'vcc-api-key': key };
  http.get(url, { headers }, (answer) => {
    let body = '';
    answer.on('data', (chunk) => { body += chunk; });
    answer.on('end', () => resolve(JSON.parse(body)));
  }).on('error', reject);
});
Promise.all(${JSON.stringify(STATUS_READS)}.map(read)).then(() => process.exit(0), () => process.exit(1));
`;

export interface CliVsCurl {
  cliMedianMs: number;
  /** null: curl is not installed here. */
  curlMedianMs: number | null;
  /** A bare Node script sending the same requests. */
  nodeFloorMedianMs: number;
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

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

/** One way of reading a car's status once; resolves with how long it took. */
type Reader = (sim: Simulator, token: string) => Promise<number>;

/** A reader with a simulator of its own (Volvo allows 100 reads a minute per caller). */
interface Side {
  sim: Simulator;
  read: () => Promise<number>;
  times: number[];
}

export async function measureCliVsCurl(): Promise<CliVsCurl> {
  const dist = await mkdtemp(join(tmpdir(), 'volvo-tray-bench-cli-'));
  const sides: Side[] = [];
  const side = async (reader: Reader): Promise<Side> => {
    const sim = await startSimulator({ port: 0 });
    const token = sim.issueAccessToken();
    const made: Side = { sim, read: () => reader(sim, token), times: [] };
    sides.push(made);
    return made;
  };
  try {
    await buildCli(dist);
    const cli = await side((sim, token) =>
      timed(process.execPath, [
        join(dist, 'cli.mjs'),
        'status',
        sim.vins[0] ?? '',
        `--base=${sim.baseUrl}`,
        // With "=": a token or key may start with "-" (base64url).
        `--token=${token}`,
        `--api-key=${sim.apiKey}`,
      ]),
    );
    const nodeFloor = await side((sim, token) =>
      timed(process.execPath, [
        '-e',
        NODE_FLOOR_SCRIPT,
        sim.baseUrl,
        sim.vins[0] ?? '',
        token,
        sim.apiKey,
      ]),
    );
    const hasCurl = spawnSync('curl', ['--version'], { stdio: 'ignore' }).status === 0;
    const curl = !hasCurl
      ? null
      : await side(async (sim, token) => {
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
          return total;
        });
    const before = cli.sim.stats().apiRequests;
    // One round first, not counted: the file cache warms for every side.
    for (const { read } of sides) await read();
    const requestsPerStatus = cli.sim.stats().apiRequests - before;
    for (let round = 0; round < ROUNDS; round++) {
      // Each round starts with another side, so that none always runs first.
      for (let turn = 0; turn < sides.length; turn++) {
        const { read, times } = sides[(round + turn) % sides.length] as Side;
        times.push(await read());
      }
    }
    return {
      cliMedianMs: median(cli.times),
      nodeFloorMedianMs: median(nodeFloor.times),
      curlMedianMs: curl === null ? null : median(curl.times),
      requestsPerStatus,
    };
  } finally {
    await Promise.all(sides.map(({ sim }) => sim.close()));
    await rm(dist, { recursive: true, force: true });
  }
}
