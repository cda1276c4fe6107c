import type { VehicleView } from '../../shared/snapshot';
import { carUpdatedAt, freshnessBadge, stateView, updatedLine } from '../format/summary';
import { useClockStyle } from '../hooks/useClockStyle';
import { useTimeWords } from '../hooks/useTimeWords';

/** The headline: the lock and what is open ("Locked · rear left window open"), and how fresh it is. */
export function StateBanner({ vehicle }: { vehicle: VehicleView }) {
  const state = stateView(vehicle);
  const clock = useClockStyle();
  const reported = carUpdatedAt(vehicle);
  const { badge, updated } = useTimeWords((now) => ({
    badge: freshnessBadge(vehicle.freshness, now, clock),
    updated: updatedLine(vehicle, now, reported),
  }));
  const problem =
    vehicle.freshness.state === 'stale' || vehicle.freshness.state === 'offline'
      ? badge?.explanation
      : vehicle.lastError;
  return (
    <section className={`state tone-${state.tone}`} aria-label="Lock state">
      <div className="state-row">
        <span className="state-mark" aria-hidden="true" />
        <p className="state-word" aria-live="polite" data-testid="state-word">
          {state.word}
          {state.open ? <span className="state-open"> · {state.open}</span> : null}
        </p>
        {badge ? (
          <span
            className={`badge badge-${badge.label.toLowerCase().replace(' ', '-')}`}
            title={badge.explanation}
            data-testid="freshness-badge"
          >
            {badge.label}
          </span>
        ) : null}
      </div>
      <div className="state-meta">
        {state.detail ? <p className="state-detail">{state.detail}</p> : null}
        <p className="state-updated">{updated}</p>
      </div>
      {problem ? (
        <p className="state-problem" role="status" data-testid="state-problem">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
