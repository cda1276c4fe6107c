import {
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
} from 'react';
import type { Snapshot } from '../../shared/snapshot';
import type { VolvoBridge } from '../bridge';
import { ClockStyleContext } from '../hooks/useClockStyle';
import { useSnapshot } from '../hooks/useSnapshot';
import { useViewRoute, type View } from '../hooks/useViewRoute';
import { markStateRendered } from '../perf';
import type { SnapshotSource } from '../snapshot-source';
import { Header } from './Header';
import { HomeView } from './HomeView';
import { WelcomeView } from './WelcomeView';

// Settings and Activity are opened by a press, never part of the glance: they load then, which
// keeps the script the popover needs to show the car smaller.
const SettingsView = lazy(() =>
  import('./SettingsView').then(({ SettingsView }) => ({ default: SettingsView })),
);
const ActivityView = lazy(() =>
  import('./ActivityView').then(({ ActivityView }) => ({ default: ActivityView })),
);

/** The popover: one Snapshot in, intents out. */
export function App({ bridge, snapshots }: { bridge: VolvoBridge; snapshots: SnapshotSource }) {
  const state = useSnapshot(snapshots);
  const [view, open] = useViewRoute();
  /** The sub-view just left, so focus can go back to the button that opens it. */
  const leftRef = useRef<View | null>(null);

  const back = useCallback(() => {
    leftRef.current = view;
    open('home');
  }, [view, open]);

  // Escape leaves a sub-view first, then hides the popover. Widgets that use Escape themselves
  // (the shortcut recorder) stop the event before it gets here.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      if (view !== 'home') back();
      else void bridge.closePopover();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [bridge, view, back]);

  // Back home: focus returns to the button that opens the view just left.
  useEffect(() => {
    if (view !== 'home' || leftRef.current === null) return;
    document.querySelector<HTMLElement>(`[data-opens="${leftRef.current}"]`)?.focus();
    leftRef.current = null;
  }, [view]);

  const snapshot = state.kind === 'ready' ? state.snapshot : null;
  // A layout effect runs before the browser paints what was committed, so the frame it asks for
  // is the one that shows the state; a passive effect may run after that paint, a frame late.
  useLayoutEffect(() => {
    if (snapshot) markStateRendered();
  }, [snapshot]);

  if (state.kind === 'waiting') return <Shell busy />;
  if (state.kind === 'failed') {
    return (
      <Shell>
        <main className="content message-page">
          <p role="alert">{state.error}</p>
        </main>
      </Shell>
    );
  }
  return (
    <Shell>
      <Body snapshot={state.snapshot} bridge={bridge} view={view} open={open} back={back} />
    </Shell>
  );
}

function Shell({ busy = false, children }: { busy?: boolean; children?: ReactNode }) {
  return (
    <div className="popover" aria-busy={busy}>
      {children}
    </div>
  );
}

interface BodyProps {
  snapshot: Snapshot;
  bridge: VolvoBridge;
  view: View;
  open: (view: View) => void;
  back: () => void;
}

function Body({ snapshot, bridge, view, open, back }: BodyProps) {
  const signedOut =
    snapshot.signIn.state === 'signed-out' || snapshot.signIn.state === 'signing-in';
  const vehicle =
    snapshot.vehicles.find((v) => v.vin === snapshot.selectedVin) ?? snapshot.vehicles[0] ?? null;
  return (
    <ClockStyleContext.Provider value={snapshot.clock}>
      <Header
        snapshot={snapshot}
        vehicle={vehicle}
        bridge={bridge}
        view={view}
        open={open}
        back={back}
        signedOut={signedOut}
      />
      {view === 'settings' ? (
        <Suspense fallback={<Loading />}>
          <SettingsView snapshot={snapshot} bridge={bridge} />
        </Suspense>
      ) : view === 'activity' && vehicle ? (
        <Suspense fallback={<Loading />}>
          <ActivityView vehicle={vehicle} revision={snapshot.revision} bridge={bridge} />
        </Suspense>
      ) : signedOut ? (
        <WelcomeView snapshot={snapshot} bridge={bridge} connect={() => open('settings')} />
      ) : (
        <HomeView snapshot={snapshot} vehicle={vehicle} bridge={bridge} />
      )}
    </ClockStyleContext.Provider>
  );
}

/** A sub-view whose script is still loading (a moment, from the app's own files). */
function Loading() {
  return (
    <main className="content" aria-busy="true">
      <p className="hint">Loading…</p>
    </main>
  );
}
