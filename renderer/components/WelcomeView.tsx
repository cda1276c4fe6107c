import { useState } from 'react';
import type { Snapshot } from '../../shared/snapshot';
import type { VolvoBridge } from '../bridge';
import { useScrollableFocus } from '../hooks/useScrollableFocus';
import { Notices } from './Notices';

interface WelcomeViewProps {
  snapshot: Snapshot;
  bridge: VolvoBridge;
  /** Opens the connection settings. */
  connect: () => void;
}

/** Signed out or first run: what the app does, how to connect a car, and demo mode. */
export function WelcomeView({ snapshot, bridge, connect }: WelcomeViewProps) {
  const [error, setError] = useState<string | null>(null);
  const scrollRef = useScrollableFocus<HTMLElement>();
  const signingIn = snapshot.signIn.state === 'signing-in';

  const startDemo = async () => {
    if (signingIn) return;
    setError(null);
    const result = await bridge.signIn({ mode: 'demo' });
    if (!result.ok) setError(result.error);
  };

  const status = signingIn
    ? (snapshot.signIn.message ?? 'Connecting…')
    : (error ?? snapshot.signIn.message ?? '');
  return (
    <main className="content welcome" ref={scrollRef} aria-label="Welcome">
      {/* A sign-in that failed is said once, next to the buttons that try again. */}
      <Notices snapshot={snapshot} shownElsewhere={[status]} />
      <h2 className="welcome-title">See at a glance whether your car is locked</h2>
      <p>
        volvo-tray shows the lock state and every open door and window of your Volvo, warns you when
        something is left open, and locks the car from a keyboard shortcut.
      </p>
      <h3 className="section-title">Connect your car</h3>
      <ol className="steps">
        <li>
          Create an app at the Volvo developer portal, <strong>developer.volvocars.com</strong>,
          with the Connected Vehicle API.
        </li>
        <li>Copy its client id and VCC API key (or a test access token).</li>
        <li>Enter them under Connect my car.</li>
      </ol>
      <div className="welcome-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void startDemo()}
          aria-disabled={signingIn}
        >
          Try demo mode
        </button>
        <button type="button" className="button button-secondary" onClick={connect}>
          Connect my car
        </button>
      </div>
      <p className="hint">
        Demo mode runs a simulated car on this computer; nothing is sent anywhere.
      </p>
      <p className="welcome-status" role="status">
        {status}
      </p>
    </main>
  );
}
