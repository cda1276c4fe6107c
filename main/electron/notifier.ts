import { Notification, type NotificationConstructorOptions } from 'electron';
import type { AppNotification, Logger, NotificationAction, Notifier } from '../core/ports';

/**
 * The {@link Notifier} on Electron `Notification`. A click opens the popover for the vehicle;
 * the "Lock now" button is offered where Electron supports notification actions (macOS and
 * Windows). Notifications are kept referenced while they can still be clicked, or Electron may
 * garbage-collect them and their click handlers with them: until they are clicked, dismissed or
 * replaced by a reminder with the same id. One that timed out still sits in the Action Center
 * (Notification Center), clickable, so it is kept too, up to {@link MAX_HELD_NOTIFICATIONS}.
 */

/** How many notifications are held at most (the oldest is let go first). */
export const MAX_HELD_NOTIFICATIONS = 20;

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
  return platform === 'darwin' || platform === 'win32';
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
    withdraw(id) {
      // Where the platform keeps it (Action Center, Notification Center), it goes from there too.
      active.get(id)?.close();
      active.delete(id);
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
      active.delete(request.id);
      active.set(request.id, notification);
      for (const [id, held] of active) {
        if (active.size <= MAX_HELD_NOTIFICATIONS) break;
        forget(id, held);
      }

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
      notification.on('close', (details) => {
        // Timed out: moved to the Action Center / Notification Center, where it can still be
        // clicked. Dismissed or replaced: gone.
        if (details?.reason !== 'timedOut') forget(request.id, notification);
      });
      notification.on('failed', (_event, error) => {
        forget(request.id, notification);
        options.logger.warn('A notification could not be shown.', { error });
      });
      notification.show();
    },
  };
}
