import type { Clock, Logger } from '../ports';
import type { Transport } from './http';

/** What the version adapters share: the transport, time, logs and the v1 command limits. */
export interface AdapterContext {
  transport: Transport;
  clock: Clock;
  logger: Logger;
  /** v1: stop following `async.href` after this long and report TIMEOUT. */
  commandTimeoutMs: number;
  /** v1: wait between `async.href` polls. */
  commandPollMs: number;
}
