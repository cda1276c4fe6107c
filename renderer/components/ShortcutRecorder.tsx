import { type KeyboardEvent, useState } from 'react';
import type { ShortcutView } from '../../shared/snapshot';
import type { VolvoBridge } from '../bridge';
import {
  describeAccelerator,
  describeAcceleratorsIn,
  isMac,
  recordKey,
} from '../format/accelerator';

type Message = { tone: 'ok' | 'fail' | 'neutral'; text: string } | null;

const RECORDING_HINT: Message = {
  tone: 'neutral',
  text: `Hold ${isMac ? 'Cmd, Ctrl or Option' : 'Ctrl or Alt'} and press a key. Esc cancels.`,
};

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
      // The core's reason names accelerators as Electron spells them; say them as the keys read.
      const reason = view.message ?? `${accelerator} could not be registered.`;
      setMessage({
        tone: 'fail',
        text: describeAcceleratorsIn(reason, [accelerator, view.accelerator], isMac),
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
              : describeAcceleratorsIn(
                  shortcut.message ?? 'Not active.',
                  [shortcut.accelerator],
                  isMac,
                )}
        </span>
      </p>
      <div className="row">
        <button
          type="button"
          className={`button button-secondary${recording ? ' recording' : ''}`}
          aria-pressed={recording}
          onClick={() => {
            setMessage(recording ? null : RECORDING_HINT);
            setRecording(!recording);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            if (!recording) return;
            setRecording(false);
            setMessage(null);
          }}
        >
          {recording ? 'Press the new keys…' : 'Record new shortcut'}
        </button>
        {shortcut.accelerator !== '' ? (
          <button type="button" className="button button-quiet" onClick={() => void apply('')}>
            Turn off
          </button>
        ) : null}
      </div>
      <p
        className={
          message?.tone === 'fail' ? 'field-error' : message?.tone === 'ok' ? 'field-ok' : 'hint'
        }
        role="status"
        data-testid="shortcut-message"
      >
        {message?.text ?? ''}
      </p>
    </section>
  );
}
