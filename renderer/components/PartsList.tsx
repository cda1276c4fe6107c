import { useState } from 'react';
import { isOpen } from '../../shared/vehicle';
import { type PartReading, reportedNote, stateWord } from '../format/parts';

/**
 * Every door and window with its state: what the diagram shows, for everyone and for screen
 * readers. While something is not closed, the closed parts fold into one row ("Everything else
 * closed"), so what matters stays in view on a small popover; the row unfolds them.
 */
export function PartsList({ parts }: { parts: readonly PartReading[] }) {
  const [unfolded, setUnfolded] = useState(false);
  if (parts.length === 0) {
    return <p className="parts-empty">No readings from the car yet.</p>;
  }
  const notClosed = parts.filter((part) => part.state !== 'CLOSED');
  const folded = !unfolded && notClosed.length > 0 && notClosed.length < parts.length;
  const shown = folded ? notClosed : parts;
  return (
    <div className="parts-box">
      <ul className="parts" aria-label="Doors and windows">
        {shown.map((part) => {
          const note = reportedNote(part.reported);
          return (
            <li
              key={part.id}
              className="part"
              data-state={part.state}
              data-open={isOpen(part.state) || undefined}
            >
              <span className="part-name">{part.label}</span>
              <span className="part-state">{stateWord(part.state)}</span>
              {/* A value we do not know goes on a line of its own: it may be any length. */}
              {note ? <span className="part-note">({note})</span> : null}
            </li>
          );
        })}
      </ul>
      {notClosed.length > 0 && notClosed.length < parts.length ? (
        <button
          type="button"
          className="parts-fold"
          aria-expanded={!folded}
          onClick={() => setUnfolded((value) => !value)}
        >
          {folded
            ? `Everything else closed (${parts.length - notClosed.length})`
            : 'Show only what is not closed'}
        </button>
      ) : null}
    </div>
  );
}
