import { expect, test } from './electron-app';

type Bridge = {
  prepareUnlock(vin: string): Promise<{ ok: boolean; value: { token: string } }>;
  unlock(vin: string, token: string): Promise<{ ok: boolean; error?: string }>;
  getSnapshot(): Promise<{
    value: {
      selectedVin: string | null;
      shortcut: { accelerator: string; registered: boolean };
      vehicles: Array<{ vin: string; lock: { value: string } | null }>;
    };
  }>;
};

/** The global shortcut locks the selected car, against the embedded simulator. */
test('the lock shortcut locks the unlocked demo car', async ({ trayApp }) => {
  const { app, hook } = trayApp;
  await expect.poll(() => hook('trayState'), { timeout: 20_000 }).toBe('locked');
  const popover = await app.firstWindow();
  const snapshot = () =>
    popover.evaluate(async () => {
      const volvo = (window as unknown as { volvo: Bridge }).volvo;
      return (await volvo.getSnapshot()).value;
    });
  const lockState = async () => {
    const { vehicles, selectedVin } = await snapshot();
    return vehicles.find((v) => v.vin === selectedVin)?.lock?.value ?? 'none';
  };

  // The accelerator the app shows is the one the OS holds for it.
  const { shortcut } = await snapshot();
  expect(shortcut.registered).toBe(true);
  expect(
    await app.evaluate(
      ({ globalShortcut }, accelerator) => globalShortcut.isRegistered(accelerator),
      shortcut.accelerator,
    ),
  ).toBe(true);

  const unlocked = await popover.evaluate(async () => {
    const volvo = (window as unknown as { volvo: Bridge }).volvo;
    const vin = (await volvo.getSnapshot()).value.selectedVin ?? '';
    const prepared = await volvo.prepareUnlock(vin);
    return volvo.unlock(vin, prepared.value.token);
  });
  expect(unlocked.ok).toBe(true);
  await expect.poll(lockState, { timeout: 20_000 }).toBe('UNLOCKED');
  await expect.poll(() => hook('trayState')).toBe('unlocked');

  // The handler registered with globalShortcut (the hook refuses if the OS holds no keys).
  expect(await hook('pressShortcut')).toBe(true);
  await expect.poll(lockState, { timeout: 20_000 }).toBe('LOCKED');
  await expect.poll(() => hook('trayState')).toBe('locked');
});
