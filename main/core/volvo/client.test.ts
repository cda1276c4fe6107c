import { describe, expect, it } from 'vitest';
import type { ApiVersion } from '../../../shared/vehicle';
import { AuthError } from '../auth/errors';
import { FakeClock } from '../testing/fake-clock';
import { createVehicleApi, type VehicleApiOptions } from './client';
import { VolvoApiError } from './errors';
import { failure } from './testing/failure';
import {
  fakeFetch,
  fixedTokens,
  json,
  type Route,
  reading,
  recordingLogger,
  settleOnClock,
} from './testing/fake-fetch';

const BASE = 'https://api.example.test';
const VIN = 'YV1XZK9V2PA000001';
const V1_DATA = 'application/vnd.volvocars.api.connected-vehicle.vehicledata.v1+json';

function setup(version: ApiVersion, route: Route, options: Partial<VehicleApiOptions> = {}) {
  const fetch = fakeFetch(route);
  const logger = recordingLogger();
  const requests: { method: string; path: string; status: number | null }[] = [];
  const api = createVehicleApi({
    baseUrl: BASE,
    version,
    apiKey: 'key-1',
    tokens: fixedTokens(),
    fetch,
    logger,
    onRequest: (request) => requests.push(request),
    ...options,
  });
  return { api, fetch, logger, requests };
}

const v2Doors = (overrides: Record<string, unknown> = {}) => ({
  data: {
    centralLock: reading('LOCKED'),
    frontLeftDoor: reading('CLOSED'),
    frontRightDoor: reading('CLOSED'),
    rearLeftDoor: reading('CLOSED'),
    rearRightDoor: reading('CLOSED'),
    hood: reading('CLOSED'),
    tailgate: reading('CLOSED'),
    tankLid: reading('CLOSED'),
    ...overrides,
  },
});

const v1Doors = (overrides: Record<string, unknown> = {}) => ({
  status: 200,
  operationId: 'op-1',
  data: {
    carLocked: reading('UNLOCKED'),
    frontLeft: reading('CLOSED'),
    frontRight: reading('CLOSED'),
    rearLeft: reading('CLOSED'),
    rearRight: reading('CLOSED'),
    tailGate: reading('OPEN'),
    hood: reading('CLOSED'),
    ...overrides,
  },
});

describe('v1 reads', () => {
  it('sends the seed request for doors and maps tailGate onto the tailgate', async () => {
    const { api, fetch } = setup('v1', () => json(v1Doors()));
    const report = await api.getDoors(VIN);
    const [request] = fetch.seen;
    expect(request?.method).toBe('GET');
    expect(request?.url.href).toBe(`${BASE}/connected-vehicle/v1/vehicles/${VIN}/doors`);
    expect(request?.headers.get('accept')).toBe(V1_DATA);
    expect(request?.headers.get('authorization')).toBe('Bearer token-1');
    expect(request?.headers.get('vcc-api-key')).toBe('key-1');
    expect(report.lock).toEqual({ value: 'UNLOCKED', timestamp: '2026-11-27T07:55:00.000Z' });
    expect(report.doors.tailgate?.value).toBe('OPEN');
    expect(report.doors.tankLid).toBeUndefined();
  });

  it('lists vehicles and reads the four windows', async () => {
    const { api, fetch } = setup('v1', (request) =>
      request.url.pathname.endsWith('/vehicles')
        ? json({
            status: 200,
            operationId: 'x',
            data: [{ vin: VIN }, { vin: 'YV4A22PL3N1000002' }],
          })
        : json({
            status: 200,
            operationId: 'y',
            data: {
              frontLeft: reading('OPEN'),
              frontRight: reading('CLOSED'),
              rearLeft: reading('CLOSED'),
              rearRight: reading('CLOSED'),
            },
          }),
    );
    expect(await api.listVehicles()).toEqual([VIN, 'YV4A22PL3N1000002']);
    const { windows } = await api.getWindows(VIN);
    expect(windows.frontLeft?.value).toBe('OPEN');
    expect(windows.sunroof).toBeUndefined();
    expect(fetch.seen.map((r) => r.url.pathname)).toEqual([
      '/connected-vehicle/v1/vehicles',
      `/connected-vehicle/v1/vehicles/${VIN}/windows`,
    ]);
  });
});

