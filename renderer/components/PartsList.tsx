import { isOpen } from '../../shared/vehicle';
import { type PartReading, reportedNote, stateWord } from '../format/parts';

/** Every door and window with its state: what the diagram shows, for everyone and for screen readers. */
export function PartsList({ parts }: { parts: readonly PartReading[] }) {
  if (parts.length === 0) {
    return <p className="parts-empty">No readings from the car yet.</p>;
  }
  return (
    <ul className="parts" aria-label="Doors and windows">
      {parts.map((part) => {
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
  );
}
