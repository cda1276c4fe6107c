import { type FormEvent, useEffect, useState } from 'react';
import type { Snapshot } from '../../main/core/app/snapshot';
import type { Settings } from '../../main/core/settings';
import type { VolvoBridge } from '../bridge';
import {
  type PreferenceErrors,
  type PreferenceValues,
  preferencePatch,
  preferenceValues,
} from '../format/settings-form';
import { formatClockTime } from '../format/time';
import { useNow } from '../hooks/useNow';
import { useScrollableFocus } from '../hooks/useScrollableFocus';
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
  const now = useNow(60_000);
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
      <Notices snapshot={snapshot} now={now} />
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
  const [values, setValues] = useState<PreferenceValues>(() => preferenceValues(settings, vins));
  const [errors, setErrors] = useState<PreferenceErrors>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const now = useNow(60_000);

  const set =
    <K extends keyof PreferenceValues>(key: K) =>
    (value: PreferenceValues[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      setErrors((e) => ({ ...e, [key]: undefined }));
      setOutcome(null);
    };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = preferencePatch(values, settings, vins);
    if (!checked.ok) {
      setErrors(checked.errors);
      setOutcome({ ok: false, text: 'Nothing was saved: please correct the marked fields.' });
      const first = Object.keys(checked.errors)[0];
      const target = first === 'watched' ? `pref-watch-${vins[0] ?? ''}` : `pref-${first}`;
      document.getElementById(target)?.focus();
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

  const { quota } = snapshot;
  return (
    <form id="preferences" onSubmit={(event) => void submit(event)} noValidate>
      {vins.length > 1 ? (
        <fieldset className="settings-section">
          <legend className="section-title">Cars to watch</legend>
          {snapshot.vehicles.map((vehicle) => (
            <CheckField
              key={vehicle.vin}
              id={`pref-watch-${vehicle.vin}`}
              label={`${vehicle.name} · ${vehicle.vin}`}
              checked={values.watched.includes(vehicle.vin)}
              onChange={(checked) =>
                set('watched')(
                  checked
                    ? [...values.watched, vehicle.vin]
                    : values.watched.filter((vin) => vin !== vehicle.vin),
                )
              }
            />
          ))}
          {errors.watched ? (
            <p className="field-error" id="pref-watched">
              {errors.watched}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      <fieldset className="settings-section">
        <legend className="section-title">Notifications</legend>
        <CheckField
          id="pref-doorOpenEnabled"
          label="When a door, the hood or the tailgate stays open"
          checked={values.doorOpenEnabled}
          onChange={set('doorOpenEnabled')}
        />
        <TextField
          id="pref-doorOpenMinutes"
          label="after"
          type="number"
          unit="minutes"
          value={values.doorOpenMinutes}
          onChange={set('doorOpenMinutes')}
          error={errors.doorOpenMinutes}
        />
        <CheckField
          id="pref-unlockedEnabled"
          label="When the car stays unlocked"
          checked={values.unlockedEnabled}
          onChange={set('unlockedEnabled')}
        />
        <TextField
          id="pref-unlockedMinutes"
          label="after"
          type="number"
          unit="minutes"
          value={values.unlockedMinutes}
          onChange={set('unlockedMinutes')}
          error={errors.unlockedMinutes}
        />
        <CheckField
          id="pref-windowOpenWhileLocked"
          label="When the car is locked with a window open"
          checked={values.windowOpenWhileLocked}
          onChange={set('windowOpenWhileLocked')}
        />
        <CheckField
          id="pref-signInExpired"
          label="When I need to sign in again"
          checked={values.signInExpired}
          onChange={set('signInExpired')}
        />
        <CheckField
          id="pref-quotaOut"
          label="When Volvo’s daily quota runs out"
          checked={values.quotaOut}
          onChange={set('quotaOut')}
        />
        <TextField
          id="pref-remindAfterMinutes"
          label="Remind me again after"
          type="number"
          unit="minutes"
          value={values.remindAfterMinutes}
          onChange={set('remindAfterMinutes')}
          error={errors.remindAfterMinutes}
          hint="0 means never."
        />
        <CheckField
          id="pref-notifyCleared"
          label="Tell me when an alert clears"
          checked={values.notifyCleared}
          onChange={set('notifyCleared')}
        />
      </fieldset>

      <fieldset className="settings-section">
        <legend className="section-title">Checking the car</legend>
        <TextField
          id="pref-fastSeconds"
          label="While unlocked or open, every"
          type="number"
          unit="seconds"
          value={values.fastSeconds}
          onChange={set('fastSeconds')}
          error={errors.fastSeconds}
        />
        <TextField
          id="pref-slowSeconds"
          label="While locked and closed, every"
          type="number"
          unit="seconds"
          value={values.slowSeconds}
          onChange={set('slowSeconds')}
          error={errors.slowSeconds}
        />
        <TextField
          id="pref-dailyBudget"
          label="Requests allowed per day"
          type="number"
          unit="requests"
          value={values.dailyBudget}
          onChange={set('dailyBudget')}
          error={errors.dailyBudget}
        />
        <p className="hint" data-testid="quota-used">
          {quota.usedToday.toLocaleString('en-GB')} of {quota.budget.toLocaleString('en-GB')}{' '}
          requests used today (Volvo allows 10,000 per day); the count resets at{' '}
          {formatClockTime(quota.resetsAt, now)}.
        </p>
        {quota.message ? <p className="field-error">{quota.message}</p> : null}
      </fieldset>

      <fieldset className="settings-section">
        <legend className="section-title">Unlock and start-up</legend>
        <TextField
          id="pref-unlockDurationSeconds"
          label="Unlock window (API v1)"
          type="number"
          unit="seconds"
          value={values.unlockDurationSeconds}
          onChange={set('unlockDurationSeconds')}
          error={errors.unlockDurationSeconds}
          hint="How long after Unlock a door may be opened before the car locks again. v2 cars always use 120 s."
        />
        <CheckField
          id="pref-launchAtLogin"
          label="Start volvo-tray when I log in"
          checked={values.launchAtLogin}
          onChange={set('launchAtLogin')}
        />
      </fieldset>

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