describe('v2 reads', () => {
  it('sends accept application/json and maps centralLock and the tank lid', async () => {
    const { api, fetch } = setup('v2', () => json(v2Doors({ rearLeftDoor: reading('AJAR') })));
    const report = await api.getDoors(VIN);
    expect(fetch.seen[0]?.headers.get('accept')).toBe('application/json');
    expect(fetch.seen[0]?.url.pathname).toBe(`/connected-vehicle/v2/vehicles/${VIN}/doors`);
    expect(report.lock.value).toBe('LOCKED');
    expect(report.doors.rearLeft?.value).toBe('AJAR');
    expect(report.doors.tankLid?.value).toBe('CLOSED');
  });

  it('shows unknown values as UNKNOWN with what the car said, and warns', async () => {
    const { api, logger } = setup('v2', () =>
      json(v2Doors({ centralLock: reading('SECURED'), hood: reading('HALF_OPEN') })),
    );
    const report = await api.getDoors(VIN);
    expect(report.lock).toEqual({
      value: 'UNKNOWN',
      timestamp: '2026-11-27T07:55:00.000Z',
      reported: 'SECURED',
    });
    expect(report.doors.hood).toMatchObject({ value: 'UNKNOWN', reported: 'HALF_OPEN' });
    expect(logger.warnings.map((w) => w.fields)).toEqual([
      { field: 'centralLock', reported: 'SECURED' },
      { field: 'hood', reported: 'HALF_OPEN' },
    ]);
  });

  it('ignores extra fields and units, and leaves out a sunroof the car does not have', async () => {
    const windows = (sunroof: string) => ({
      data: {
        frontLeftWindow: { ...reading('CLOSED'), unit: 'none', colour: 'blue' },
        frontRightWindow: reading('CLOSED'),
        rearLeftWindow: reading('OPEN'),
        rearRightWindow: reading('CLOSED'),
        sunroof: reading(sunroof),
        washerFluid: reading('LOW'),
      },
      extra: true,
    });
    let sunroof = 'UNSPECIFIED';
    const { api } = setup('v2', () => json(windows(sunroof)));
    const without = await api.getWindows(VIN);
    expect(without.windows).not.toHaveProperty('sunroof');
    expect(without.windows.frontLeft).toEqual({
      value: 'CLOSED',
      timestamp: '2026-11-27T07:55:00.000Z',
    });
    sunroof = 'OPEN';
    expect((await api.getWindows(VIN)).windows.sunroof?.value).toBe('OPEN');
  });

  it('reads the lock and the other doors when the answer lacks the hood, and warns', async () => {
    const { api, logger } = setup('v2', () =>
      json({ data: { ...v2Doors({ tailgate: reading('OPEN') }).data, hood: undefined } }),
    );
    const report = await api.getDoors(VIN);
    expect(report.lock.value).toBe('LOCKED');
    expect(report.doors).not.toHaveProperty('hood');
    expect(report.doors.frontLeft?.value).toBe('CLOSED');
    expect(report.doors.tailgate?.value).toBe('OPEN');
    expect(logger.warnings.map((w) => w.fields)).toEqual([{ field: 'hood' }]);
  });

  it("reads Volvo's documented tailGate spelling as the tailgate", async () => {
    const { api, logger } = setup('v2', () =>
      json({ data: { ...v2Doors().data, tailgate: undefined, tailGate: reading('OPEN') } }),
    );
    const { doors } = await api.getDoors(VIN);
    expect(doors.tailgate?.value).toBe('OPEN');
    expect(logger.warnings).toEqual([]);
  });

  it('leaves out only a garbled field, says UNKNOWN for an UNSPECIFIED one, never CLOSED, and keeps the rest', async () => {
    const garbled: unknown[] = [
      { value: 5 },
      { timestamp: '2026-11-27T07:55:00.000Z' },
      { value: null },
      'OPEN',
    ];
    for (const hood of garbled) {
      const { api, logger } = setup('v2', () =>
        json(
          v2Doors({ hood, rearLeftDoor: reading('OPEN'), frontLeftDoor: reading('UNSPECIFIED') }),
        ),
      );
      const report = await api.getDoors(VIN);
      expect(report.doors).not.toHaveProperty('hood');
      expect(report.doors.frontLeft).toEqual({
        value: 'UNKNOWN',
        timestamp: '2026-11-27T07:55:00.000Z',
        reported: 'UNSPECIFIED',
      });
      expect(report.doors.rearLeft?.value).toBe('OPEN');
      expect(report.doors.tankLid?.value).toBe('CLOSED');
      expect(report.lock.value).toBe('LOCKED');
      expect(logger.warnings.map((w) => w.fields)).toEqual([
        expect.objectContaining({ field: 'hood' }),
      ]);
    }
    const { api } = setup('v2', () =>
      json({ data: { frontLeftWindow: { value: 5 }, frontRightWindow: reading('OPEN') } }),
    );
    expect((await api.getWindows(VIN)).windows).toEqual({ frontRight: reading('OPEN') });
  });

  it('shows a missing or garbled lock as UNKNOWN and still reads the doors', async () => {
    const { api } = setup('v2', () =>
      json(v2Doors({ centralLock: { value: 5 }, hood: reading('OPEN') })),
    );
    const report = await api.getDoors(VIN);
    expect(report.lock).toEqual({ value: 'UNKNOWN', timestamp: null });
    expect(report.doors.hood?.value).toBe('OPEN');
  });

  it('treats only a body that is not the data envelope as malformed', async () => {
    const bodies: unknown[] = [{ doors: [] }, { data: [] }, { data: 'OPEN' }, 'not json'];
    for (const body of bodies) {
      const { api } = setup('v2', () =>
        typeof body === 'string' ? new Response(body) : json(body),
      );
      const error = await failure(api.getDoors(VIN));
      expect(error.kind).toBe('malformed');
      expect(error.message).toMatch(/doors request/);
    }
  });

  it('keeps a reading without a usable time as null, not as an invalid date', async () => {
    const { api } = setup('v2', () =>
      json(v2Doors({ hood: { value: 'CLOSED' }, tailgate: reading('CLOSED', 'yesterday') })),
    );
    const { doors } = await api.getDoors(VIN);
    expect(doors.hood?.timestamp).toBeNull();
    expect(doors.tailgate?.timestamp).toBeNull();
  });
});

