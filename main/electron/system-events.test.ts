import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../core/testing/fake-clock';
import { watchSystemEvents } from './system-events';
import { fake, powerMonitor, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

beforeEach(() => resetFakeElectron());

function recordingTarget() {
  const events: string[] = [];
  return {
    events,
    systemSuspended: () => events.push('suspended'),
    systemResumed: () => events.push('resumed'),
    setOnline: (online: boolean) => events.push(online ? 'online' : 'offline'),
  };
}

describe('watchSystemEvents', () => {
  it('pauses on sleep and screen lock and catches up on wake and unlock', () => {
    const target = recordingTarget();
    const hidden: string[] = [];
    watchSystemEvents(target, {
      clock: new FakeClock(),
      onScreenLocked: () => hidden.push('hide'),
    });
    powerMonitor.emit('suspend');
    powerMonitor.emit('resume');
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('unlock-screen');
    expect(target.events).toEqual(['online', 'suspended', 'resumed', 'suspended', 'resumed']);
    expect(hidden).toEqual(['hide']);
  });

  it('waking to the lock screen catches up once, at the unlock', () => {
    const target = recordingTarget();
    watchSystemEvents(target, { clock: new FakeClock() });
    // macOS and Windows: the screen locks as the lid closes, the machine sleeps, wakes to the
    // lock screen, and the user unlocks it a while later.
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('suspend');
    powerMonitor.emit('resume');
    expect(target.events).toEqual(['online', 'suspended']);
    powerMonitor.emit('unlock-screen');
    expect(target.events).toEqual(['online', 'suspended', 'resumed']);
  });

  it('reports network changes found by polling net.isOnline, once per change', async () => {
    const clock = new FakeClock();
    const target = recordingTarget();
    watchSystemEvents(target, { clock, onlinePollMs: 1000 });
    await clock.advance(3000);
    fake.online = false;
    await clock.advance(1000);
    await clock.advance(5000);
    fake.online = true;
    await clock.advance(1000);
    expect(target.events).toEqual(['online', 'offline', 'online']);
  });

  it('stops listening and polling when stopped', async () => {
    const clock = new FakeClock();
    const target = recordingTarget();
    const stop = watchSystemEvents(target, { clock, onlinePollMs: 1000 });
    stop();
    fake.online = false;
    await clock.advance(5000);
    powerMonitor.emit('suspend');
    expect(target.events).toEqual(['online']);
    expect(clock.pending()).toBe(0);
  });
});
