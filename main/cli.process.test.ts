import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from './simulator/index';
import type { Simulator, SimulatorOptions } from './simulator/types';

/** The CLI as a person runs it: its own process, signals and pipes (not a TTY). */
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

let running: Simulator[] = [];
let children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children) child.kill('SIGKILL');
  children = [];
  await Promise.all(running.map((sim) => sim.close()));
  running = [];
});

async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator(options);
  running.push(sim);
  return sim;
}

function run(argv: string[], sim: Simulator, version = 'v2') {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...argv], {
    env: {
      PATH: process.env.PATH,
      VOLVO_API_BASE: sim.baseUrl,
      VOLVO_API_VERSION: version,
      VCC_API_KEY: sim.apiKey,
      VOLVO_ACCESS_TOKEN: sim.issueAccessToken(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
  return { child, exited };
}

/** Resolves once the simulator has received `count` API requests. */
async function requestsReceived(sim: Simulator, count: number): Promise<void> {
  while (sim.stats().apiRequests < count) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('volvo-tray as a process', () => {
  it('says on Ctrl+C after a lock was sent that the car may still lock, and exits 130', async () => {
    // v1 with a car that takes ten minutes per step: the lock stays under way until Ctrl+C.
    const sim = await simulator({ commandStepMs: 600_000 });
    const vin = sim.vins[0] ?? '';
    sim.vehicle(vin).setLock('UNLOCKED');
    const { child, exited } = run(['lock', vin], sim, 'v1');
    await requestsReceived(sim, 1);
    child.kill('SIGINT');
    expect(await exited).toEqual({
      code: 130,
      stderr: `volvo-tray: The lock request was sent; the car may still lock. Check with \`volvo-tray status ${vin}\`.\n`,
    });
  });

  it('ends quietly when the reader closes the pipe early (status --json | head -1)', async () => {
    const sim = await simulator();
    const { child, exited } = run(['status', sim.vins[0] ?? '', '--json'], sim);
    // The reader is gone before the CLI writes a byte, as after `head -1` has its line.
    child.stdout?.destroy();
    expect(await exited).toEqual({ code: 0, stderr: '' });
  });
});
