import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../shared/settings';
import type { Snapshot } from '../../shared/snapshot';
import { MESSAGES } from '../../shared/words/sign-in';
import { formatClockTime } from '../../shared/words/time';
import type { VolvoBridge } from '../bridge';
import { ConnectForm } from './ConnectForm';
import { ApiVersionField } from './Field';

const MODE_WORDS = {
  demo: 'Demo mode: a simulated car on this computer.',
  'volvo-id': 'Signed in with your Volvo ID.',
  'test-token': 'Using a test access token.',
} as const;

/** Who is signed in, how, and the ways to sign in or out. */
export function ConnectionSection({
  snapshot,
  settings,
  bridge,
  saved,
}: {
  snapshot: Snapshot;
  settings: Settings;
  bridge: VolvoBridge;
  /** The core accepted a settings change (the API version). */
  saved: (settings: Settings) => void;
}) {
  const { signIn } = snapshot;
  const [changing, setChanging] = useState(false);
  const [confirmingSignOut, setConfirmingSignOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** What the connect form last said went wrong: it is said there, next to its button. */
  const [formError, setFormError] = useState<string | null>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  /** Focus goes back to "Connect my car" once it is on screen again (after the new Snapshot). */
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus || !changeButton.current) return;
    changeButton.current.focus();
    setRefocus(false);
  });
  const signedIn = signIn.state === 'signed-in' || signIn.state === 'expired';

  const run = async (action: () => Promise<{ ok: true } | { ok: false; error: string }>) => {
    setError(null);
    const result = await action();
    if (!result.ok) setError(result.error);
  };

  const changeVersion = async (apiVersion: 'v1' | 'v2') => {
    setError(null);
    const result = await bridge.updateSettings({ connection: { apiVersion } });
    if (result.ok) saved(result.value);
    else setError(result.error);
  };

  return (
    <section className="settings-section" aria-labelledby="connection-title">
      <h2 className="section-title" id="connection-title">
        Connection
      </h2>
      <p>
        {signedIn && signIn.mode ? MODE_WORDS[signIn.mode] : 'Not connected.'}
        {signIn.tokenExpiresAt
          ? ` The token works until ${formatClockTime(signIn.tokenExpiresAt, Date.now(), snapshot.clock)}.`
          : ''}
      </p>
      {signIn.message && signIn.message !== error && signIn.message !== formError ? (
        <p className="hint">{signIn.message}</p>
      ) : null}
      {signIn.state === 'signed-in' &&
      snapshot.vehicles.some((vehicle) => vehicle.capabilities.findMyCar === 'scope-withheld') ? (
        <p className="hint" data-testid="find-my-car-withheld">
          {MESSAGES.findMyCarWithheld}
        </p>
      ) : null}
      {signedIn ? (
        <ApiVersionField
          id="connection-apiVersion"
          label="API version"
          value={settings.connection.apiVersion}
          onChange={(version) => void changeVersion(version)}
        />
      ) : null}
      <div className="row">
        {signedIn ? (
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={confirmingSignOut}
            onClick={() => setConfirmingSignOut(true)}
          >
            Sign out
          </button>
        ) : null}
        {signIn.mode !== 'demo' || !signedIn ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void run(() => bridge.signIn({ mode: 'demo' }))}
          >
            Try demo mode
          </button>
        ) : null}
        {signedIn ? (
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={changing}
            ref={changeButton}
            onClick={() => setChanging(!changing)}
          >
            Connect my car
          </button>
        ) : null}
      </div>
      {signedIn && confirmingSignOut ? (
        <fieldset className="confirm">
          <legend className="visually-hidden">Sign out</legend>
          <p>{signIn.mode === 'demo' ? MESSAGES.signOutDemo : MESSAGES.signOutForgets}</p>
          <div className="row">
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                setConfirmingSignOut(false);
                void run(() => bridge.signOut());
              }}
            >
              {signIn.mode === 'demo' ? 'Leave the demo' : 'Sign out and forget'}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setConfirmingSignOut(false)}
            >
              Cancel
            </button>
          </div>
        </fieldset>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
      {!signedIn || changing ? (
        <ConnectForm
          settings={settings}
          bridge={bridge}
          onOutcome={(outcome) => {
            setFormError(outcome.ok ? null : outcome.error);
            // Connected: the form has done its job and folds away.
            if (outcome.ok && changing) {
              setChanging(false);
              setRefocus(true);
            }
          }}
        />
      ) : null}
    </section>
  );
}
