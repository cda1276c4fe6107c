import type { ReactNode } from 'react';
import type { OpenState } from '../../shared/vehicle';
import { isOpen } from '../../shared/vehicle';
import type { PartId, PartReading } from '../format/parts';

/** The side windows, inside the doors (diagram units). */
const SIDE_WINDOWS: ReadonlyArray<{ id: PartId; x: number; y: number; height: number }> = [
  { id: 'window.frontLeft', x: 32, y: 72, height: 44 },
  { id: 'window.rearLeft', x: 32, y: 126, height: 38 },
  { id: 'window.frontRight', x: 101, y: 72, height: 44 },
  { id: 'window.rearRight', x: 101, y: 126, height: 38 },
];

/** The doors, hinged at their front edge; `side` 1 swings left, -1 right. */
const DOORS: ReadonlyArray<{ id: PartId; x: number; y: number; height: number; side: 1 | -1 }> = [
  { id: 'door.frontLeft', x: 22, y: 68, height: 52, side: 1 },
  { id: 'door.rearLeft', x: 22, y: 122, height: 46, side: 1 },
  { id: 'door.frontRight', x: 110, y: 68, height: 52, side: -1 },
  { id: 'door.rearRight', x: 110, y: 122, height: 46, side: -1 },
];

const WHEELS: ReadonlyArray<{ x: number; y: number }> = [
  { x: 19, y: 40 },
  { x: 107, y: 40 },
  { x: 19, y: 160 },
  { x: 107, y: 160 },
];

/**
 * A top view of the car, front up: doors swing out when open, hood and tailgate lift, windows
 * and the sunroof light up. Open parts use the alert colour, ajar the warning colour, unknown
 * readings are drawn dashed. The same facts are in the parts list next to it.
 */
export function CarDiagram({
  parts,
  notClosed,
}: {
  parts: readonly PartReading[];
  /** What is open or unknown, in words (`notClosedInWords`); null when everything is closed. */
  notClosed: string | null;
}) {
  const states = new Map<PartId, OpenState>(parts.map((p) => [p.id, p.state]));
  const label = `Car seen from above: ${notClosed ?? 'everything closed'}`;
  const state = (id: PartId) => states.get(id) ?? 'UNKNOWN';
  const has = (id: PartId) => states.has(id);
  return (
    <svg className="car" viewBox="0 0 160 236" role="img" aria-label={label}>
      <text className="car-front" x="80" y="9" textAnchor="middle">
        FRONT
      </text>
      <g transform="translate(10 6)">
        {WHEELS.map(({ x, y }) => (
          <rect key={`${x},${y}`} className="car-wheel" x={x} y={y} width="14" height="32" rx="5" />
        ))}
        <path
          className="car-body"
          d="M40 10 Q70 2 100 10 Q114 14 114 40 L114 196 Q114 218 100 221 Q70 228 40 221 Q26 218 26 196 L26 40 Q26 14 40 10 Z"
        />
        {/* mirrors */}
        <path className="car-body" d="M26 70 L15 74 L16 80 L26 80 Z" />
        <path className="car-body" d="M114 70 L125 74 L124 80 L114 80 Z" />
        <Part id="door.hood" state={state('door.hood')} lift={-7}>
          <path d="M36 20 Q70 10 104 20 L102 60 L38 60 Z" />
        </Part>
        <path className="car-glass" d="M38 64 L102 64 L96 86 L44 86 Z" />
        <rect className="car-roof" x="44" y="90" width="52" height="72" rx="6" />
        {has('window.sunroof') ? (
          <Part id="window.sunroof" state={state('window.sunroof')}>
            <rect x="52" y="100" width="36" height="38" rx="4" />
          </Part>
        ) : null}
        <path className="car-glass" d="M44 166 L96 166 L101 182 L39 182 Z" />
        <Part id="door.tailgate" state={state('door.tailgate')} lift={7}>
          <path d="M36 186 L104 186 L104 208 Q70 218 36 208 Z" />
        </Part>
        {SIDE_WINDOWS.map(({ id, x, y, height }) => (
          <Part key={id} id={id} state={state(id)}>
            <rect x={x} y={y} width="7" height={height} rx="2" />
          </Part>
        ))}
        {DOORS.map(({ id, x, y, height, side }) => {
          const angle = doorAngle(state(id));
          // The hinge: the door's front edge, on the body's side line.
          const swing = angle ? `rotate(${angle * side} ${x + 4} ${y})` : undefined;
          return (
            <Part key={id} id={id} state={state(id)} transform={swing}>
              <rect x={x} y={y} width="8" height={height} rx="3" />
            </Part>
          );
        })}
        {has('door.tankLid') ? (
          <Part id="door.tankLid" state={state('door.tankLid')}>
            <circle cx="112" cy="178" r="4" />
          </Part>
        ) : null}
      </g>
    </svg>
  );
}

function doorAngle(state: OpenState): number {
  return state === 'OPEN' ? 35 : state === 'AJAR' ? 12 : 0;
}

/** One openable part; the hood and tailgate `lift` along the car's length when open. */
function Part({
  id,
  state,
  lift = 0,
  transform,
  children,
}: {
  id: PartId;
  state: OpenState;
  lift?: number;
  transform?: string | undefined;
  children: ReactNode;
}) {
  const lifted = isOpen(state) && lift !== 0 ? `translate(0 ${lift})` : undefined;
  return (
    <g className="car-part" data-part={id} data-state={state} transform={transform ?? lifted}>
      {children}
    </g>
  );
}
