import type { AlertView } from '../../shared/snapshot';
import { formatSince } from '../../shared/words/time';
import { useClockStyle } from '../hooks/useClockStyle';
import { useTimeWords } from '../hooks/useTimeWords';

/**
 * Rules whose part the headline already names ("Locked · rear left door open"): their alert shows
 * its title and since when, and keeps the full sentence for screen readers only, so a problem is
 * said once on screen and the car stays in view.
 */
const NAMED_IN_HEADLINE: ReadonlySet<AlertView['rule']> = new Set([
  'door-open',
  'window-open-while-locked',
  'tank-lid-open',
]);

/** What needs attention, and since when; nothing at all when all is well (the state says so). */
export function AlertsList({
  alerts,
  shownElsewhere = [],
}: {
  alerts: readonly AlertView[];
  /** Sentences already on screen: an alert saying the same shows only its title. */
  shownElsewhere?: readonly (string | null)[];
}) {
  const clock = useClockStyle();
  const since = useTimeWords((now) => alerts.map((alert) => formatSince(alert.since, now, clock)));
  if (alerts.length === 0) return null;
  return (
    <section className="alerts" aria-labelledby="alerts-title">
      <h2 className="visually-hidden" id="alerts-title">
        Alerts
      </h2>
      <ul className="alert-list">
        {alerts.map((alert, i) => (
          <li key={alert.id} className={`alert alert-${alert.rule}`}>
            <p className="alert-head">
              <span className="alert-title">{alert.title}</span>
              <span className="alert-since">
                <span className="visually-hidden">, </span>
                {since[i]}
                {alert.notified ? <span className="visually-hidden">, notified</span> : null}
              </span>
            </p>
            {shownElsewhere.includes(alert.message) ? null : (
              <p
                className={NAMED_IN_HEADLINE.has(alert.rule) ? 'visually-hidden' : 'alert-message'}
                title={alert.message}
              >
                {alert.message}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
