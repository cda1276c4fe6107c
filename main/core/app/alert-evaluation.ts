import type { AuthSession } from '../auth/types';
import type { Clock } from '../ports';
import type { AlertEngine } from './alert-engine';
import { evaluateApp, evaluateVehicle } from './alert-rules';
import type { AppState } from './app-state';
import type { PollPause } from './poll-scheduler';
import type { VehicleRecord } from './vehicle-record';

export interface AlertEvaluationOptions {
  clock: Clock;
  state: AppState;
  auth: AuthSession;
  alerts: AlertEngine;
  /** A pause of the checks in words, as the popover says it. */
  pauseWords(pause: PollPause, now: number): string;
}

/** Feeds the alert engine what the rules need to know: a car's reading, or the app's own state. */
export interface AlertEvaluation {
  /** A watched car's reading changed (only while signed in: alerts need a live sign-in). */
  vehicle(record: VehicleRecord): void;
  /** The sign-in, the connection or a pause changed. */
  app(): void;
}

export function createAlertEvaluation(options: AlertEvaluationOptions): AlertEvaluation {
  const { clock, state, auth, alerts } = options;
  return {
    vehicle(record) {
      if (!record.watched || auth.state().status !== 'signed-in') return;
      alerts.update(
        record.vin,
        evaluateVehicle({ ...record, engine: record.engine.reading }, state.settings.alerts),
      );
    },
    app() {
      const { paused } = state;
      const quotaOut =
        paused !== null && paused.pause.kind !== 'rate-limited'
          ? { since: paused.since, message: options.pauseWords(paused.pause, clock.now()) }
          : null;
      alerts.update(
        'app',
        evaluateApp(
          {
            signInExpiredSince: state.signInExpiredSince,
            signInMessage: auth.state().message,
            checking: state.link !== null,
            quotaOut,
          },
          state.settings.alerts,
        ),
      );
    },
  };
}
