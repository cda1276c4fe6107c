import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { version } from '../package.json';
import { runCli } from './cli';
import type { ApiCommandIo } from './cli/api-commands';
import type { Fetch } from './core/ports';
import { ManualClock } from './simulator/clock';
import { startSimulator } from './simulator/index';
import type { Simulator, SimulatorOptions } from './simulator/types';

let running: Simulator[] = [];
afterEach(async () => {
  await Promise.all(running.map((sim) => sim.close()));
  running = [];
});

async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator({ commandStepMs: 1, ...options });
  running.push(sim);
  return sim;
}

/** Runs the CLI like a shell would, collecting what it prints. */
async function cli(
  argv: string[],
  env: Record<string, string | undefined> = {},
  fetch?: Fetch,
  extra: Pick<ApiCommandIo, 'progress'> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    ...(fetch ? { fetch } : {}),
    ...extra,
  });
  return { code, stdout, stderr };
}

function envFor(sim: Simulator, version = 'v2'): Record<string, string> {
  return {
    VOLVO_API_BASE: sim.baseUrl,
    VOLVO_API_VERSION: version,
    VCC_API_KEY: sim.apiKey,
    VOLVO_ACCESS_TOKEN: sim.issueAccessToken(),
  };
}

/** A loopback port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A key and a token, so that only the flag under test is wrong. */
const CONFIGURED = ['--api-key', 'k', '--token', 't'];

/** A VIN of the right shape that no simulator car has. */
const VIN = 'YV1AAAAAAAA999999';

/** A failure prints exactly one line, prefixed with the program's name. */
const ONE_LINE_REASON = /^volvo-tray: [^\n]+\n$/;

describe('volvo-tray usage', () => {
  it('prints help and exits 0', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: volvo-tray <command>');
    expect(stdout).toContain('unlock <vin> [--duration S]');
    expect(stdout).toContain('honk-flash <vin> [--honk-only | --flash-only]');
  });

  it.each([
    [[], 'No command given. See volvo-tray --help.'],
    [['drive', 'YV1XZK9V2PA000001'], 'Unknown command "drive". See volvo-tray --help.'],
    [['status', '--foo'], "Unknown option '--foo'. See volvo-tray --help."],
    [['status', VIN, '--port', '80'], '--port only applies to "sim"'],
    [['unlock', VIN, '--duration', '500'], '--duration must be a whole number from 1 to 120'],
    [['unlock', VIN, '--duration', 'ten'], '--duration must be a whole number from 1 to 120'],
    [['status', VIN, '--api-version', 'v3'], '--api-version must be v1 or v2'],
    [['status', VIN, '--base', 'api.volvocars.com'], '--base must be an http(s) address'],
    [['status'], '"status" needs a VIN'],
    [['vehicles', 'extra'], 'Unexpected argument "extra". See volvo-tray --help.'],
    [['sim', '--port', '70000'], '--port must be a whole number from 0 to 65535'],
    [['sim', '--token', 't'], '--token does not apply to "sim"'],
    [
      ['status', 'YV1XZK9V2PA00000I', ...CONFIGURED],
      '"YV1XZK9V2PA00000I" is not a VIN. A VIN is 17 letters and digits (no I, O or Q).',
    ],
    [['lock', 'YV1XZK9V2PA0001', ...CONFIGURED], '"YV1XZK9V2PA0001" is not a VIN.'],
    [['unlock', 'YV1XZK9V2PA0000001', ...CONFIGURED], '"YV1XZK9V2PA0000001" is not a VIN.'],
    [
      ['vehicles', '--base', 'http://127.0.0.1:8080/volvo', ...CONFIGURED],
      '--base must be an address without a path',
    ],
    [['vehicles', '--base', 'https://api.volvocars.com/?x=1', ...CONFIGURED], 'without a path'],
    [['status', VIN, '--token', 't'], 'No VCC API key: pass --api-key or set VCC_API_KEY.'],
    [
      ['status', VIN, '--api-key', 'k', '--token', '-NJOvf'],
      'The value after --token starts with "-": write it as --token=VALUE.',
    ],
    [
      ['unlock', VIN, '--duration', '30', ...CONFIGURED],
      '--duration only applies to API v1; API v2 always gives 120 seconds',
    ],
    [
      ['lock', VIN, '--reduced-guard', '--api-version', 'v1', ...CONFIGURED],
      '--reduced-guard needs API v2: use --api-version v2 (or VOLVO_API_VERSION=v2)',
    ],
    [
      ['honk-flash', VIN, '--honk-only', '--flash-only', ...CONFIGURED],
      '--honk-only and --flash-only cannot go together',
    ],
    [
      ['honk-flash', VIN, '--api-version', 'v1', ...CONFIGURED],
      'honk-flash needs API v2: use --api-version v2 (or VOLVO_API_VERSION=v2)',
    ],
    [['lock', VIN, '--honk-only', ...CONFIGURED], '--honk-only only applies to "honk-flash"'],
    [['honk-flash'], '"honk-flash" needs a VIN'],
  ])('refuses %j with exit 2 and one line', async (argv, reason) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(ONE_LINE_REASON);
    expect(stderr).toContain(reason);
  });

  it('prints its version', async () => {
    expect(await cli(['--version'])).toEqual({
      code: 0,
      stdout: `volvo-tray ${version}\n`,
      stderr: '',
    });
  });

  it('refuses VOLVO_API_BASE with a path rather than dropping it', async () => {
    const env = {
      VCC_API_KEY: 'k',
      VOLVO_ACCESS_TOKEN: 't',
      VOLVO_API_BASE: 'http://127.0.0.1:1/x',
    };
    const { code, stderr } = await cli(['vehicles'], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(ONE_LINE_REASON);
    expect(stderr).toContain('VOLVO_API_BASE must be an address without a path');
  });

  it('asks for a token when none is configured', async () => {
    const { code, stderr } = await cli(['vehicles'], { VCC_API_KEY: 'k', VOLVO_ACCESS_TOKEN: '' });
    expect(code).toBe(2);
    expect(stderr).toBe('volvo-tray: No access token: pass --token or set VOLVO_ACCESS_TOKEN.\n');
  });
});

