import { expect, test } from 'vitest';
import { MESSAGES } from '../../../shared/words/sign-in';
import type { CommandRequest } from './command-runner';
import { recordingNotifier } from './memory-ports';
import { createUnattendedLock } from './unattended-lock';
import { newVehicleRecord } from './vehicle-record';

const VIN = 'YV1XZK9V2PA000001';

function setup(commandsRefused: string | null) {
  const notifier = recordingNotifier();
  const sent: CommandRequest[] = [];
  const record = { ...newVehicleRecord(VIN, true), name: 'Volvo XC40' };
  const lock = createUnattendedLock({
    notifier,
    signedIn: () => true,
    commandsRefused: () => commandsRefused,
    find: (vin) => (vin === VIN ? record : undefined),
    run: async (request) => {
      sent.push(request);
      return {
        joined: false,
        result: {
          command: 'lock',
          status: 'COMPLETED',
          ok: true,
          message: 'Locked.',
          at: '2026-11-27T08:00:00.000Z',
        },
      };
    },
  });
  return { notifier, sent, lock };
}

test('the shortcut on a status-only sign-in sends nothing and says why in the notification', async () => {
  const { notifier, sent, lock } = setup(MESSAGES.statusOnly);
  await lock(VIN, 'shortcut');
  expect(sent).toEqual([]);
  expect(notifier.shown).toEqual([
    { id: 'command:none', title: 'Nothing was locked', body: MESSAGES.statusOnly },
  ]);
});

test('the shortcut with commands allowed locks and says so', async () => {
  const { notifier, sent, lock } = setup(null);
  await lock(VIN, 'shortcut');
  expect(sent).toEqual([{ vin: VIN, command: 'lock', source: 'shortcut' }]);
  expect(notifier.shown[0]).toMatchObject({ title: 'Volvo XC40 locked', body: 'Locked.' });
});
