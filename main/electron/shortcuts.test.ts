import { beforeEach, describe, expect, it, vi } from 'vitest';
import { acceleratorProblem } from './accelerator';
import { createElectronShortcutRegistrar } from './shortcuts';
import { fake, globalShortcut, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

beforeEach(() => resetFakeElectron());

const desktop = { platform: 'linux' as const, sessionType: 'x11' };

function press(accelerator: string) {
  const callback = fake.shortcuts.get(accelerator);
  if (!callback) throw new Error(`${accelerator} is not registered`);
  callback();
}

describe('the globalShortcut registrar', () => {
  it('registers an accelerator and runs the handler on press', () => {
    const registrar = createElectronShortcutRegistrar(desktop);
    const presses: string[] = [];
    expect(registrar.register('CommandOrControl+Alt+L', () => presses.push('lock'))).toEqual({
      ok: true,
    });
    press('CommandOrControl+Alt+L');
    expect(presses).toEqual(['lock']);
    expect(registrar.current()).toBe('CommandOrControl+Alt+L');
  });

  it('replaces the old accelerator with the new one', () => {
    const registrar = createElectronShortcutRegistrar(desktop);
    registrar.register('CommandOrControl+Alt+L', () => {});
    expect(registrar.register('Alt+Shift+K', () => {})).toEqual({ ok: true });
    expect([...fake.shortcuts.keys()]).toEqual(['Alt+Shift+K']);
  });

  it('keeps the previous shortcut working when the new one is taken by another app', () => {
    const registrar = createElectronShortcutRegistrar(desktop);
    const presses: string[] = [];
    registrar.register('CommandOrControl+Alt+L', () => presses.push('old'));
    fake.takenShortcuts.add('Alt+Shift+K');
    expect(registrar.register('Alt+Shift+K', () => presses.push('new'))).toEqual({
      ok: false,
      reason: 'Alt+Shift+K is already used by another app.',
    });
    expect(registrar.current()).toBe('CommandOrControl+Alt+L');
    press('CommandOrControl+Alt+L');
    expect(presses).toEqual(['old']);
  });

  it('keeps the previous shortcut when the new one is not a valid accelerator', () => {
    const registrar = createElectronShortcutRegistrar(desktop);
    registrar.register('CommandOrControl+Alt+L', () => {});
    const typo = registrar.register('Ctrl+Alt+Lock', () => {});
    expect(typo).toEqual({
      ok: false,
      reason: '"Ctrl+Alt+Lock" is not a valid shortcut: "Lock" is not a key Electron knows.',
    });
    // Electron itself refuses it (throws): still a sentence, still the old shortcut.
    expect(registrar.register('Ctrl+Alt+Nonsense', () => {})).toMatchObject({ ok: false });
    expect([...fake.shortcuts.keys()]).toEqual(['CommandOrControl+Alt+L']);
  });

  it('says Wayland does not allow global shortcuts, and what to do instead', () => {
    const registrar = createElectronShortcutRegistrar({
      platform: 'linux',
      sessionType: 'wayland',
    });
    fake.takenShortcuts.add('Alt+Shift+K');
    const result = registrar.register('Alt+Shift+K', () => {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/Wayland.*tray menu/);
  });

  it('moves to the same keys spelled differently without losing them', () => {
    const registrar = createElectronShortcutRegistrar(desktop);
    const presses: string[] = [];
    registrar.register('Control+Alt+L', () => presses.push('old'));
    expect(registrar.register('Ctrl+Alt+L', () => presses.push('new'))).toEqual({ ok: true });
    expect(registrar.current()).toBe('Ctrl+Alt+L');
    press('Ctrl+Alt+L');
    expect(presses).toEqual(['new']);
  });

  it('an empty accelerator switches the shortcut off', () => {
    const registrar = createElectronShortcutRegistrar(desktop);
    registrar.register('CommandOrControl+Alt+L', () => {});
    expect(registrar.register('', () => {})).toEqual({ ok: true });
    expect(fake.shortcuts.size).toBe(0);
    expect(registrar.current()).toBeNull();
    expect(registrar.press()).toBe(false);
  });

  it('press() runs the latest handler; dispose() releases the keys', () => {
    const registrar = createElectronShortcutRegistrar(desktop);
    const presses: string[] = [];
    registrar.register('CommandOrControl+Alt+L', () => presses.push('first'));
    registrar.register('CommandOrControl+Alt+L', () => presses.push('second'));
    expect(registrar.press()).toBe(true);
    expect(presses).toEqual(['second']);
    registrar.dispose();
    expect(fake.shortcuts.size).toBe(0);
  });

  it('press() refuses when the OS no longer holds the keys for us', () => {
    const registrar = createElectronShortcutRegistrar(desktop);
    const presses: string[] = [];
    registrar.register('CommandOrControl+Alt+L', () => presses.push('lock'));
    // Something released every global shortcut behind the registrar's back.
    globalShortcut.unregisterAll();
    expect(registrar.press()).toBe(false);
    expect(presses).toEqual([]);
  });
});

describe('acceleratorProblem', () => {
  it.each([
    'CommandOrControl+Alt+L',
    'Ctrl+Shift+F5',
    'Alt+Space',
    'Super+Plus',
    'Ctrl++',
    'F9',
    'MediaPlayPause',
    'CmdOrCtrl+num5',
  ])('accepts %s', (accelerator) => {
    expect(acceleratorProblem(accelerator)).toBeNull();
  });

  it.each([
    ['L', /needs a modifier/],
    ['Ctrl+Alt', /needs a key after the modifiers/],
    ['Ctrl+Hyper+L', /"Hyper" is not a modifier/],
    ['Ctrl+Ctrl+L', /a modifier appears twice/],
    ['Ctrl+ L', /write it like/],
    ['Ctrl++L', /write it like/],
    ['Ctrl+Alt+Lock', /"Lock" is not a key/],
  ])('refuses %s in words', (accelerator, message) => {
    expect(acceleratorProblem(accelerator)).toMatch(message);
  });
});