describe('volvo-tray against the simulator', () => {
  it('lists vehicles, one per line or as JSON', async () => {
    const sim = await simulator();
    const human = await cli(['vehicles'], envFor(sim));
    expect(human).toEqual({ code: 0, stdout: `${sim.vins.join('\n')}\n`, stderr: '' });
    const json = await cli(['vehicles', '--json'], envFor(sim));
    expect(JSON.parse(json.stdout)).toEqual(sim.vins);
  });

  it("reads a real car's recorded doors answer without hood: exit 0 with the lock state", async () => {
    // Home Assistant's recorded answers (tests/components/volvo/fixtures/doors.json and
    // windows.json), every field at one upload time, here with the hood left out as some
    // models answer.
    const at = '2024-12-30T14:20:20.570Z';
    const reading = (value: string) => ({ value, timestamp: at });
    const doors = {
      centralLock: reading('LOCKED'),
      frontLeftDoor: reading('CLOSED'),
      frontRightDoor: reading('CLOSED'),
      rearLeftDoor: reading('CLOSED'),
      rearRightDoor: reading('CLOSED'),
      tailgate: reading('CLOSED'),
      tankLid: reading('CLOSED'),
    };
    const windows = {
      frontLeftWindow: reading('CLOSED'),
      frontRightWindow: reading('CLOSED'),
      rearLeftWindow: reading('CLOSED'),
      rearRightWindow: reading('CLOSED'),
      sunroof: reading('UNSPECIFIED'),
    };
    const server = createHttpServer((request, response) => {
      const path = request.url ?? '';
      const body = path.endsWith('/doors') ? doors : path.endsWith('/windows') ? windows : null;
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          body
            ? { data: body }
            : { error: { message: 'NOT_FOUND', description: 'Car model is not supported' } },
        ),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const vin = 'YV1XZK9V2PA000001';
      const { code, stdout, stderr } = await cli(['status', vin, '--json'], {
        VOLVO_API_BASE: `http://127.0.0.1:${port}`,
        VOLVO_API_VERSION: 'v2',
        VCC_API_KEY: 'abcdefghijklmnopqrstuvwxyz012345',
        VOLVO_ACCESS_TOKEN: 'a-recorded-answer-needs-no-real-token',
      });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const status = JSON.parse(stdout);
      expect(status.lock).toEqual({ value: 'LOCKED', timestamp: at });
      expect(status.doors.frontLeft).toEqual({ value: 'CLOSED', timestamp: at });
      expect(status.doors).not.toHaveProperty('hood');
      expect(status.windows).not.toHaveProperty('sunroof');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('shows status as a table with reading ages, and as a VehicleStatus with --json', async () => {
    const sim = await simulator();
    const vin = sim.vins[0] ?? '';
    sim.vehicle(vin).setLock('UNLOCKED');
    sim.vehicle(vin).setDoor('rearLeft', 'OPEN');
    sim.vehicle(vin).setWindow('sunroof', 'AJAR');
    const human = await cli(['status', vin], envFor(sim));
    expect(human.code).toBe(0);
    const lines = human.stdout.split('\n');
    expect(lines[0]).toBe(`${vin}: Unlocked; open: rear left door, sunroof.`);
    expect(lines).toContain('Part                State     Reported');
    expect(lines).toContain('Rear left door      OPEN      just now');
    expect(lines).toContain('Sunroof             AJAR      just now');
    // The engine has been off since the simulator started; its age depends on the machine.
    expect(lines.find((line) => line.startsWith('Engine:'))).toMatch(/^Engine: {4}STOPPED, /);
    expect(lines).toContain('Commands:  the car takes them');
    const json = await cli(['status', vin, '--json'], envFor(sim));
    const status = JSON.parse(json.stdout);
    expect(Object.keys(status)).toEqual([
      'vin',
      'lock',
      'doors',
      'windows',
      'fetchedAt',
      'engine',
      'reachability',
    ]);
    expect(status.reachability).toEqual({ available: true });
    expect(status.lock.value).toBe('UNLOCKED');
    expect(status.doors.rearLeft.value).toBe('OPEN');
    expect(Date.parse(status.fetchedAt)).not.toBeNaN();
  });

  it('shows what the car said when a value is unknown', async () => {
    const sim = await simulator();
    sim.setFault({ kind: 'unknown-values' });
    const { code, stdout } = await cli(['status', sim.vins[0] ?? ''], envFor(sim));
    expect(code).toBe(0);
    expect(stdout).toContain('Lock state unknown');
    expect(stdout).toContain('UNKNOWN (car said "HALF_OPEN")');
  });

  it('locks and unlocks (v2), printing what happened', async () => {
    const sim = await simulator();
    const vin = sim.vins[0] ?? '';
    sim.vehicle(vin).setLock('UNLOCKED');
    const locked = await cli(['lock', vin], envFor(sim));
    expect(locked).toEqual({ code: 0, stdout: 'The car is locked.\n', stderr: '' });
    const unlocked = await cli(['unlock', vin, '--json'], envFor(sim));
    expect(unlocked.code).toBe(0);
    expect(JSON.parse(unlocked.stdout)).toEqual({
      status: 'COMPLETED',
      message: 'The car is unlocked.',
    });
    const human = await cli(['unlock', vin], envFor(sim));
    expect(human).toEqual({
      code: 0,
      stdout: 'The car is unlocked. Open a door within 2 min, or the car locks itself again.\n',
      stderr: '',
    });
  });

  it('unlocks over v1 with a duration, following the command to the end', async () => {
    const sim = await simulator();
    const vin = sim.vins[0] ?? '';
    const { code, stdout } = await cli(['unlock', vin, '--duration', '30'], envFor(sim, 'v1'));
    expect(code).toBe(0);
    expect(stdout).toBe(
      'The car is unlocked. Open a door within 30 s, or the car locks itself again.\n',
    );
  });

  it('exits 2 for a VIN that is not one, without calling the API', async () => {
    const sim = await simulator();
    const { code, stderr } = await cli(['status', 'A B'], envFor(sim));
    expect(code).toBe(2);
    expect(stderr).toBe(
      'volvo-tray: "A B" is not a VIN. A VIN is 17 letters and digits (no I, O or Q).\n',
    );
    expect(sim.stats().apiRequests).toBe(0);
  });

  it('takes a VIN in any case with spaces around it', async () => {
    const sim = await simulator();
    const vin = sim.vins[0] ?? '';
    const { code, stdout } = await cli(['status', ` ${vin.toLowerCase()} `], envFor(sim));
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`${vin}: Locked, everything closed.`);
  });

  it('names the cars on the account when the VIN is not one of them', async () => {
    const sim = await simulator();
    const { code, stdout, stderr } = await cli(['lock', VIN], envFor(sim));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `volvo-tray: ${VIN} is not on this Volvo ID; its cars are ${sim.vins.join(', ')}.\n`,
    );
  });

  it('takes a base address ending in a slash', async () => {
    const sim = await simulator();
    const { code } = await cli(['vehicles', '--base', `${sim.baseUrl}/`], envFor(sim));
    expect(code).toBe(0);
  });

  it('says the simulator is not running when nothing listens on a loopback base', async () => {
    const base = `http://127.0.0.1:${await closedPort()}`;
    const { code, stdout, stderr } = await cli(['vehicles', '--base', base, ...CONFIGURED]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `volvo-tray: Nothing answered at ${base}: the simulator or server is not running there. Start the simulator with "volvo-tray sim" and use the address it prints.\n`,
    );
    expect(stderr).not.toContain('internet');
  });

  it('says an expired token has expired, and how the simulator gives a new one', async () => {
    const clock = new ManualClock(Date.parse('2026-12-05T10:00:00Z'));
    const sim = await simulator({ clock });
    const env = envFor(sim);
    await clock.advance(5 * 60_000);
    const { code, stderr } = await cli(['status', sim.vins[0] ?? ''], env);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `volvo-tray: The access token has expired: pass a new one with --token (VOLVO_ACCESS_TOKEN). The simulator's tokens live 5 minutes; a new one is the access_token that "curl -s -X POST ${sim.baseUrl}/_simulator/tokens" prints (as "volvo-tray sim" says).\n`,
    );
  });

  it('shows on a terminal how long lock has waited, and erases it before the outcome', async () => {
    const sim = await simulator();
    const vin = sim.vins[0] ?? '';
    sim.vehicle(vin).setLock('UNLOCKED');
    const progress = { now: () => 0, every: () => () => {} };
    const locked = await cli(['lock', vin], envFor(sim), undefined, { progress });
    expect(locked).toEqual({
      code: 0,
      stdout: 'The car is locked.\n',
      stderr: '\r\x1b[2KLocking… waiting for the car (0 s)\r\x1b[2K',
    });
  });

  it('exits 1 and names the open door when the car refuses to lock', async () => {
    const sim = await simulator();
    const vin = sim.vins[0] ?? '';
    sim.vehicle(vin).setLock('UNLOCKED');
    sim.vehicle(vin).setDoor('frontRight', 'OPEN');
    const human = await cli(['lock', vin], envFor(sim));
    expect(human).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'volvo-tray: The car could not lock because the front right door is open. Close it and try again.\n',
    });
    const json = await cli(['lock', vin, '--json'], envFor(sim));
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'UNABLE_TO_LOCK_DOOR_OPEN' });
  });

  it.each([
    ['a refused token', ['--token', 'expired'], {}, '--token (VOLVO_ACCESS_TOKEN)'],
    ['a refused token that starts with "-"', ['--token=-expired'], {}, '--token'],
    ['a wrong API key', ['--api-key', 'wrong'], {}, 'check --api-key (VCC_API_KEY)'],
    ['v1 removed', ['--api-version', 'v1'], { v1Removed: true }, 'use --api-version v2'],
  ])('exits 1 with one line for %s', async (_, flags, options, reason) => {
    const sim = await simulator(options);
    const { code, stdout, stderr } = await cli(
      ['status', 'YV1AAAAAAAA999999', ...flags],
      envFor(sim),
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(ONE_LINE_REASON);
    expect(stderr).toContain(reason);
  });

  it('locks with reduced guard only where API and car allow it', async () => {
    const sim = await simulator();
    const [modern = '', classic = ''] = sim.vins;
    const done = await cli(['lock', modern, '--reduced-guard'], envFor(sim));
    expect(done).toEqual({
      code: 0,
      stdout: 'The car is locked with reduced guard.\n',
      stderr: '',
    });
    const classicCar = await cli(['lock', classic, '--reduced-guard'], envFor(sim));
    expect(classicCar.code).toBe(1);
    expect(classicCar.stderr).toMatch(ONE_LINE_REASON);
    expect(classicCar.stderr).toContain('cannot lock with reduced guard');
  });

  it('honk-flash finds the car: one line and exit 0; --honk-only and --flash-only send one alone', async () => {
    const sim = await simulator();
    const [modern = ''] = sim.vins;
    expect(await cli(['honk-flash', modern], envFor(sim))).toEqual({
      code: 0,
      stdout: 'The car honked and flashed its lights.\n',
      stderr: '',
    });
    expect((await cli(['honk-flash', modern, '--honk-only'], envFor(sim))).stdout).toBe(
      'The car honked.\n',
    );
    const json = await cli(['honk-flash', modern, '--flash-only', '--json'], envFor(sim));
    expect(JSON.parse(json.stdout)).toEqual({
      status: 'COMPLETED',
      message: 'The car flashed its lights.',
    });
    expect(
      sim
        .vehicle(modern)
        .beacons()
        .map((event) => event.kind),
    ).toEqual(['horn-and-lights', 'horn', 'lights']);
  });

  it('honk-flash exits 1 in one line for a car without it, a token without the scope, a car asleep', async () => {
    const sim = await simulator();
    const [modern = '', classic = ''] = sim.vins;
    const classicCar = await cli(['honk-flash', classic], envFor(sim));
    expect(classicCar.code).toBe(1);
    expect(classicCar.stdout).toBe('');
    expect(classicCar.stderr).toMatch(ONE_LINE_REASON);
    expect(classicCar.stderr).toContain('This car cannot honk and flash remotely');

    const withoutScope = {
      ...envFor(sim),
      VOLVO_ACCESS_TOKEN: sim.issueAccessToken(['openid', 'conve:lock', 'conve:unlock']),
    };
    const refused = await cli(['honk-flash', modern], withoutScope);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(ONE_LINE_REASON);
    expect(refused.stderr).toContain('conve:honk_flash');

    sim.vehicle(modern).setAsleep(true);
    const asleep = await cli(['honk-flash', modern], envFor(sim));
    expect(asleep).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'volvo-tray: The car is asleep and could not honk and flash remotely. Try again after the car has been used.\n',
    });
    expect(sim.vehicle(modern).beacons()).toEqual([]);
  });

  it('says when the quota returns', async () => {
    const sim = await simulator();
    sim.setFault({ kind: 'quota-exhausted' });
    const { code, stderr } = await cli(['vehicles'], envFor(sim));
    expect(code).toBe(1);
    expect(stderr).toMatch(ONE_LINE_REASON);
    expect(stderr).toMatch(/quota .* is used up\. It is replenished in \d/);
  });

  it('uses the fetch it is given and flags over the environment', async () => {
    const sim = await simulator();
    const seen: string[] = [];
    const counting: Fetch = (input, init) => {
      seen.push(String(input));
      return globalThis.fetch(input, init);
    };
    const env = { ...envFor(sim), VOLVO_API_BASE: 'http://127.0.0.1:9' };
    const { code } = await cli(['vehicles', '--base', sim.baseUrl], env, counting);
    expect(code).toBe(0);
    expect(seen).toEqual([`${sim.baseUrl}/connected-vehicle/v2/vehicles`]);
  });
});
