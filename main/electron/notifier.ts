import { Notification, type NotificationConstructorOptions } from 'electron';
import type { AppNotification, Logger, NotificationAction, Notifier } from '../core/ports';

/**
 * The {@link Notifier} on Electron `Notification`. A click opens the popover for the vehicle;
 * the "Lock now" button is offered where Electron supports notification actions (macOS). Shown
 * notifications are kept referenced until they close, or Electron may garbage-collect them and
 * their click handlers with them; a reminder with the same id replaces the earlier one.
 */
export interface ElectronNotifier extends Notifier {
  /** A notification (or its body) was clicked. */
  onClick(listener: (vin: string | undefined) => void): void;
  /** A notification's action button was pressed. */
  onAction(listener: (vin: string, action: NotificationAction['id']) => void): void;
  /** Notifications still on screen (held so they are not garbage-collected). */
  readonly active: ReadonlyMap<string, Notification>;
}

export interface ElectronNotifierOptions {
  logger: Logger;
  platform?: NodeJS.Platform;
  /** An icon file for Linux and Windows (macOS uses the app icon). */
  icon?: string;
}

/** Whether this platform shows action buttons on notifications. */
export function supportsNotificationActions(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}

export function createElectronNotifier(options: ElectronNotifierOptions): ElectronNotifier {
  const platform = options.platform ?? process.platform;
  const active = new Map<string, Notification>();
  let clickListener: (vin: string | undefined) => void = () => {};
  let actionListener: (vin: string, action: NotificationAction['id']) => void = () => {};

  const forget = (id: string, notification: Notification) => {
    if (active.get(id) === notification) active.delete(id);
  };

  return {
    active,
    onClick(listener) {
      clickListener = listener;
    },
    onAction(listener) {
      actionListener = listener;
    },
    show(request: AppNotification) {
      if (!Notification.isSupported()) {
        options.logger.info('Desktop notifications are not supported here.', {
          title: request.title,
        });
        return;
      }
      const vin = request.vin;
      const actions =
        vin !== undefined && supportsNotificationActions(platform) ? (request.actions ?? []) : [];
      const init: NotificationConstructorOptions = {
        id: request.id,
        title: request.title,
        body: request.body,
        ...(options.icon ? { icon: options.icon } : {}),
        ...(actions.length > 0
          ? { actions: actions.map((action) => ({ type: 'button' as const, text: action.label })) }
          : {}),
      };
      const notification = new Notification(init);
      active.get(request.id)?.close();
      active.set(request.id, notification);

      notification.on('click', () => {
        forget(request.id, notification);
        clickListener(vin);
      });
      notification.on('action', (details, legacyIndex) => {
        const index = details?.actionIndex ?? legacyIndex;
        const action = actions[index];
        forget(request.id, notification);
        if (action && vin !== undefined) actionListener(vin, action.id);
      });
      notification.on('close', () => forget(request.id, notification));
      notification.on('failed', (_event, error) => {
        forget(request.id, notification);
        options.logger.warn('A notification could not be shown.', { error });
      });
      notification.show();
    },
  };
}
