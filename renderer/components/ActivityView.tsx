import { useEffect, useState } from 'react';
import type { ActivityEntry, VehicleView } from '../../shared/snapshot';
import { formatClockTime } from '../../shared/words/time';
import type { VolvoBridge } from '../bridge';
import { useClockStyle } from '../hooks/useClockStyle';
import { useScrollableFocus } from '../hooks/useScrollableFocus';
import { useTimeWords } from '../hooks/useTimeWords';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; entries: ActivityEntry[] }
  | { kind: 'failed'; error: string };

const KIND_WORDS: Record<ActivityEntry['kind'], string> = {
  info: 'Info',
  warning: 'Warning',
  command: 'Command',
  error: 'Error',
};

interface ActivityViewProps {
  vehicle: VehicleView;
  /** The Snapshot revision: a new one may mean new entries. */
  revision: number;
  bridge: VolvoBridge;
}

/** The car's activity log, newest first; reloads as Snapshots arrive. */
export function ActivityView({ vehicle, revision, bridge }: ActivityViewProps) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const clock = useClockStyle();
  const scrollRef = useScrollableFocus<HTMLElement>();
  useEffect(() => {
    let current = true;
    // The revision is a dependency on purpose: each new Snapshot may have added entries.
    void revision;
    void bridge.getActivity(vehicle.vin).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok
          ? { kind: 'ready', entries: result.value }
          : { kind: 'failed', error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [bridge, vehicle.vin, revision]);
  const entries = loaded.kind === 'ready' ? sortNewestFirst(loaded.entries) : [];
  const times = useTimeWords((now) =>
    entries.map((entry) => formatClockTime(entry.at, now, clock)),
  );

  return (
    <main className="content activity" ref={scrollRef} aria-label="Activity">
      {loaded.kind === 'loading' ? (
        <p className="hint">Loading…</p>
      ) : loaded.kind === 'failed' ? (
        <p role="alert">{loaded.error}</p>
      ) : loaded.entries.length === 0 ? (
        <p className="hint">Nothing has happened yet.</p>
      ) : (
        <ol className="activity-list" aria-label="Activity, newest first">
          {entries.map((entry, i) => (
            <li
              key={`${entry.at}|${entry.kind}|${entry.text}`}
              className={`activity-entry activity-${entry.kind}`}
            >
              <time dateTime={entry.at}>{times[i]}</time>
              <span className="activity-text">
                <span className="visually-hidden">{KIND_WORDS[entry.kind]}: </span>
                {entry.text}
              </span>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}

function sortNewestFirst(entries: readonly ActivityEntry[]): ActivityEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
