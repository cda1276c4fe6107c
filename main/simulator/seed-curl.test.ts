import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from './index';
import type { Simulator } from './types';

const run = promisify(execFile);

/**
 * The seed's four curl examples, run with the real curl. Only https://api.volvocars.com is
 * replaced by the simulator's address; the token and API key are the simulator's own.
 */
let sim: Simulator;
let vin: string;

beforeAll(async () => {
  sim = await startSimulator();
  vin = sim.vins[0] ?? '';
});
afterAll(() => sim.close());

async function curl(args: string[]): Promise<{ status: number; body: Record<string, unknown> }> {
  // -v writes the exchange to stderr; the body comes on stdout.
  const { stdout, stderr } = await run('/usr/bin/curl', args, {
    env: { ...process.env, no_proxy: '127.0.0.1', NO_PROXY: '127.0.0.1' },
  });
  const status = Number(/^< HTTP\/[\d.]+ (\d{3})/m.exec(stderr)?.[1]);
  return { status, body: JSON.parse(stdout) as Record<string, unknown> };
}

const seedUrl = (path: string) =>
  `https://api.volvocars.com/connected-vehicle/v1/vehicles/${vin}${path}`.replace(
    'https://api.volvocars.com',
    sim.baseUrl,
  );
const auth = () => [
  '-H',
  `authorization: Bearer ${sim.issueAccessToken()}`,
  '-H',
  `vcc-api-key: ${sim.apiKey}`,
];
const reading = {
  value: expect.stringMatching(/^(OPEN|CLOSED)$/),
  timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
};

describe('the seed curl examples against the simulator', () => {
  it('Get window status: the four windows, each OPEN or CLOSED with an ISO-8601 timestamp', async () => {
    sim.vehicle(vin).setWindow('rearLeft', 'OPEN');
    const { status, body } = await curl([
      '-v',
      '-X',
      'GET',
      seedUrl('/windows'),
      '-H',
      'accept: application/vnd.volvocars.api.connected-vehicle.vehicledata.v1+json',
      ...auth(),
    ]);
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 200,
      operationId: expect.any(String),
      data: { frontLeft: reading, frontRight: reading, rearLeft: reading, rearRight: reading },
    });
    expect(body.data).toMatchObject({
      rearLeft: { value: 'OPEN' },
      frontLeft: { value: 'CLOSED' },
    });
  });

  it('Get door and lock status: carLocked, four doors, tailGate and hood', async () => {
    sim.vehicle(vin).setDoor('tailgate', 'OPEN');
    const { status, body } = await curl([
      '-v',
      '-X',
      'GET',
      seedUrl('/doors'),
      '-H',
      'accept: application/vnd.volvocars.api.connected-vehicle.vehicledata.v1+json',
      ...auth(),
    ]);
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 200,
      operationId: expect.any(String),
      data: {
        carLocked: { value: 'LOCKED', timestamp: reading.timestamp },
        frontLeft: reading,
        frontRight: reading,
        rearLeft: reading,
        rearRight: reading,
        tailGate: { value: 'OPEN', timestamp: reading.timestamp },
        hood: reading,
      },
    });
    sim.vehicle(vin).setDoor('tailgate', 'CLOSED');
  });

  it('Lock doors: status, operationId and async {status, id, href, expires}', async () => {
    const { status, body } = await curl([
      '-v',
      '-X',
      'POST',
      seedUrl('/commands/lock'),
      '-H',
      'content-type: application/vnd.volvocars.api.connected-vehicle.lock.v1+json',
      ...auth(),
      '-d',
      '',
    ]);
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 200,
      operationId: expect.any(String),
      async: {
        status: 'WAITING',
        id: expect.any(String),
        href: expect.stringMatching(new RegExp(`^${sim.baseUrl}/connected-vehicle/v1/`)),
        expires: expect.any(String),
      },
    });
    const { expires } = body.async as { expires: string };
    // The invocation log is stored for one year.
    expect(Date.parse(expires) - Date.now()).toBeGreaterThan(364 * 24 * 3600_000);
  });

  it('Unlock doors with the seed body {"unlockDuration": 120}', async () => {
    const { status, body } = await curl([
      '-v',
      '-X',
      'POST',
      seedUrl('/commands/unlock'),
      '-H',
      'content-type: application/vnd.volvocars.api.connected-vehicle.unlock.v1+json',
      ...auth(),
      '-d',
      // The seed's Body section. Its one-line example writes {\"unlockDuration\":120} inside
      // single quotes, which a POSIX shell sends with the backslashes (see the next test).
      '{"unlockDuration":120}',
    ]);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 200,
      async: { status: 'WAITING', id: expect.any(String) },
    });
  });

  it('refuses the backslash-escaped body a POSIX shell sends for the one-line unlock example', async () => {
    const { status, body } = await curl([
      '-v',
      '-X',
      'POST',
      seedUrl('/commands/unlock'),
      '-H',
      'content-type: application/vnd.volvocars.api.connected-vehicle.unlock.v1+json',
      ...auth(),
      '-d',
      '{\\"unlockDuration\\":120}',
    ]);
    expect(status).toBe(400);
    expect(body).toEqual({
      error: { message: 'BAD_REQUEST', description: 'The request body is not valid JSON.' },
    });
  });
});