describe('requests and failures', () => {
  it('retries once with a refreshed token after a 401', async () => {
    const tokens = fixedTokens('old', 'new');
    const { api, fetch, requests } = setup(
      'v2',
      (request) =>
        request.headers.get('authorization') === 'Bearer new'
          ? json({ data: [{ vin: VIN }] })
          : json({ error: { message: 'UNAUTHORIZED', description: 'Token expired.' } }, 401),
      { tokens },
    );
    expect(await api.listVehicles()).toEqual([VIN]);
    expect(tokens.refreshes).toEqual(['old']);
    expect(fetch.seen).toHaveLength(2);
    expect(requests.map((r) => r.status)).toEqual([401, 200]);
  });

  it('never loops: a second 401 is an unauthorized error after exactly one refresh', async () => {
    const tokens = fixedTokens('old', 'new');
    const { api, fetch } = setup(
      'v2',
      () => json({ error: { message: 'UNAUTHORIZED', description: 'Invalid token.' } }, 401),
      { tokens },
    );
    const error = await failure(api.getWindows(VIN));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe(
      'Volvo did not accept the sign-in or the VCC API key (Invalid token). Sign in again, or check the VCC API key.',
    );
    expect(tokens.refreshes).toEqual(['old']);
    expect(fetch.seen).toHaveLength(2);
  });

  it('never quotes the access token or the API key from an error answer that echoes them', async () => {
    const tokens = fixedTokens('old-access-token-abc', 'new-access-token-xyz');
    const { api } = setup(
      'v2',
      (request) =>
        json(
          {
            error: {
              message: 'UNAUTHORIZED',
              description: `Token ${request.headers.get('authorization')} with key ${request.headers.get('vcc-api-key')} is not valid`,
            },
          },
          401,
        ),
      { tokens, apiKey: 'the-vcc-api-key-123' },
    );
    const error = await failure(api.listVehicles());
    expect(error.message).toContain(
      '(Token Bearer [credential] with key [credential] is not valid)',
    );
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toMatch(
      /access-token|the-vcc-api-key/,
    );
  });

  it('does not retry when no fresh token is to be had', async () => {
    const tokens = fixedTokens('old', null);
    const { api, fetch } = setup('v2', () => json({}, 401), { tokens });
    expect((await failure(api.listVehicles())).kind).toBe('unauthorized');
    expect(fetch.seen).toHaveLength(1);
  });

  it('turns a failing token provider into an unauthorized error in its own words', async () => {
    const { api, fetch } = setup('v2', () => json({}), {
      tokens: {
        accessToken: () => Promise.reject(new Error('Your Volvo sign-in expired. Sign in again.')),
        refreshAfterUnauthorized: async () => null,
      },
    });
    const error = await failure(api.listVehicles());
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe('Your Volvo sign-in expired. Sign in again.');
    expect(fetch.seen).toHaveLength(0);
  });

  it('treats Volvo ID being unreachable as a network problem, not as signed out', async () => {
    const { api } = setup('v2', () => json({}), {
      tokens: {
        accessToken: () =>
          Promise.reject(
            new AuthError('unreachable', 'Volvo ID did not answer. Trying again soon.'),
          ),
        refreshAfterUnauthorized: async () => null,
      },
    });
    const error = await failure(api.listVehicles());
    expect(error.kind).toBe('network');
    expect(error.message).toBe('Volvo ID did not answer. Trying again soon.');
  });

  it('gives up after timeoutMs with a timeout error, and reports the request', async () => {
    const { api, requests } = setup('v2', () => new Promise<Response>(() => {}), {
      timeoutMs: 30,
    });
    const started = Date.now();
    const error = await failure(api.getDoors(VIN));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('The Volvo API did not answer within 30 ms.');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(requests).toEqual([
      { method: 'GET', path: `/connected-vehicle/v2/vehicles/${VIN}/doors`, status: null },
    ]);
  });

  it('stops when the caller cancels', async () => {
    const { api } = setup('v2', () => new Promise<Response>(() => {}));
    const controller = new AbortController();
    const pending = failure(api.listVehicles({ signal: controller.signal }));
    controller.abort();
    const error = await pending;
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('cancelled');
  });

  it('reports an unreachable API as a network error', async () => {
    const { api } = setup('v2', () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
      });
    });
    const error = await failure(api.listVehicles());
    expect(error.kind).toBe('network');
    expect(error.message).toBe(
      'Could not reach the Volvo API at api.example.test (ECONNREFUSED). Check your internet connection.',
    );
  });

  it('refuses a VIN that is not one, and a bad base URL, before sending', async () => {
    const { api, fetch } = setup('v2', () => json({}));
    const error = await failure(api.getDoors('../../admin'));
    expect(error.kind).toBe('invalid-input');
    expect(fetch.seen).toHaveLength(0);
    expect(() =>
      createVehicleApi({ baseUrl: 'ftp://x', version: 'v2', apiKey: 'k', tokens: fixedTokens() }),
    ).toThrow(VolvoApiError);
  });

  it('sends the access token over plain http only to this computer', () => {
    const api = (baseUrl: string) =>
      createVehicleApi({ baseUrl, version: 'v2', apiKey: 'k', tokens: fixedTokens() });
    expect(() => api('http://api.volvocars.com')).toThrow(
      'would receive your access token unencrypted',
    );
    expect(() => api('http://127.0.0.1.example.net:8080')).toThrow(VolvoApiError);
    for (const loopback of [
      'http://127.0.0.1:8080',
      'http://localhost:8080',
      'http://[::1]:8080',
    ]) {
      expect(api(loopback)).toBeDefined();
    }
  });
});

