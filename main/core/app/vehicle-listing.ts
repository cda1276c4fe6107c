import type { VehicleDetails } from '../../../shared/vehicle';
import type { Clock, Logger, TimerHandle } from '../ports';
import type { VehicleApi } from '../volvo/model';
import { backoffDelayMs } from './backoff';
import { pauseFor } from './poll-scheduler';
import { type CarCapabilities, errorInWords } from './vehicle-record';

/**
 * The cars of the signed-in account and what each can do, for one connection at a time. A
 * listing that fails is tried again (when Volvo allows calls again after a 429 or the quota
 * 403, otherwise with backoff and jitter) until it works or the connection ends; answers that
 * arrive for an earlier connection are dropped.
 */
export interface VehicleListing {
  /** Lists the cars through `api` (ending any listing of an earlier connection). */
  start(api: VehicleApi): Promise<void>;
  /**
   * Reads what these cars are (model, year, colour) and which commands they support, through
   * the connection last started.
   */
  describe(vins: readonly string[]): Promise<void>;
  /** The connection ended: no more retries, late answers are dropped. */
  stop(): void;
}

export interface VehicleListingOptions {
  clock: Clock;
  random: () => number;
  logger: Logger;
  /** First wait before listing again after a failure. */
  retryMs: number;
  /** The longest wait between attempts. */
  maxRetryMs: number;
  onListed(vins: string[]): void;
  /** Listing failed (it is tried again); `reason` in words. */
  onFailed(reason: string): void;
  onCapabilities(vin: string, capabilities: CarCapabilities): void;
  onDetails(vin: string, details: VehicleDetails | null): void;
}

/** Volvo never answers sooner than this after a refusal; nor do we ask. */
const MIN_RETRY_MS = 1000;

interface Listed {
  api: VehicleApi;
  ended: AbortController;
}

export function createVehicleListing(options: VehicleListingOptions): VehicleListing {
  const { clock } = options;
  /** The connection listed now: ended by the next start and by stop, so its late answers are dropped. */
  let current: Listed | null = null;
  let retry: TimerHandle | null = null;
  let failures = 0;

  const cancelRetry = () => {
    if (retry !== null) clock.clearTimeout(retry);
    retry = null;
  };

  const retryLater = (error: unknown, listed: Listed) => {
    failures += 1;
    const now = clock.now();
    const pause = pauseFor(error, now);
    const delay =
      pause !== null
        ? pause.until - now
        : backoffDelayMs(
            failures,
            { baseMs: options.retryMs, maxMs: options.maxRetryMs },
            options.random,
          );
    cancelRetry();
    retry = clock.setTimeout(
      () => {
        retry = null;
        if (!listed.ended.signal.aborted) void list(listed);
      },
      Math.max(MIN_RETRY_MS, delay),
    );
  };

  const list = async (listed: Listed) => {
    try {
      const vins = await listed.api.listVehicles();
      if (listed.ended.signal.aborted) return;
      failures = 0;
      options.onListed(vins);
    } catch (error) {
      if (listed.ended.signal.aborted) return;
      retryLater(error, listed);
      options.onFailed(errorInWords(error));
    }
  };

  return {
    start(next) {
      cancelRetry();
      failures = 0;
      current?.ended.abort();
      current = { api: next, ended: new AbortController() };
      return list(current);
    },
    async describe(vins) {
      const listed = current;
      if (listed === null) return;
      // Each read on its own: a car whose details fail still gets its commands, and back.
      const read = async <T>(what: string, call: () => Promise<T>, use: (value: T) => void) => {
        try {
          const value = await call();
          if (!listed.ended.signal.aborted) use(value);
        } catch (error) {
          options.logger.info(`Could not read ${what}`, { reason: errorInWords(error) });
        }
      };
      await Promise.all(
        vins.flatMap((vin) => [
          read(
            'which commands the car supports',
            () => listed.api.supportedCommands(vin),
            (supported) =>
              options.onCapabilities(vin, {
                lockReducedGuard: supported.includes('lock-reduced-guard'),
                findMyCar: supported.includes('honk-flash'),
              }),
          ),
          read(
            'what the car is',
            () => listed.api.vehicleDetails(vin),
            (details) => options.onDetails(vin, details),
          ),
        ]),
      );
    },
    stop() {
      cancelRetry();
      current?.ended.abort();
      current = null;
    },
  };
}
