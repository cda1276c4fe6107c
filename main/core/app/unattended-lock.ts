import type { Notifier } from '../ports';
import type { CommandRequest, CommandRun, CommandSource } from './command-runner';
import type { VehicleRecord } from './vehicle-record';

/**
 * Locking without the popover (the global shortcut, a notification's "Lock now"): the person
 * is not looking at the app, so the outcome comes back as a notification, once per lock even
 * when the shortcut was pressed five times. Only ever locks: nothing unattended unlocks a car.
 */
export type UnattendedLock = (
  vin: string | null,
  source: Exclude<CommandSource, 'popover'>,
) => Promise<void>;

export function createUnattendedLock(options: {
  notifier: Notifier;
  signedIn: () => boolean;
  /** Why this sign-in cannot send commands at all, or null. */
  commandsRefused: () => string | null;
  find: (vin: string) => VehicleRecord | undefined;
  run: (request: CommandRequest) => Promise<CommandRun>;
}): UnattendedLock {
  const { notifier } = options;
  return async (vin, source) => {
    const record = vin === null ? undefined : options.find(vin);
    if (!options.signedIn() || !record) {
      notifier.show({
        id: 'command:none',
        title: 'Nothing was locked',
        body: !options.signedIn()
          ? 'Sign in to Volvo first; then the shortcut locks your car.'
          : 'No car is selected. Open volvo-tray and choose one.',
      });
      return;
    }
    const refused = options.commandsRefused();
    if (refused !== null) {
      notifier.show({ id: 'command:none', title: 'Nothing was locked', body: refused });
      return;
    }
    const { result, joined } = await options.run({ vin: record.vin, command: 'lock', source });
    if (joined) return;
    notifier.show({
      id: `command:${record.vin}`,
      title: result.ok ? `${record.name} locked` : `${record.name} not locked`,
      body: result.message,
      vin: record.vin,
    });
  };
}
