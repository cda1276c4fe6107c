import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { call, simulatorPerTest } from './test-helpers';

const run = promisify(execFile);

/**
 * The seed's four curl examples, word for word (seeds/000_7119aa56159e04de.txt), run by a POSIX
 * shell with the real curl. Only https://api.volvocars.com becomes the simulator's address, and
 * the placeholders become a VIN, an access token and the API key.
 */
const SEED_EXAMPLES = {
  windows: String.raw`curl -v -X GET 'https://api.volvocars.com/connected-vehicle/v1/vehicles/{vin}/windows' \
-H 'accept: application/vnd.volvocars.api.connected-vehicle.vehicledata.v1+json' \
-H 'authorization: Bearer <your-access-token>' \
-H 'vcc-api-key: <your-vcc-api-key>'`,
  doors: String.raw`curl -v -X GET 'https://api.volvocars.com/connected-vehicle/v1/vehicles/{vin}/doors' \
-H 'accept: application/vnd.volvocars.api.connected-vehicle.vehicledata.v1+json' \
-H 'authorization: Bearer <your-access-token>' \
-H 'vcc-api-key: <your-vcc-api-key>'`,
  lock: String.raw`curl -v -X POST 'https://api.volvocars.com/connected-vehicle/v1/vehicles/{vin}/commands/lock' \
-H 'content-type: application/vnd.volvocars.api.connected-vehicle.lock.v1+json' \
-H 'authorization: Bearer <your-access-token>' \
-H 'vcc-api-key: <your-vcc-api-key>' \
-d ''`,
  unlock: String.raw`curl -v -X POST 'https://api.volvocars.com/connected-vehicle/v1/vehicles/{vin}/commands/unlock' \
-H 'content-type: application/vnd.volvocars.api.connected-vehicle.unlock.v1+json' \
-H 'authorization: Bearer <your-access-token>' \
-H 'vcc-api-key: <your-vcc-api-key>' \
-d '{\"unlockDuration\":120}'`,
};

const t = simulatorPerTest();

interface CurlAnswer {
  status: number;
  /** Response headers, names in lower case. */
  headers: Map<string, string>;
  body: Record<string, unknown>;
}

/** Runs a seed example through /bin/sh, aimed at the simulator. */
async function runSeedExample(example: string): Promise<CurlAnswer> {
  const script = example
    .replace('https://api.volvocars.com', t.sim.baseUrl)
    .replace('{vin}', t.vin)
    .replace('<your-access-token>', t.sim.issueAccessToken())
    .replace('<your-vcc-api-key>', t.sim.apiKey);
  // -v writes the exchange to stderr ("< " marks what came back); the body comes on stdout.
  const { stdout, stderr } = await run('/bin/sh', ['-c', script], {
    env: { ...process.env, no_proxy: '127.0.0.1', NO_PROXY: '127.0.0.1' },
  });
  // Curl's progress meter shares stderr: it redraws itself after a bare \r once a second, so on
  // a slow answer a redraw ("\r  0  0 ... --:--:--     0") lands in front of "< HTTP/1.1 200".
  const received = stderr
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/^[\d\s.:kMG-]+(?=< )/, ''))
    .filter((line) => line.startsWith('< '));
  const status = Number(/^< HTTP\/[\d.]+ (\d{3})/.exec(received[0] ?? '')?.[1]);
  const headers = new Map(
    received.slice(1).flatMap((line) => {
      const match = /^< ([^:]+):\s*(.*)$/.exec(line);
      return match?.[1] && match[2] !== undefined ? [[match[1].toLowerCase(), match[2]]] : [];
    }),
  );
  return { status, headers, body: JSON.parse(stdout) as Record<string, unknown> };
}

const reading = {
  value: expect.stringMatching(/^(OPEN|CLOSED)$/),
  timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
};

/** The seed's command answer: status, operationId and async {status, id, href, expires}. */
function expectCommandAnswer(answer: CurlAnswer, command: 'lock' | 'unlock'): void {
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    status: 200,
    operationId: expect.any(String),
    async: {
      status: 'WAITING',
      id: expect.any(String),
      href: `${t.sim.baseUrl}/connected-vehicle/v1/vehicles/${t.vin}/commands/${command}/${(answer.body.async as { id: string }).id}`,
      // The invocation log is stored for one year (the FakeClock stands at 2026-11-27T08:00Z).
      expires: '2027-11-27T08:00:00.000Z',
    },
  });
}

describe('the seed curl examples, pasted into a shell and aimed at the simulator', () => {
  it('an answer slower than the one-second redraw of curl progress meter is read the same', async () => {
    t.sim.setFault({ kind: 'latency', ms: 1500 });
    const { status, headers } = await runSeedExample(SEED_EXAMPLES.doors);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/json/);
  });

  it('Get window status: the four windows, each OPEN or CLOSED with an ISO-8601 timestamp', async () => {
    t.sim.vehicle(t.vin).setWindow('rearLeft', 'OPEN');
    const { status, body } = await runSeedExample(SEED_EXAMPLES.windows);
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
    t.sim.vehicle(t.vin).setDoor('tailgate', 'OPEN');
    const { status, body } = await runSeedExample(SEED_EXAMPLES.doors);
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
  });

  it('Lock doors: an empty body, answered with the async command status', async () => {
    expectCommandAnswer(await runSeedExample(SEED_EXAMPLES.lock), 'lock');
  });

  it('Unlock doors: the one-line example, backslashes and all, is read as the seed Body means it', async () => {
    const answer = await runSeedExample(SEED_EXAMPLES.unlock);
    expectCommandAnswer(answer, 'unlock');
    expect(answer.headers.get('x-simulator-note')).toContain('backslash before each quote');
    // The car unlocks two command steps (3 s) later and waits the seed's 120 s for a door.
    await t.clock.advance(3_000);
    const state = (await call(t.sim, '/_simulator/state')).body as {
      vehicles: { lock: { value: string }; unlockWindowUntil: string | null }[];
    };
    expect(state.vehicles[0]).toMatchObject({
      lock: { value: 'UNLOCKED' },
      unlockWindowUntil: '2026-11-27T08:02:03.000Z',
    });
  });

  it("Unlock doors with the seed's Body section as JSON: no note", async () => {
    const answer = await runSeedExample(
      SEED_EXAMPLES.unlock.replace(String.raw`{\"unlockDuration\":120}`, '{"unlockDuration":120}'),
    );
    expectCommandAnswer(answer, 'unlock');
    expect(answer.headers.has('x-simulator-note')).toBe(false);
  });

  it('refuses an unlock body that is not JSON, or out of range, saying how to write it', async () => {
    for (const body of ['unlockDuration=120', String.raw`{\"unlockDuration\":500}`, '{}']) {
      const answer = await runSeedExample(
        SEED_EXAMPLES.unlock.replace(String.raw`{\"unlockDuration\":120}`, body),
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        error: {
          message: 'BAD_REQUEST',
          description: expect.stringContaining(
            'The body must be {"unlockDuration": N} with N a whole number of seconds from 1 to 120.',
          ),
        },
      });
    }
  });
});
