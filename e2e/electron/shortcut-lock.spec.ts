import { expect, test } from './electron-app';

type Bridge = {
  prepareUnlock(vin: string): Promise<{ ok: boolean; value: { token: string } }>;
  unlock(vin: string, token: string): Promise<{ ok: boolean; error?: string }>;
  getSnapshot(): Promise<{
    value: {
      selectedVin: string | null;
      vehicles: Array<{ vin: string; lock: { value: string } | null }>;
    };
  }>;
};

/** The global shortcut locks the selected car, against the embedded simulator. */
test('the lock shortcut locks the unlocked demo car', async ({ trayApp }) => {
  const { app, hook } = trayApp;
  await expect.poll(() => hook('trayState'), { timeout: 20_000 }).toBe('locked');
  const popover = await app.firstWindow();

  const lockState = () =>
    popover.evaluate(async () => {
      const volvo = (window as unknown as { volvo: Bridge }).volvo;
      const { value } = await volvo.getSnapshot();
      return value.vehicles.find((v) => v.vin === value.selectedVin)?.lock?.value ?? 'none';
    });

  const unlocked = await popover.evaluate(async () => {
    const volvo = (window as unknown as { volvo: Bridge }).volvo;
    const vin = (await volvo.getSnapshot()).value.selectedVin ?? '';
    const prepared = await volvo.prepareUnlock(vin);
    return volvo.unlock(vin, prepared.value.token);
  });
  expect(unlocked.ok).toBe(true);
  await expect.poll(lockState, { timeout: 20_000 }).toBe('UNLOCKED');
  await expect.poll(() => hook('trayState')).toBe('unlocked');

  expect(await hook('pressShortcut')).toBe(true);
  await expect.poll(lockState, { timeout: 20_000 }).toBe('LOCKED');
  await expect.poll(() => hook('trayState')).toBe('locked');
});
