import type { ReactNode } from 'react';
import type { OpenState } from '../../main/core/volvo/model';
import { joinLabels, type PartId, type PartReading } from '../format/parts';

/**
 * A top view of the car, front up: doors swing out when open, hood and tailgate lift, windows
 * and the sunroof light up. Open parts use the alert colour, ajar the warning colour, unknown
 * readings are drawn dashed. The same facts are in the parts list next to it.
 */
export function CarDiagram({ parts }: { parts: readonly PartReading[] }) {
  const states = new Map<PartId, OpenState>(parts.map((p) => [p.id, p.state]));
  const open = parts.filter((p) => p.state === 'OPEN' || p.state === 'AJAR').map((p) => p.label);
  const label = open.length
    ? `Car seen from above: ${joinLabels(open).toLowerCase()} open`
    : 'Car seen from above: everything closed';
  const state = (id: PartId) => states.get(id) ?? 'UNKNOWN';
  const has = (id: PartId) => states.has(id);
  return (
    <svg className="car" viewBox="0 0 160 236" role="img" aria-label={label}>
      <text className="car-front" x="80" y="9" textAnchor="middle">
        FRONT
      </text>
      <g transform="translate(10 6)">
        {/* wheels */}
        <rect className="car-wheel" x="19" y="40" width="14" height="32" rx="5" />
        <rect className="car-wheel" x="107" y="40" width="14" height="32" rx="5" />
        <rect className="car-wheel" x="19" y="160" width="14" height="32" rx="5" />
        <rect className="car-wheel" x="107" y="160" width="14" height="32" rx="5" />
        {/* body */}
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
        {/* side windows, inside the doors */}
        <Part id="window.frontLeft" state={state('window.frontLeft')}>
          <rect x="32" y="72" width="7" height="44" rx="2" />
        </Part>
        <Part id="window.rearLeft" state={state('window.rearLeft')}>
          <rect x="32" y="126" width="7" height="38" rx="2" />
        </Part>
        <Part id="window.frontRight" state={state('window.frontRight')}>
          <rect x="101" y="72" width="7" height="44" rx="2" />
        </Part>
        <Part id="window.rearRight" state={state('window.rearRight')}>
          <rect x="101" y="126" width="7" height="38" rx="2" />
        </Part>
        {/* doors: hinged at their front edge, they swing outwards when open */}
        <Door id="door.frontLeft" state={state('door.frontLeft')} x={22} y={68} h={52} side={1} />
        <Door id="door.rearLeft" state={state('door.rearLeft')} x={22} y={122} h={46} side={1} />
        <Door
          id="door.frontRight"
          state={state('door.frontRight')}
          x={110}
          y={68}
          h={52}
          side={-1}
        />
        <Door
          id="door.rearRight"
          state={state('door.rearRight')}
          x={110}
          y={122}
          h={46}
          side={-1}
        />
        {has('door.tankLid') ? (
          <Part id="door.tankLid" state={state('door.tankLid')}>
            <circle cx="112" cy="178" r="4" />
          </Part>
        ) : null}
      </g>
    </svg>
  );
}

function isOpenState(state: OpenState): boolean {
  return state === 'OPEN' || state === 'AJAR';
}

function Part({
  id,
  state,
  lift = 0,
  children,
}: {
  id: PartId;
  state: OpenState;
  lift?: number;
  children: ReactNode;
}) {
  const moved = isOpenState(state) && lift !== 0;
  return (
    <g
      className="car-part"
      data-part={id}
      data-state={state}
      transform={moved ? `translate(0 ${lift})` : undefined}
    >
      {children}
    </g>
  );
}

function Door({
  id,
  state,
  x,
  y,
  h,
  side,
}: {
  id: PartId;
  state: OpenState;
  x: number;
  y: number;
  h: number;
  /** 1 for the left side (swings left), -1 for the right. */
  side: 1 | -1;
}) {
  const angle = state === 'OPEN' ? 35 : state === 'AJAR' ? 12 : 0;
  // The hinge: the door's front edge, on the body's side line.
  const hingeX = x + 4;
  return (
    <g
      className="car-part car-door"
      data-part={id}
      data-state={state}
      transform={angle ? `rotate(${angle * side} ${hingeX} ${y})` : undefined}
    >
      <rect x={x} y={y} width="8" height={h} rx="3" />
    </g>
  );
}
