import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/ports';
import { createElectronNotifier, MAX_HELD_NOTIFICATIONS } from './notifier';
import { fake, fakeEvent, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

const VIN = 'YV1XZK9V2PA000001';
const doorOpen = {
  id: 'door-open:1',
  title: 'XC40: a door is open',
  body: 'The rear left door has been open for 5 minutes.',
  vin: VIN,
  actions: [{ id: 'lock' as const, label: 'Lock now' }],
};

beforeEach(() => resetFakeElectron());

function setup(platform: NodeJS.Platform) {
  const notifier = createElectronNotifier({ logger: silentLogger, platform });
  const clicks: Array<string | undefined> = [];
  const actions: Array<[string, string]> = [];
  notifier.onClick((vin) => clicks.push(vin));
  notifier.onAction((vin, action) => actions.push([vin, action]));
  return { notifier, clicks, actions };
}

describe('the Electron notifier', () => {
  it('shows the notification and opens the popover for its vehicle on click', () => {
    const { notifier, clicks } = setup('linux');
    notifier.show(doorOpen);
    const shown = fake.notifications[0];
    expect(shown?.shown).toBe(true);
    expect(shown?.options).toMatchObject({ title: doorOpen.title, body: doorOpen.body });
    shown?.emit('click', fakeEvent());
    expect(clicks).toEqual([VIN]);
  });

  it('offers "Lock now" on macOS and reports the action for the vehicle', () => {
    const { notifier, actions } = setup('darwin');
    notifier.show(doorOpen);
    const shown = fake.notifications[0];
    expect(shown?.options.actions).toEqual([{ type: 'button', text: 'Lock now' }]);
    shown?.emit('action', { actionIndex: 0 }, 0);
    expect(actions).toEqual([[VIN, 'lock']]);
  });

  it('offers "Lock now" on Windows too (Electron shows toast buttons there)', () => {
    const { notifier, actions } = setup('win32');
    notifier.show(doorOpen);
    const shown = fake.notifications[0];
    expect(shown?.options.actions).toEqual([{ type: 'button', text: 'Lock now' }]);
    shown?.emit('action', { actionIndex: 0, selectionIndex: -1 }, 0, -1);
    expect(actions).toEqual([[VIN, 'lock']]);
  });

  it('offers no action button where the platform has none', () => {
    const { notifier } = setup('linux');
    notifier.show(doorOpen);
    expect(fake.notifications[0]?.options.actions).toBeUndefined();
  });

  it('holds a reference until the notification closes, so its handlers survive', () => {
    const { notifier } = setup('win32');
    notifier.show(doorOpen);
    expect(notifier.active.size).toBe(1);
    fake.notifications[0]?.close();
    expect(notifier.active.size).toBe(0);
  });

  it('keeps a timed-out notification clickable from the Action Center', () => {
    const { notifier, clicks } = setup('win32');
    notifier.show(doorOpen);
    fake.notifications[0]?.expire();
    expect(notifier.active.get(doorOpen.id)).toBe(fake.notifications[0]);
    fake.notifications[0]?.emit('click', fakeEvent());
    expect(clicks).toEqual([VIN]);
    expect(notifier.active.size).toBe(0);
  });

  it('holds at most a bounded number, letting the oldest go first', () => {
    const { notifier } = setup('win32');
    for (let i = 0; i <= MAX_HELD_NOTIFICATIONS; i++) {
      notifier.show({ ...doorOpen, id: `door-open:${i}` });
      fake.notifications[i]?.expire();
    }
    expect(notifier.active.size).toBe(MAX_HELD_NOTIFICATIONS);
    expect(notifier.active.has('door-open:0')).toBe(false);
    expect(notifier.active.has(`door-open:${MAX_HELD_NOTIFICATIONS}`)).toBe(true);
  });

  it('replaces a reminder with the same id instead of stacking it', () => {
    const { notifier } = setup('darwin');
    notifier.show(doorOpen);
    notifier.show({ ...doorOpen, body: 'Still open after 35 minutes.' });
    expect(fake.notifications.map((n) => n.closed)).toEqual([true, false]);
    expect(notifier.active.get(doorOpen.id)).toBe(fake.notifications[1]);
  });

  it('shows nothing (and does not throw) where notifications are unsupported', () => {
    fake.notificationsSupported = false;
    const { notifier } = setup('linux');
    notifier.show(doorOpen);
    expect(fake.notifications).toEqual([]);
  });
});
