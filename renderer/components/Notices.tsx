import type { Snapshot } from '../../shared/snapshot';
import { SIGN_IN_EXPIRED } from '../../shared/words/sign-in';
import { formatClockTime } from '../../shared/words/time';
import { useTimeWords } from '../hooks/useTimeWords';

/**
 * App-wide problems in words: settings that had to be repaired, how secrets are stored, an
 * error not about one car, the API quota. Shown above everything else, never hidden.
 */
export function Notices({
  snapshot,
  shownElsewhere = [],
  offlineShown = false,
}: {
  snapshot: Snapshot;
  /** Sentences already on screen (the stale reason), not repeated here. */
  shownElsewhere?: readonly (string | null)[];
  /** The car's state already says there is no network (its Offline badge). */
  offlineShown?: boolean;
}) {
  const until = snapshot.quota.exhaustedUntil;
  const untilTime = useTimeWords((now) =>
    until ? formatClockTime(until, now, snapshot.clock) : null,
  );
  const notices: { key: string; tone: 'info' | 'warn' | 'alert'; text: string }[] = [];
  if (snapshot.signIn.state === 'expired') {
    notices.push({
      key: 'expired',
      tone: 'alert',
      text: snapshot.signIn.message ?? SIGN_IN_EXPIRED,
    });
  }
  if (snapshot.quota.exhaustedUntil || snapshot.quota.message) {
    notices.push({
      key: 'quota',
      tone: 'alert',
      text:
        snapshot.quota.message ??
        `Volvo’s daily request quota is used up${untilTime ? ` until ${untilTime}` : ''}.`,
    });
  } else if (snapshot.quota.slowdown) {
    notices.push({ key: 'slowdown', tone: 'info', text: snapshot.quota.slowdown });
  }
  if (snapshot.lastError) notices.push({ key: 'error', tone: 'alert', text: snapshot.lastError });
  if (!snapshot.online && !offlineShown) {
    notices.push({ key: 'offline', tone: 'warn', text: 'This computer is offline.' });
  }
  for (const [i, problem] of snapshot.settingsProblems.entries()) {
    notices.push({ key: `settings-${i}`, tone: 'warn', text: problem });
  }
  if (snapshot.vaultWarning) {
    notices.push({ key: 'vault', tone: 'warn', text: snapshot.vaultWarning });
  }
  if (snapshot.stateNotSaved) {
    notices.push({ key: 'state', tone: 'warn', text: snapshot.stateNotSaved });
  }
  if (snapshot.stateSetAside) {
    notices.push({ key: 'state-set-aside', tone: 'warn', text: snapshot.stateSetAside });
  }
  const shown = notices.filter((n) => !shownElsewhere.includes(n.text));
  if (shown.length === 0) return null;
  return (
    <ul className="notices" aria-label="Notices">
      {shown.map((n) => (
        <li key={n.key} className={`notice notice-${n.tone}`}>
          {n.text}
        </li>
      ))}
    </ul>
  );
}
