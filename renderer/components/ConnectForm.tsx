import { type FormEvent, useState } from 'react';
import type { Settings } from '../../main/core/settings';
import type { VolvoBridge } from '../bridge';
import {
  type ConnectErrors,
  type ConnectValues,
  connectRequest,
  connectValues,
} from '../format/settings-form';
import { TextField } from './Field';

/**
 * Connects the person's own car: a Volvo ID app (client id, optional secret, API key, redirect
 * port) or a test access token from the developer portal. Secrets go to the core once and are
 * never read back.
 */
export function ConnectForm({ settings, bridge }: { settings: Settings; bridge: VolvoBridge }) {
  const [values, setValues] = useState<ConnectValues>(() => connectValues(settings));
  const [errors, setErrors] = useState<ConnectErrors>({});
  const [outcome, setOutcome] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const set =
    <K extends keyof ConnectValues>(key: K) =>
    (value: ConnectValues[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      setErrors((e) => ({ ...e, [key]: undefined }));
    };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    setOutcome(null);
    const checked = connectRequest(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = Object.keys(checked.errors)[0];
      if (first) document.getElementById(`connect-${first}`)?.focus();
      return;
    }
    setErrors({});
    setSending(true);
    const result = await bridge.signIn(checked.request);
    setSending(false);
    setOutcome(result.ok ? null : result.error);
    if (result.ok) setValues((v) => ({ ...v, clientSecret: '', apiKey: '', accessToken: '' }));
  };

  return (
    <form className="connect-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="choice">
        <legend>How to connect</legend>
        <label>
          <input
            type="radio"
            name="connect-mode"
            checked={values.mode === 'volvo-id'}
            onChange={() => set('mode')('volvo-id')}
          />
          My Volvo developer app
        </label>
        <label>
          <input
            type="radio"
            name="connect-mode"
            checked={values.mode === 'test-token'}
            onChange={() => set('mode')('test-token')}
          />
          A test access token
        </label>
      </fieldset>
      {values.mode === 'volvo-id' ? (
        <>
          <TextField
            id="connect-clientId"
            label="Client id"
            value={values.clientId}
            onChange={set('clientId')}
            error={errors.clientId}
          />
          <TextField
            id="connect-clientSecret"
            label="Client secret (if your app has one)"
            type="password"
            value={values.clientSecret}
            onChange={set('clientSecret')}
            error={errors.clientSecret}
          />
        </>
      ) : (
        <TextField
          id="connect-accessToken"
          label="Test access token"
          type="password"
          value={values.accessToken}
          onChange={set('accessToken')}
          error={errors.accessToken}
          hint="From the developer portal; it works for about an hour."
        />
      )}
      <TextField
        id="connect-apiKey"
        label="VCC API key"
        type="password"
        value={values.apiKey}
        onChange={set('apiKey')}
        error={errors.apiKey}
      />
      {values.mode === 'volvo-id' ? (
        <TextField
          id="connect-redirectPort"
          label="Redirect port"
          type="number"
          value={values.redirectPort}
          onChange={set('redirectPort')}
          error={errors.redirectPort}
          hint={`Register http://127.0.0.1:${values.redirectPort || 'PORT'}/callback as your app’s redirect URI.`}
        />
      ) : null}
      <div className="field">
        <label htmlFor="connect-apiVersion">API version</label>
        <select
          id="connect-apiVersion"
          value={values.apiVersion}
          onChange={(event) => set('apiVersion')(event.target.value === 'v1' ? 'v1' : 'v2')}
        >
          <option value="v2">v2 (current)</option>
          <option value="v1">v1 (removed by Volvo in 2024)</option>
        </select>
      </div>
      <div className="row">
        <button type="submit" className="button button-primary" aria-disabled={sending}>
          {sending ? 'Connecting…' : 'Connect'}
        </button>
      </div>
      <p className="field-error" role="status" data-testid="connect-outcome">
        {outcome ?? ''}
      </p>
    </form>
  );
}
