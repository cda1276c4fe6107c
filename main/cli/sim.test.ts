import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** Starts `volvo-tray sim` as a real process and waits for its five NAME=value lines. */
function startSim(): Promise<{ process: ChildProcess; lines: string[]; stderr: () => string }> {
  const process_ = spawn(process.execPath, ['--import', 'tsx', CLI, 'sim', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = process_;
  let stdout = '';
  let stderr = '';
  process_.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    process_.once('exit', (code) => reject(new Error(`sim exited early (${code}): ${stderr}`)));
    process_.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n').filter((line) => line !== '');
      if (lines.length >= 5) resolve({ process: process_, lines, stderr: () => stderr });
    });
  });
}

describe('volvo-tray sim', () => {
  it('prints a ready-to-use configuration and stops cleanly on SIGTERM', async () => {
    const sim = await startSim();
    const names = sim.lines.map((line) => line.split('=')[0]);
    expect(names).toEqual([
      'VOLVO_API_BASE',
      'VCC_API_KEY',
      'VOLVO_CLIENT_ID',
      'VOLVO_CLIENT_SECRET',
      'VOLVO_ACCESS_TOKEN',
    ]);
    const env = Object.fromEntries(sim.lines.map((line) => line.split('=', 2)));
    expect(env.VOLVO_API_BASE).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    // What it printed is enough for the other commands.
    let stdout = '';
    const code = await runCli(['vehicles'], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => {},
      env,
    });
    expect(code).toBe(0);
    expect(stdout.split('\n').filter(Boolean).length).toBeGreaterThan(0);

    const exited = new Promise<number | null>((resolve) => sim.process.once('exit', resolve));
    sim.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(sim.stderr()).toContain('Simulator stopped.');
  });

  it('refuses a port that is taken, in one line', async () => {
    const first = await startSim();
    const port = first.lines[0]?.split(':').at(-1) ?? '';
    const listeners = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    let stderr = '';
    const code = await runCli(['sim', '--port', port], {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
      env: {},
    });
    expect(code).toBe(1);
    expect(stderr).toBe(
      `volvo-tray: Could not start the simulator: port ${port} on 127.0.0.1 is already in use; choose another with --port, or --port 0 for any free port.\n`,
    );
    // Nothing was left listening for Ctrl+C in this process.
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(listeners);
  });
});
