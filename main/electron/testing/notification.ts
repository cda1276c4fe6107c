import type {
  Notification as ElectronNotification,
  NotificationConstructorOptions,
} from 'electron';
import { FakeEmitter, fakeEvent } from './stand-ins';
import { fake } from './state';

/**
 * Electron's `Notification`, recording each one in `fake.notifications`; the events a test
 * emits are Electron's (`FakeEmitter`).
 */
export class FakeNotification
  extends FakeEmitter<ElectronNotification>
  implements Pick<ElectronNotification, 'show' | 'close'>
{
  shown = false;
  closed = false;
  constructor(readonly options: NotificationConstructorOptions = {}) {
    super();
    fake.notifications.push(this);
  }
  static isSupported() {
    return fake.notificationsSupported;
  }
  show() {
    this.shown = true;
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    this.emit('close', fakeEvent());
  }
  /** Test helper: the toast timed out and moved to the Action Center (Notification Center). */
  expire() {
    this.emit('close', { ...fakeEvent(), reason: 'timedOut' });
  }
}

/** `Notification`, constructed and asked `isSupported()` as Electron's is. */
export const Notification = FakeNotification satisfies Pick<
  typeof ElectronNotification,
  'isSupported'
> &
  (new (
    ...args: ConstructorParameters<typeof ElectronNotification>
  ) => FakeNotification);
