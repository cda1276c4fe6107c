import { AccessTokens } from './access-tokens';
import { createApi } from './api';
import { quietLogger, type SimClock, wallClock } from './clock';
import { createControl } from './control';
import { createDeveloperPortal, OutageSwitch } from './developer-portal';
import { FaultSwitch } from './faults';
import { DEMO_VINS, Fleet } from './fleet';
import { GrantStore } from './grants';
import type { IdTokenFault } from './id-tokens';
import { DailyQuota } from './quota';
import { RateLimiter } from './rate-limit';
import { createRouter } from './router';
import { SUPPORTED_SCOPES } from './scopes';
import { randomToken } from './secrets';
import { openSite } from './server';
import type { SimFault, Simulator, SimulatorOptions, SimVehicle } from './types';
import { createVolvoId, type GrantCounts } from './volvo-id';

export type { SimFault, Simulator, SimulatorOptions, SimVehicle } from './types';

/** The one Volvo ID user every demo sign-in approves. */
const DEMO_SUBJECT = 'demo-user';
const CONFIDENTIAL_CLIENT_ID = 'volvo-tray-demo';
const PUBLIC_CLIENT_ID = 'volvo-tray-public';

/**
 * Starts the embedded Volvo simulator on 127.0.0.1: the Connected Vehicle API (v1 and v2 at
 * their real paths), the cars behind it, a Volvo ID stand-in, and the control API under
 * /_simulator/. See main/simulator/README.md.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock: SimClock = options.clock ?? wallClock;
  const logger = options.logger ?? quietLogger;
  const ttlSeconds = positiveInteger(options.accessTokenTtlSeconds ?? 299, 'accessTokenTtlSeconds');
  const quotaPerDay = positiveInteger(options.quotaPerDay ?? 10_000, 'quotaPerDay');
  const commandStepMs = positiveInteger(options.commandStepMs ?? 1500, 'commandStepMs');
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`The simulator port must be 0..65535, not ${port}.`);
  }

  const fleet = new Fleet(options.vins ?? DEMO_VINS, clock, commandStepMs);
  const quirks = options.quirks;
  if (quirks) for (const vehicle of fleet.all()) vehicle.setQuirks(quirks);
  const apiKey = randomToken(16);
  const client = { id: CONFIDENTIAL_CLIENT_ID, secret: randomToken(24) };
  const accessTokens = new AccessTokens(clock, ttlSeconds);
  const grants = new GrantStore(clock);
  const quota = new DailyQuota(quotaPerDay);
  const faults = new FaultSwitch();
  const outage = new OutageSwitch();
  const counters = { apiRequests: 0 };
  const grantCounts: GrantCounts = { authorization_code: 0, refresh_token: 0 };

  const site = await openSite(port, logger);

  const issueAccessToken = (scopes: readonly string[] = SUPPORTED_SCOPES) =>
    accessTokens.issue({
      subject: DEMO_SUBJECT,
      clientId: client.id,
      scopes: new Set(scopes),
      grantId: 'issued-directly',
    });
  const stats = () => ({ apiRequests: counters.apiRequests, grants: { ...grantCounts } });
  const setFault = (fault: SimFault | null) => faults.set(fault);
  const revokeRefreshTokens = () => grants.revokeAllRefreshTokens();
  let idTokenFault: IdTokenFault | null = null;

  site.serve(
    createRouter({
      volvoId: createVolvoId({
        baseUrl: site.baseUrl,
        clock,
        clients: [client, { id: PUBLIC_CLIENT_ID, secret: null }],
        idTokenFault: () => idTokenFault,
        approvedScopes: options.approvedScopes ?? SUPPORTED_SCOPES,
        withheldScopes: options.withheldScopes ?? [],
        grants,
        accessTokens,
        counts: grantCounts,
        subject: DEMO_SUBJECT,
      }),
      api: createApi({
        baseUrl: site.baseUrl,
        clock,
        fleet,
        apiKey,
        accessTokens,
        quota,
        rateLimiter: new RateLimiter(),
        faults,
        outage,
        v1Removed: options.v1Removed ?? false,
        counters,
        delay: (ms) => site.wait(ms),
      }),
      portal: createDeveloperPortal(outage),
      control: createControl({
        clock,
        fleet,
        fault: () => faults.get(),
        setFault,
        outage,
        issueAccessToken,
        accessTokenTtlSeconds: ttlSeconds,
        revokeRefreshTokens,
        quota: () => ({ perDay: quotaPerDay, usedToday: quota.usedToday(apiKey, clock.now()) }),
        stats,
      }),
    }),
  );
  logger.info('simulator listening', { baseUrl: site.baseUrl });

  return {
    baseUrl: site.baseUrl,
    apiKey,
    client,
    publicClientId: PUBLIC_CLIENT_ID,
    vins: fleet.vins,
    issueAccessToken,
    vehicle(vin?: string): SimVehicle {
      const vehicle = vin === undefined ? fleet.all()[0] : fleet.get(vin);
      if (!vehicle) throw new Error(`The simulator has no vehicle ${vin}.`);
      return vehicle;
    },
    setFault,
    setOutage: (notice) => outage.set(notice),
    setIdTokenFault(fault) {
      idTokenFault = fault;
    },
    revokeRefreshTokens,
    stats,
    close: () => site.close(),
  };
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`The simulator option ${name} must be a whole number above 0, not ${value}.`);
  }
  return value;
}
