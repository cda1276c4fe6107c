import { type FormEvent, useEffect, useState } from 'react';
import { MAX_VEHICLE_NAME, type Settings } from '../../shared/settings';
import type { Snapshot } from '../../shared/snapshot';
import { formatClockTime } from '../../shared/words/time';
import type { VolvoBridge } from '../bridge';
import {
  type CheckboxField,
  NUMBER_LIMITS,
  type NumberField,
  type PreferenceValues,
  preferencePatch,
  preferenceValues,
} from '../format/settings-form';
import { focusFirstError, useFieldValues } from '../hooks/useFieldValues';
import { useScrollableFocus } from '../hooks/useScrollableFocus';
import { useTimeWords } from '../hooks/useTimeWords';
import { ConnectionSection } from './ConnectionSection';
import { CheckField, TextField } from './Field';
import { Notices } from './Notices';
import { ShortcutRecorder } from './ShortcutRecorder';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; settings: Settings }
  | { kind: 'failed'; error: string };

/** Settings: connection, shortcut, then one form for everything else with one Save. */
export function SettingsView({ snapshot, bridge }: { snapshot: Snapshot; bridge: VolvoBridge }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const scrollRef = useScrollableFocus<HTMLElement>();

  useEffect(() => {
    let current = true;
    void bridge.getSettings().then((result) => {
      if (!current) return;
      setLoaded(
        result.ok
          ? { kind: 'ready', settings: result.value }
          : { kind: 'failed', error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [bridge]);

  return (
    <main className="content settings" ref={scrollRef} aria-label="Settings">
      {/* The connection section says how the sign-in stands. */}
      <Notices
        snapshot={snapshot}
        shownElsewhere={[snapshot.signIn.message, snapshot.quota.message, snapshot.quota.slowdown]}
      />
      {loaded.kind === 'loading' ? <p className="hint">Loading…</p> : null}
      {loaded.kind === 'failed' ? <p role="alert">{loaded.error}</p> : null}
      {loaded.kind === 'ready' ? (
        <>
          <ConnectionSection
            snapshot={snapshot}
            settings={loaded.settings}
            bridge={bridge}
            saved={(settings) => setLoaded({ kind: 'ready', settings })}
          />
          <ShortcutRecorder shortcut={snapshot.shortcut} bridge={bridge} />
          <PreferencesForm
            snapshot={snapshot}
            settings={loaded.settings}
            bridge={bridge}
            saved={(settings) => setLoaded({ kind: 'ready', settings })}
          />
        </>
      ) : null}
    </main>
  );
}

interface PreferencesFormProps {
  snapshot: Snapshot;
  settings: Settings;
  bridge: VolvoBridge;
  saved: (settings: Settings) => void;
}

function PreferencesForm({ snapshot, settings, bridge, saved }: PreferencesFormProps) {
  const vins = snapshot.vehicles.map((v) => v.vin);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const { values, setValues, errors, setErrors, set } = useFieldValues<PreferenceValues>(
    () => preferenceValues(settings, vins),
    () => setOutcome(null),
  );
  const resetsAt = useTimeWords((now) =>
    formatClockTime(snapshot.quota.resetsAt, now, snapshot.clock),
  );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = preferencePatch(values, settings, vins);
    if (!checked.ok) {
      setErrors(checked.errors);
      setOutcome({ ok: false, text: 'Nothing was saved: please correct the marked fields.' });
      focusFirstError(checked.errors, (key) => {
        if (key === 'watched') return `pref-watch-${vins[0] ?? ''}`;
        if (key === 'names') {
          const long = vins.find(
            (vin) => (values.names[vin] ?? '').trim().length > MAX_VEHICLE_NAME,
          );
          return `pref-name-${long ?? ''}`;
        }
        return `pref-${key}`;
      });
      return;
    }
    if (Object.keys(checked.patch).length === 0) {
      setOutcome({ ok: true, text: 'Nothing to save: no changes.' });
      return;
    }
    const result = await bridge.updateSettings(checked.patch);
    if (!result.ok) {
      setOutcome({ ok: false, text: `Nothing was saved: ${result.error}` });
      return;
    }
    saved(result.value);
    setValues(preferenceValues(result.value, vins));
    setOutcome({ ok: true, text: 'Saved.' });
  };

  const checkbox = (key: CheckboxField, label: string) => (
    <CheckField id={`pref-${key}`} label={label} checked={values[key]} onChange={set(key)} />
  );
  const number = (
    key: NumberField,
    label: string,
    extra: { hint?: string; nested?: boolean } = {},
  ) => (
    <TextField
      id={`pref-${key}`}
      label={label}
      type="number"
      unit={NUMBER_LIMITS[key].unit}
      value={values[key]}
      onChange={set(key)}
      error={errors[key]}
      {...extra}
    />
  );

  const { quota } = snapshot;
  return (
    <form id="preferences" onSubmit={(event) => void submit(event)} noValidate>
      {vins.length > 0 ? (
        <fieldset className="settings-section">
          <legend className="section-title">{vins.length > 1 ? 'Your cars' : 'Your car'}</legend>
          {snapshot.vehicles.map((vehicle) => (
            <div key={vehicle.vin} className="car-settings">
              <TextField
                id={`pref-name-${vehicle.vin}`}
                label={`Name for ${vehicle.description ?? vehicle.vin}`}
                value={values.names[vehicle.vin] ?? ''}
                onChange={(name) => set('names')({ ...values.names, [vehicle.vin]: name })}
                placeholder="Named after its model"
                maxLength={MAX_VEHICLE_NAME}
                hint={vehicle.description ? `VIN ${vehicle.vin}` : undefined}
              />
              {vins.length > 1 ? (
                <CheckField
                  id={`pref-watch-${vehicle.vin}`}
                  label="Watch this car"
                  checked={values.watched.includes(vehicle.vin)}
                  onChange={(checked) =>
                    set('watched')(
                      checked
                        ? [...values.watched, vehicle.vin]
                        : values.watched.filter((vin) => vin !== vehicle.vin),
                    )
                  }
                />
              ) : null}
            </div>
          ))}
          {errors.names ? (
            <p className="field-error" id="pref-names">
              {errors.names}
            </p>
          ) : null}
          {errors.watched ? (
            <p className="field-error" id="pref-watched">
              {errors.watched}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      <fieldset className="settings-section">
        <legend className="section-title">Notifications</legend>
        {checkbox('doorOpenEnabled', 'When a door, the hood or the tailgate stays open')}
        {number('doorOpenMinutes', 'after', { nested: true })}
        {checkbox('unlockedEnabled', 'When the car stays unlocked')}
        {number('unlockedMinutes', 'after', { nested: true })}
        {checkbox('windowOpenWhileLocked', 'When the car is locked with a window open')}
        {checkbox('engineRunningEnabled', 'When the engine runs while the car is parked')}
        {number('engineRunningMinutes', 'or unlocked with no door opened for', { nested: true })}
        {checkbox('tankLidOpenEnabled', 'When the tank or charging lid stays open')}
        {number('tankLidOpenMinutes', 'after', { nested: true })}
        {checkbox('signInExpired', 'When I need to sign in again')}
        {checkbox('quotaOut', 'When Volvo’s daily request quota runs out')}
        {number('remindAfterMinutes', 'Remind me again after', { hint: '0 means never.' })}
        {checkbox('notifyCleared', 'Tell me when an alert clears')}
      </fieldset>

      <fieldset className="settings-section">
        <legend className="section-title">Checking the car</legend>
        {number('fastSeconds', 'While unlocked or open, every')}
        {number('slowSeconds', 'While locked and closed, every')}
        {number('dailyBudget', 'Requests allowed per day')}
        {checkbox(
          'engineWhileParked',
          'Also check a parked car’s engine at each check (about 290 more requests a day per car)',
        )}
        <p className="hint" data-testid="quota-used">
          {quota.usedToday.toLocaleString(snapshot.clock.locale)} of{' '}
          {quota.budget.toLocaleString(snapshot.clock.locale)} requests used today (Volvo allows
          10,000 per day); the count resets at {resetsAt}.
        </p>
        {quota.message ? (
          <p className="field-error" data-testid="quota-state">
            {quota.message}
          </p>
        ) : quota.slowdown ? (
          <p className="hint" data-testid="quota-state">
            {quota.slowdown}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="settings-section">
        <legend className="section-title">Unlock and start-up</legend>
        {number('unlockDurationSeconds', 'Unlock window (API v1)', {
          hint: 'How long after Unlock a door may be opened before the car locks again. API v2 always allows 120 s.',
        })}
        {checkbox('launchAtLogin', 'Start volvo-tray when I log in')}
      </fieldset>

      {snapshot.vaultWarning !== null || settings.allowPlaintextSecrets ? (
        <fieldset className="settings-section">
          <legend className="section-title">Sign-in storage</legend>
          {checkbox('allowPlaintextSecrets', 'Allow storing my sign-in without encryption')}
          <p className="hint">
            Only used where this computer has no keyring. Without it, you sign in again each time
            volvo-tray starts.
          </p>
        </fieldset>
      ) : null}

      <div className="form-footer">
        <button type="submit" className="button button-primary">
          Save
        </button>
        <p
          className={outcome?.ok === false ? 'field-error' : 'field-ok'}
          role="status"
          data-testid="settings-outcome"
        >
          {outcome?.text ?? ''}
        </p>
      </div>
    </form>
  );
}
