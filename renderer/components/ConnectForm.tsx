import { type FormEvent, useState } from 'react';
import type { Settings } from '../../shared/settings';
import type { VolvoBridge } from '../bridge';
import { checkWholeNumber, LIMITS } from '../format/fields';
import { type ConnectValues, connectRequest, connectValues } from '../format/settings-form';
import { focusFirstError, useFieldValues } from '../hooks/useFieldValues';
import { ApiVersionField, TextField } from './Field';

/** The fields typed in as text (the others are chosen). */
type TypedField = Exclude<keyof ConnectValues, 'mode' | 'apiVersion' | 'statusOnly' | 'findMyCar'>;

const MODES: ReadonlyArray<{ mode: ConnectValues['mode']; label: string }> = [
  { mode: 'volvo-id', label: 'My Volvo developer app' },
  { mode: 'test-token', label: 'A test access token' },
];

/**
 * Connects the person's own car: a Volvo ID app (client id, optional secret, API key, redirect
 * port) or a test access token from the developer portal. Secrets go to the core once and are
 * never read back.
 */
export function ConnectForm({
  settings,
  bridge,
  onOutcome,
}: {
  settings: Settings;
  bridge: VolvoBridge;
  /** How the sign-in went, once the core has answered. */
  onOutcome: (outcome: { ok: true } | { ok: false; error: string }) => void;
}) {
  const { values, setValues, errors, setErrors, set } = useFieldValues<ConnectValues>(() =>
    connectValues(settings),
  );
  const [outcome, setOutcome] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    setOutcome(null);
    const checked = connectRequest(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(checked.errors, (key) => `connect-${key}`);
      return;
    }
    setErrors({});
    setSending(true);
    const result = await bridge.signIn(checked.request);
    setSending(false);
    setOutcome(result.ok ? null : result.error);
    if (result.ok) setValues((v) => ({ ...v, clientSecret: '', apiKey: '', accessToken: '' }));
    onOutcome(result.ok ? { ok: true } : { ok: false, error: result.error });
  };

  /** A choice about which scopes the sign-in asks for. */
  const check = (name: 'statusOnly' | 'findMyCar', label: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={values[name]}
        onChange={(event) => set(name)(event.currentTarget.checked)}
      />
      {label}
    </label>
  );

  const field = (
    key: TypedField,
    label: string,
    extra: { type?: 'password' | 'number'; hint?: string } = {},
  ) => (
    <TextField
      id={`connect-${key}`}
      label={label}
      value={values[key]}
      onChange={set(key)}
      error={errors[key]}
      {...extra}
    />
  );

  const volvoId = values.mode === 'volvo-id';
  // The redirect URI to register, only with a port that can be used.
  const port = checkWholeNumber(values.redirectPort, LIMITS.redirectPort);
  return (
    <form className="connect-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="choice">
        <legend>How to connect</legend>
        {MODES.map(({ mode, label }) => (
          <label key={mode}>
            <input
              type="radio"
              name="connect-mode"
              checked={values.mode === mode}
              onChange={() => set('mode')(mode)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {volvoId ? (
        <>
          {field('clientId', 'Client id')}
          {field('clientSecret', 'Client secret (if your app has one)', { type: 'password' })}
        </>
      ) : (
        field('accessToken', 'Test access token', {
          type: 'password',
          hint: 'From the Volvo developer portal; it works for about an hour.',
        })
      )}
      {field('apiKey', 'VCC API key', { type: 'password' })}
      {volvoId
        ? field('redirectPort', 'Redirect port', {
            type: 'number',
            hint: `Register http://127.0.0.1:${port.ok ? port.value : 'PORT'}/callback as your app’s redirect URI.`,
          })
        : null}
      {volvoId
        ? check('statusOnly', 'Status only: Volvo has not yet approved my app for lock and unlock')
        : null}
      {volvoId
        ? check(
            'findMyCar',
            'Find my car: Volvo has approved my app for honk and flash (conve:honk_flash)',
          )
        : null}
      <ApiVersionField
        id="connect-apiVersion"
        label="API version"
        value={values.apiVersion}
        onChange={set('apiVersion')}
      />
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