describe('v1 commands', () => {
  const asyncBody = (
    status: string,
    href = `${BASE}/connected-vehicle/v1/vehicles/${VIN}/commands/lock/abc`,
  ) => ({
    status: 200,
    operationId: 'op-7',
    async: { status, id: 'abc', href, expires: '2027-11-27T08:00:00.000Z' },
  });

  it('follows async.href on the clock until the car answers', async () => {
    const clock = new FakeClock();
    const statuses = ['RUNNING', 'COMPLETED'];
    const { api, fetch, requests } = setup(
      'v1',
      (request) =>
        request.method === 'POST'
          ? json(asyncBody('WAITING'))
          : json({ status: 200, operationId: 'p', data: { async: { status: statuses.shift() } } }),
      { clock, commandPollMs: 1_000 },
    );
    const outcome = await settleOnClock(clock, api.lock(VIN));
    expect(outcome).toEqual({
      vin: VIN,
      command: 'lock',
      status: 'COMPLETED',
      ok: true,
      message: 'The car is locked.',
      operationId: 'op-7',
    });
    const [post, ...polls] = fetch.seen;
    expect(post?.url.pathname).toBe(`/connected-vehicle/v1/vehicles/${VIN}/commands/lock`);
    expect(post?.headers.get('content-type')).toBe(
      'application/vnd.volvocars.api.connected-vehicle.lock.v1+json',
    );
    expect(polls.map((p) => [p.method, p.url.pathname, p.headers.get('accept')])).toEqual([
      ['GET', `/connected-vehicle/v1/vehicles/${VIN}/commands/lock/abc`, V1_DATA],
      ['GET', `/connected-vehicle/v1/vehicles/${VIN}/commands/lock/abc`, V1_DATA],
    ]);
    expect(requests).toHaveLength(3);
  });

  it('keeps following the command through a failed status poll: the car has it already', async () => {
    const clock = new FakeClock();
    const polls: Response[] = [
      json({ error: { message: 'SERVICE_UNAVAILABLE' } }, 503),
      json({ error: { message: 'TOO_MANY_REQUESTS' } }, 429, { 'retry-after': '5' }),
      json(asyncBody('COMPLETED')),
    ];
    const seenAt: number[] = [];
    const { api, logger } = setup(
      'v1',
      (request) => {
        if (request.method === 'POST') return json(asyncBody('WAITING'));
        seenAt.push(clock.now());
        return polls.shift() ?? json({}, 500);
      },
      { clock, commandPollMs: 1_000 },
    );
    const outcome = await settleOnClock(clock, api.lock(VIN), 100);
    expect(outcome).toMatchObject({ status: 'COMPLETED', ok: true, message: 'The car is locked.' });
    // One second after the 503, as usual; the 429's five seconds were waited out.
    const [first = 0, ...later] = seenAt;
    expect(later.map((at) => at - first)).toEqual([1_000, 6_000]);
    expect(logger.warnings).toHaveLength(2);
  });

  it('still stops following when a status poll is refused for good', async () => {
    const { api } = setup(
      'v1',
      (request) =>
        request.method === 'POST'
          ? json(asyncBody('WAITING'))
          : json({ error: { message: 'NOT_FOUND' } }, 404),
      { commandPollMs: 1 },
    );
    const error = await failure(api.lock(VIN));
    expect(error.kind).toBe('not-found');
    expect(error.message).toBe(
      'The status of the lock command is no longer available; check the lock state.',
    );
  });

  it('answers TIMEOUT when the car never confirms within commandTimeoutMs', async () => {
    const clock = new FakeClock();
    const { api, fetch } = setup('v1', () => json(asyncBody('RUNNING')), {
      clock,
      commandPollMs: 1_000,
      commandTimeoutMs: 5_000,
    });
    const outcome = await settleOnClock(clock, api.lock(VIN));
    expect(outcome.status).toBe('TIMEOUT');
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain('did not confirm');
    expect(outcome.message).toContain('check the lock state');
    expect(fetch.seen).toHaveLength(6);
  });

  it('refuses to follow a status link to another server', async () => {
    const { api, fetch } = setup('v1', () => json(asyncBody('WAITING', 'https://evil.test/x')), {
      clock: new FakeClock(),
    });
    const error = await failure(api.lock(VIN));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('evil.test');
    expect(fetch.seen).toHaveLength(1);
  });

  it('sends the unlock duration and refuses one outside 1..120 before sending', async () => {
    const { api, fetch } = setup('v1', () => json(asyncBody('COMPLETED')));
    const outcome = await api.unlock(VIN, { unlockDuration: 30 });
    expect(outcome).toMatchObject({ ok: true, message: 'The car is unlocked.' });
    expect(fetch.seen[0]?.body).toBe('{"unlockDuration":30}');
    expect(fetch.seen[0]?.headers.get('content-type')).toBe(
      'application/vnd.volvocars.api.connected-vehicle.unlock.v1+json',
    );
    for (const unlockDuration of [0, 121, 1.5, Number.NaN]) {
      expect((await failure(api.unlock(VIN, { unlockDuration }))).kind).toBe('invalid-input');
    }
    expect((await failure(api.lock(VIN, { reducedGuard: true }))).kind).toBe('invalid-input');
    // v1 has no honk and flash: refused before sending, with the way out.
    const honk = await failure(api.findMyCar(VIN, 'honk-flash'));
    expect(honk.kind).toBe('invalid-input');
    expect(honk.message).toContain('Honk and flash needs API v2');
    expect(fetch.seen).toHaveLength(1);
  });

  it('names the open door when the car refuses to lock', async () => {
    const { api, requests } = setup('v1', (request) =>
      request.method === 'POST'
        ? json(asyncBody('UNABLE_TO_LOCK_DOOR_OPEN'))
        : json(v1Doors({ tailGate: reading('CLOSED'), rearLeft: reading('OPEN') })),
    );
    const outcome = await api.lock(VIN);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe(
      'The car could not lock because the rear left door is open. Close it and try again.',
    );
    expect(requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('answers lock and unlock as supported commands without asking', async () => {
    const { api, fetch } = setup('v1', () => json({}));
    expect(await api.supportedCommands(VIN)).toEqual(['lock', 'unlock']);
    expect(await api.commandAccessibility(VIN)).toEqual({ available: true });
    expect(fetch.seen).toHaveLength(0);
  });
});

describe('v2 commands', () => {
  it('posts JSON and reads invokeStatus and the unlock deadline', async () => {
    const until = Date.UTC(2026, 10, 27, 8, 2, 0);
    const clock = new FakeClock('2026-11-27T08:00:00.000Z');
    const { api, fetch } = setup(
      'v2',
      (request) =>
        json({
          data: {
            vin: VIN,
            invokeStatus: 'COMPLETED',
            message: '',
            ...(request.url.pathname.endsWith('/unlock')
              ? { readyToUnlock: true, readyToUnlockUntil: until }
              : {}),
          },
        }),
      { clock },
    );
    const unlocked = await api.unlock(VIN);
    expect(unlocked).toEqual({
      vin: VIN,
      command: 'unlock',
      status: 'COMPLETED',
      ok: true,
      message: 'The car is unlocked.',
      readyToUnlockUntil: '2026-11-27T08:02:00.000Z',
    });
    const reduced = await api.lock(VIN, { reducedGuard: true });
    expect(reduced.command).toBe('lock-reduced-guard');
    expect(
      fetch.seen.map((r) => [r.method, r.url.pathname, r.headers.get('content-type')]),
    ).toEqual([
      ['POST', `/connected-vehicle/v2/vehicles/${VIN}/commands/unlock`, 'application/json'],
      [
        'POST',
        `/connected-vehicle/v2/vehicles/${VIN}/commands/lock-reduced-guard`,
        'application/json',
      ],
    ]);
  });

  it.each([
    ["seconds left, as on Volvo's doc page", 60, '2026-11-27T08:01:00.000Z'],
    ['epoch milliseconds', Date.UTC(2026, 10, 27, 8, 2, 0), '2026-11-27T08:02:00.000Z'],
    ['epoch seconds', Date.UTC(2026, 10, 27, 8, 2, 0) / 1000, '2026-11-27T08:02:00.000Z'],
    ['an ISO date', '2026-11-27T08:02:00Z', '2026-11-27T08:02:00.000Z'],
    ['a number as text', '90', '2026-11-27T08:01:30.000Z'],
    ['a 1970 date (epoch ms read as seconds elsewhere)', 120_000_000, undefined],
    ['nonsense', 'soon', undefined],
    ['a negative number', -5, undefined],
  ])('reads readyToUnlockUntil given as %s', async (_what, raw, expected) => {
    const clock = new FakeClock('2026-11-27T08:00:00.000Z');
    const { api } = setup(
      'v2',
      () => json({ data: { vin: VIN, invokeStatus: 'COMPLETED', readyToUnlockUntil: raw } }),
      { clock },
    );
    expect((await api.unlock(VIN)).readyToUnlockUntil).toBe(expected);
  });

  it('says a sleeping car is asleep and an unknown status is unknown', async () => {
    let status = 'CAR_IN_SLEEP_MODE';
    const { api } = setup('v2', () => json({ data: { vin: VIN, invokeStatus: status } }));
    const asleep = await api.lock(VIN);
    expect(asleep).toMatchObject({ ok: false, status: 'CAR_IN_SLEEP_MODE' });
    expect(asleep.message).toContain('asleep');
    status = 'HALF_DONE';
    const unknown = await api.lock(VIN);
    expect(unknown.status).toBe('UNKNOWN');
    expect(unknown.message).toContain('"HALF_DONE"');
  });

  it('never leaves a v2 command looking busy: a pending invokeStatus says to check the lock', async () => {
    for (const status of ['WAITING', 'RUNNING', 'SENT']) {
      const { api } = setup('v2', () => json({ data: { vin: VIN, invokeStatus: status } }));
      const outcome = await api.lock(VIN);
      expect(outcome).toMatchObject({ status, ok: false });
      expect(outcome.message).toMatch(/; check the lock state before you leave the car\.$/);
    }
  });

  it('lists the commands this app knows and the accessibility', async () => {
    const { api } = setup('v2', (request) =>
      request.url.pathname.endsWith('/commands')
        ? json({
            data: [
              { command: 'LOCK', href: '/x' },
              { command: 'HONK', href: '/y' },
              { command: 'UNLOCK', href: '/z' },
              { command: 'LOCK_REDUCED_GUARD', href: '/w' },
            ],
          })
        : json({
            data: {
              availabilityStatus: {
                value: 'UNAVAILABLE',
                unavailableReason: 'NO_INTERNET',
                timestamp: '2026-11-27T07:55:00.000Z',
              },
            },
          }),
    );
    expect(await api.supportedCommands(VIN)).toEqual([
      'lock',
      'honk',
      'unlock',
      'lock-reduced-guard',
    ]);
    expect(await api.commandAccessibility(VIN)).toEqual({
      available: false,
      reason: 'NO_INTERNET',
    });
  });
});
