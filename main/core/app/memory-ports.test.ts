import { expect, test } from 'vitest';
import {
  createMemoryDeps,
  memoryJsonStore,
  memorySettings,
  memoryVault,
  recordingNotifier,
  recordingShortcuts,
} from './memory-ports';

test('the shortcut registrar refuses taken and invalid accelerators and keeps the last good one', () => {
  const shortcuts = recordingShortcuts(['Alt+Shift+L']);
  let pressed = 0;
  expect(shortcuts.register('CommandOrControl+Alt+L', () => pressed++)).toEqual({ ok: true });
  expect(shortcuts.register('Alt+Shift+L', () => {})).toEqual({
    ok: false,
    reason: 'Alt+Shift+L is already used by another app.',
  });
  expect(shortcuts.register('L', () => {})).toMatchObject({
    ok: false,
    reason: expect.stringContaining('modifier'),
  });
  expect(shortcuts.register('Ctrl+Banana', () => {})).toMatchObject({ ok: false });
  expect(shortcuts.current).toBe('CommandOrControl+Alt+L');
  shortcuts.press();
  expect(pressed).toBe(1);
  expect(shortcuts.register('', () => {})).toEqual({ ok: true });
  shortcuts.press();
  expect(pressed).toBe(1);
});

test('memory stores copy values like a file would, and settings repair bad keys', async () => {
  const store = memoryJsonStore<{ n: number }>({ n: 1 });
  const loaded = store.load();
  if (loaded) loaded.n = 2;
  expect(store.load()).toEqual({ n: 1 });

  const settings = memorySettings({ activityLogSize: 3 });
  expect(settings.load().problems).toHaveLength(1);
  expect(settings.load().settings.activityLogSize).toBe(200);

  const vault = memoryVault('plaintext');
  await vault.set('apiKey', 'k');
  expect(await vault.get('apiKey')).toBe('k');
  await vault.delete('apiKey');
  expect(await vault.get('apiKey')).toBeUndefined();
  expect(vault.protection()).toBe('plaintext');
});

test('createMemoryDeps records notifications and presses even for ports passed in', () => {
  const inner = recordingNotifier();
  const deps = createMemoryDeps({ notifier: inner });
  deps.notifier.show({ id: 'a', title: 'Locked', body: 'The car is locked.' });
  expect(deps.notifier.shown).toHaveLength(1);
  expect(inner.shown).toHaveLength(1);
  let pressed = false;
  const registrar = createMemoryDeps({
    shortcuts: { register: () => ({ ok: true }) },
  }).shortcuts;
  registrar.register('Alt+L', () => {
    pressed = true;
  });
  registrar.press();
  expect(pressed).toBe(true);
  expect(registrar.current).toBe('Alt+L');
});
