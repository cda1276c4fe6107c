import { Menu, nativeImage, nativeTheme, Tray } from 'electron';
import type { Snapshot } from '../../shared/snapshot';
import type { Rect } from './popover-position';
import { isTaskbarDark, trayIconPath } from './tray-icons';
import { type TrayMenuActions, type TrayMenuItem, trayMenuTemplate } from './tray-menu';
import { type TrayState, trayState, trayTooltip } from './tray-state';

/**
 * The tray icon: its image follows the Snapshot (and the taskbar's light/dark theme), its
 * tooltip says the same in words, a left click toggles the popover, and the context menu is
 * always there. On macOS a context menu set with `setContextMenu` would also take the left
 * click, so there the menu pops up on right click instead.
 */
export interface AppTray {
  update(snapshot: Snapshot): void;
  /** The icon's bounds, or null where the platform does not report them. */
  bounds(): Rect | null;
  /** The state the icon shows now. */
  state(): TrayState;
  /** Delivers a left click to the Electron Tray, as the OS would (end-to-end test hooks). */
  click(): void;
  destroy(): void;
}

export interface AppTrayOptions {
  iconsDirectory: string;
  platform: NodeJS.Platform;
  /** `XDG_CURRENT_DESKTOP` on Linux (GNOME's panel is dark in light mode too). */
  desktop?: string;
  initial: Snapshot;
  onClick: () => void;
  actions: TrayMenuActions;
}

/** What a menu shows (labels, enabled, checked), without its click handlers. */
export function menuSignature(template: readonly TrayMenuItem[]): string {
  return JSON.stringify(template, (key, value) => (key === 'click' ? undefined : value));
}

export function createAppTray(options: AppTrayOptions): AppTray {
  const { platform } = options;
  let snapshot = options.initial;
  let shownIcon = '';
  let template = trayMenuTemplate(snapshot, options.actions);
  let menu = Menu.buildFromTemplate(template);

  const iconFor = (state: TrayState) =>
    trayIconPath(
      options.iconsDirectory,
      state,
      platform,
      isTaskbarDark(platform, options.desktop, nativeTheme),
    );

  const image = (path: string) => {
    const icon = nativeImage.createFromPath(path);
    if (platform === 'darwin') icon.setTemplateImage(true);
    return icon;
  };

  shownIcon = iconFor(trayState(snapshot));
  const tray = new Tray(image(shownIcon));
  tray.setToolTip(trayTooltip(snapshot));
  if (platform === 'darwin') {
    tray.setIgnoreDoubleClickEvents(true);
    tray.on('right-click', () => tray.popUpContextMenu(menu));
  } else {
    tray.setContextMenu(menu);
  }
  tray.on('click', () => options.onClick());

  const render = () => {
    const icon = iconFor(trayState(snapshot));
    if (icon !== shownIcon) {
      tray.setImage(image(icon));
      shownIcon = icon;
    }
    tray.setToolTip(trayTooltip(snapshot));
    // Replacing the menu closes it if it is open (Linux): only when what it shows changed.
    const next = trayMenuTemplate(snapshot, options.actions);
    if (menuSignature(next) === menuSignature(template)) return;
    template = next;
    menu = Menu.buildFromTemplate(template);
    if (platform !== 'darwin') tray.setContextMenu(menu);
  };

  const onThemeUpdated = () => render();
  nativeTheme.on('updated', onThemeUpdated);

  return {
    update(next) {
      snapshot = next;
      if (!tray.isDestroyed()) render();
    },
    bounds() {
      const bounds = tray.getBounds();
      return bounds.width > 0 && bounds.height > 0 ? bounds : null;
    },
    state: () => trayState(snapshot),
    click() {
      if (!tray.isDestroyed()) tray.emit('click');
    },
    destroy() {
      nativeTheme.off('updated', onThemeUpdated);
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
