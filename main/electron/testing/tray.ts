import type {
  Menu as ElectronMenu,
  MenuItem as ElectronMenuItem,
  NativeImage as ElectronNativeImage,
  Tray as ElectronTray,
  nativeImage as electronNativeImage,
  MenuItemConstructorOptions,
} from 'electron';
import { type Answering, FakeEmitter, madeByFake } from './stand-ins';
import { fake } from './state';

/**
 * The tray's side of Electron: `Tray`, the context `Menu` and the `nativeImage` it shows; the
 * events a test emits are Electron's (`FakeEmitter`).
 */

export class FakeNativeImage
  implements Pick<ElectronNativeImage, 'setTemplateImage' | 'isTemplateImage'>
{
  template = false;
  constructor(readonly path: string) {}
  setTemplateImage(template: boolean) {
    this.template = template;
  }
  isTemplateImage() {
    return this.template;
  }
}

/** `nativeImage`: images from files, remembering the path they came from. */
export const nativeImage = {
  createFromPath: (path: string) => new FakeNativeImage(path),
} satisfies {
  createFromPath: Answering<typeof electronNativeImage.createFromPath, FakeNativeImage>;
};

/** A menu item as Electron builds it from the template (the fields the tests read). */
export class FakeMenuItem
  implements Pick<ElectronMenuItem, 'id' | 'label' | 'enabled' | 'checked' | 'click'>
{
  readonly id: string;
  readonly label: string;
  readonly enabled: boolean;
  readonly checked: boolean;
  readonly submenu: FakeMenu | undefined;
  /** Clicks the item as the user would. */
  readonly click: () => void;

  constructor(options: MenuItemConstructorOptions | ElectronMenuItem) {
    // Electron's defaults for what the template leaves out.
    this.id = options.id ?? '';
    this.label = options.label ?? '';
    this.enabled = options.enabled ?? true;
    this.checked = options.checked ?? false;
    const { submenu } = options;
    this.submenu = Array.isArray(submenu)
      ? new FakeMenu(submenu)
      : submenu && madeByFake(submenu, FakeMenu);
    const { click } = options;
    // Called without Electron's (menuItem, window, event): the shell's handlers take none.
    this.click = () => {
      if (click) Reflect.apply(click, undefined, []);
    };
  }
}

export class FakeMenu {
  readonly items: FakeMenuItem[];
  constructor(template: Array<MenuItemConstructorOptions | ElectronMenuItem>) {
    this.items = template.map((options) => new FakeMenuItem(options));
  }
  /** Test helper: finds an item by id, searching submenus. */
  item(id: string): FakeMenuItem | undefined {
    for (const item of this.items) {
      if (item.id === id) return item;
      const found = item.submenu?.item(id);
      if (found) return found;
    }
    return undefined;
  }
}

/** `Menu`: menus built from the shell's templates. */
export const Menu = {
  buildFromTemplate: (template: Array<MenuItemConstructorOptions | ElectronMenuItem>) =>
    new FakeMenu(template),
} satisfies {
  buildFromTemplate: Answering<typeof ElectronMenu.buildFromTemplate, FakeMenu>;
};

export class FakeTray
  extends FakeEmitter<ElectronTray>
  implements
    Pick<
      ElectronTray,
      | 'setImage'
      | 'setToolTip'
      | 'setContextMenu'
      | 'popUpContextMenu'
      | 'setIgnoreDoubleClickEvents'
      | 'getBounds'
      | 'isDestroyed'
      | 'destroy'
    >
{
  image: FakeNativeImage;
  readonly images: FakeNativeImage[] = [];
  tooltip = '';
  contextMenu: FakeMenu | null = null;
  readonly poppedUp: FakeMenu[] = [];
  ignoreDoubleClick = false;
  destroyed = false;

  constructor(image: ElectronNativeImage | string) {
    super();
    this.image = madeByFake(image, FakeNativeImage);
    this.images.push(this.image);
    fake.trays.push(this);
  }
  setImage(image: ElectronNativeImage | string) {
    this.image = madeByFake(image, FakeNativeImage);
    this.images.push(this.image);
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: ElectronMenu | null) {
    this.contextMenu = menu && madeByFake(menu, FakeMenu);
  }
  /** The shell always names the menu (Electron would pop up the tray's own without one). */
  popUpContextMenu(menu: ElectronMenu) {
    this.poppedUp.push(madeByFake(menu, FakeMenu));
  }
  setIgnoreDoubleClickEvents(ignore: boolean) {
    this.ignoreDoubleClick = ignore;
  }
  getBounds() {
    return fake.trayBounds;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
}

/** `Tray`, constructed as Electron's is. */
export const Tray = FakeTray satisfies new (
  ...args: ConstructorParameters<typeof ElectronTray>
) => FakeTray;
