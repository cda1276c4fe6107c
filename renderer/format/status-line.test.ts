import { describe, expect, it } from 'vitest';
import type { CommandResultView, VehicleView } from '../../shared/snapshot';
import { DEFAULT_CLOCK_STYLE } from '../../shared/words/time';
import { closedDoors, vehicleView } from '../../test-support/snapshots';
import { type StatusLineInput, statusLine, unlockWindowLeft } from './status-line';

// Local times, so the tests read the same in every time zone.
const now = new Date(2026, 10, 27, 8, 30, 0).getTime();
const at = (secondsFromNow: number) => new Date(now + secondsFromNow * 1000).toISOString();

const unlocked: CommandResultView = {
  command: 'unlock',
  status: 'COMPLETED',
  ok: true,
  message: 'The car is unlocked.',
  at: at(-10),
};
const refused: CommandResultView = {
  command: 'lock',
  status: 'REFUSED',
  ok: false,
  message: 'The car could not lock because the front left door is open. Close it and try again.',
  at: at(-2),
};

/** Unlocked ten seconds ago, with 110 s left to open a door. */
function afterUnlock(overrides: Partial<VehicleView> = {}): VehicleView {
  return vehicleView({
    summary: 'unlocked',
    command: { inProgress: null, last: unlocked, unlockWindowUntil: at(110) },
    ...overrides,
  });
}

function status(vehicle: VehicleView, extra: Partial<StatusLineInput> = {}) {
  return statusLine({
    vehicle,
    sending: null,
    armed: null,
    error: null,
    shortcut: { accelerator: 'CommandOrControl+Alt+L', registered: true, message: null },
    commandsRefused: null,
    stateChangedSinceOutcome: false,
    isMac: false,
    now,
    clock: DEFAULT_CLOCK_STYLE,
    ...extra,
  });
}

describe('statusLine', () => {
  it('says once, instead of the shortcut tip, why a status-only sign-in cannot lock or unlock', () => {
    const refused = "Lock and unlock need Volvo's approval of your developer app.";
    expect(status(vehicleView(), { commandsRefused: refused })).toEqual({
      tone: 'warn',
      text: refused,
    });
  });

  it('counts down the unlock window after an unlock', () => {
    expect(status(afterUnlock())).toEqual({
      tone: 'warn',
      text: 'Unlocked. Open a door before 08:31 or the car locks itself again.',
      ticking: '1:50',
    });
    expect(unlockWindowLeft(afterUnlock(), now)).toBe(110_000);
  });

  it('shows a lock refused inside the unlock window, instead of the window', () => {
    const vehicle = afterUnlock({
      summary: 'open',
      command: { inProgress: null, last: refused, unlockWindowUntil: at(110) },
    });
    expect(status(vehicle)).toEqual({ tone: 'fail', text: `${refused.message} (just now)` });
    expect(unlockWindowLeft(vehicle, now)).toBe(0);
  });

  it('drops the window once a door is open: the car will not lock itself again', () => {
    const doors = { ...closedDoors(), frontLeft: { value: 'OPEN' as const, timestamp: at(-1) } };
    const vehicle = afterUnlock({ summary: 'open', doors });
    expect(status(vehicle)).toEqual({ tone: 'ok', text: 'The car is unlocked. (just now)' });
    expect(unlockWindowLeft(vehicle, now)).toBe(0);
  });

  it('says an outcome for a minute at most, and not once the car has changed since', () => {
    const vehicle = afterUnlock({
      summary: 'open',
      command: { inProgress: null, last: refused, unlockWindowUntil: null },
    });
    expect(status(vehicle, { now: now + 50_000 })?.text).toBe(`${refused.message} (1 min ago)`);
    expect(status(vehicle, { now: now + 60_000 })?.text).toMatch(/^Tip: /);
    expect(status(vehicle, { stateChangedSinceOutcome: true })?.text).toMatch(/^Tip: /);
  });

  it('puts a command under way and the confirmation before everything else', () => {
    const running = afterUnlock({
      command: {
        inProgress: { command: 'lock', startedAt: at(-1), message: 'Locking… waiting for the car' },
        last: unlocked,
        unlockWindowUntil: at(110),
      },
    });
    expect(status(running)).toMatchObject({ text: 'Locking… waiting for the car', busy: true });
    expect(status(vehicleView(), { armed: { expiresAt: at(20) } })).toMatchObject({
      text: 'Press Confirm unlock to unlock the car.',
      ticking: '20 s',
    });
  });

  it('offers the shortcut as a tip when nothing has happened', () => {
    expect(status(vehicleView())?.text).toBe('Tip: Ctrl+Alt+L locks the car from anywhere.');
    expect(
      status(vehicleView(), {
        shortcut: { accelerator: '', registered: false, message: null },
      }),
    ).toBeNull();
  });
});
