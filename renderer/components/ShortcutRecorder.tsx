import { type KeyboardEvent, useState } from 'react';
import type { ShortcutView } from '../../main/core/app/snapshot';
import type { VolvoBridge } from '../bridge';
import { describeAccelerator, isMac, recordKey } from '../format/accelerator';

type Message = { tone: 'ok' | 'fail'; text: string } | null;

/**
 * Records the global lock shortcut: focus the button, press the keys. The core registers it; when
 * another app has it, the core's reason is shown and the old shortcut stays.
 */
export function ShortcutRecorder({
  shortcut,
  bridge,
}: {
  shortcut: ShortcutView;
  bridge: VolvoBridge;
}) {
  const [recording, setRecording] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  const apply = async (accelerator: string) => {
    setRecording(false);
    const result = await bridge.setShortcut(accelerator);
    if (!result.ok) {
      setMessage({ tone: 'fail', text: result.error });
      return;
    }
    const view = result.value;
    const took = view.accelerator === accelerator && (view.registered || accelerator === '');
    if (took) {
      setMessage({
        tone: 'ok',
        text: accelerator
          ? `Saved. ${describeAccelerator(accelerator, isMac)} now locks the car.`
          : 'The shortcut is off.',
      });
    } else {
      setMessage({
        tone: 'fail',
        text: view.message ?? `${describeAccelerator(accelerator, isMac)} could not be registered.`,
      });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!recording) return;
    if (event.key === 'Escape') {
      // Cancel recording without closing the popover.
      event.preventDefault();
      event.stopPropagation();
      setRecording(false);
      setMessage(null);
      return;
    }
    const plainTab = event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey;
    if (plainTab) return;
    event.preventDefault();
    const recorded = recordKey(event.nativeEvent, isMac);
    if (recorded.kind === 'invalid') setMessage({ tone: 'fail', text: recorded.reason });
    else if (recorded.kind === 'accelerator') void apply(recorded.accelerator);
  };

  const current = describeAccelerator(shortcut.accelerator, isMac);
  return (
    <section className="settings-section" aria-labelledby="shortcut-title">
      <h2 className="section-title" id="shortcut-title">
        Lock shortcut
      </h2>
      <p className="shortcut-current">
        <kbd>{current}</kbd>{' '}
        <span className="hint">
          {shortcut.accelerator === ''
            ? 'No shortcut.'
            : shortcut.registered
              ? 'Locks the selected car from anywhere.'
              : (shortcut.message ?? 'Not active.')}
        </span>
      </p>
      <div className="row">
        <button
          type="button"
          className={`button button-secondary${recording ? ' recording' : ''}`}
          aria-pressed={recording}
          onClick={() => {
            setMessage(null);
            setRecording(!recording);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setRecording(false)}
        >
          {recording ? 'Press the new keys… (Esc cancels)' : 'Record new shortcut'}
        </button>
        {shortcut.accelerator !== '' ? (
          <button type="button" className="button button-quiet" onClick={() => void apply('')}>
            Turn off
          </button>
        ) : null}
      </div>
      <p
        className={`field-${message?.tone === 'fail' ? 'error' : 'ok'}`}
        role="status"
        data-testid="shortcut-message"
      >
        {message?.text ?? ''}
      </p>
    </section>
  );
}
