import { describe, expect, it } from 'vitest';
import { INVOKE_STATUSES } from '../vehicle';
import { describeCommandProgress, describeCommandStatus } from './commands';

describe('describeCommandProgress', () => {
  it('says what each pending status means while the command is under way', () => {
    expect(describeCommandProgress('lock')).toBe('Locking… waiting for the car');
    expect(describeCommandProgress('unlock', 'WAITING')).toBe(
      'Unlocking… Volvo has the request and is passing it to the car',
    );
    expect(describeCommandProgress('lock', 'RUNNING')).toBe('Locking… the car is locking');
    expect(describeCommandProgress('lock', 'SENT')).toBe(
      'Locking… the car has the request; waiting for it to confirm',
    );
  });
});

describe('describeCommandStatus', () => {
  it('has its own sentence for every status Volvo documents', () => {
    for (const command of ['lock', 'unlock', 'lock-reduced-guard'] as const) {
      const sentences = INVOKE_STATUSES.map((status) => describeCommandStatus(command, status));
      for (const sentence of sentences) expect(sentence).toMatch(/^[A-Z].*\.$/);
      // SUCCESS repeats COMPLETED and the two sleep statuses share one: everything else differs.
      expect(new Set(sentences).size).toBe(INVOKE_STATUSES.length - 2);
    }
  });

  it('names the open parts when the car refuses to lock', () => {
    expect(describeCommandStatus('lock', 'UNABLE_TO_LOCK_DOOR_OPEN', ['rearLeft'])).toBe(
      'The car could not lock because the rear left door is open. Close it and try again.',
    );
    expect(
      describeCommandStatus('lock', 'UNABLE_TO_LOCK_DOOR_OPEN', ['frontLeft', 'hood', 'tailgate']),
    ).toBe(
      'The car could not lock because the front left door, the hood and the tailgate are open. Close them and try again.',
    );
    expect(describeCommandStatus('lock', 'UNABLE_TO_LOCK_DOOR_OPEN')).toContain(
      'a door, the hood or the tailgate is open',
    );
  });

  it('says a sleeping car is asleep and a timeout needs a look at the lock', () => {
    expect(describeCommandStatus('lock', 'VEHICLE_IN_SLEEP')).toContain('asleep');
    expect(describeCommandStatus('lock', 'VEHICLE_REQUEST_TIMEOUT')).toBe(
      'The car did not answer the lock command in time (it may be asleep or out of coverage); check the lock state before you leave the car.',
    );
    expect(describeCommandStatus('unlock', 'PRIVACY_POLICY_ENABLED')).toContain(
      "The car's privacy setting",
    );
    expect(describeCommandStatus('unlock', 'CAR_IN_SLEEP_MODE')).toContain('could not unlock');
    expect(describeCommandStatus('lock', 'TIMEOUT')).toBe(
      'The car did not confirm locking in time; check the lock state before you leave the car.',
    );
    expect(describeCommandStatus('lock-reduced-guard', 'COMPLETED')).toBe(
      'The car is locked with reduced guard.',
    );
  });
});
