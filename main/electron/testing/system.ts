import type { App, NativeTheme, Net, PowerMonitor, Settings, SystemPreferences } from 'electron';
import { FakeEmitter, type Holding } from './stand-ins';
import { fake, onReset } from './state';

/**
 * The app and the computer around it: `app`, `nativeTheme`, `powerMonitor`,
 * `systemPreferences` and `net`, read from and recorded in {@link fake}; the events a test emits
 * are Electron's (`FakeEmitter`).
 */

class FakeApp
  extends FakeEmitter<App>
  implements
    Pick<
      App,
      | 'isPackaged'
      | 'getPath'
      | 'setPath'
      | 'getVersion'
      | 'getSystemLocale'
      | 'whenReady'
      | 'requestSingleInstanceLock'
      | 'setAppUserModelId'
      | 'setLoginItemSettings'
      | 'quit'
      | 'exit'
    >,
    Holding<App, 'commandLine', Pick<App['commandLine'], 'appendSwitch'>>,
    Holding<App, 'dock', Pick<NonNullable<App['dock']>, 'hide'> | undefined>
{
  readonly commandLine = {
    appendSwitch: (name: string, value?: string) => {
      fake.commandLineSwitches.push([name, value]);
    },
  };
  get isPackaged() {
    return fake.isPackaged;
  }
  get dock() {
    return {
      hide: () => {
        fake.dockHidden = true;
      },
    };
  }
  getPath(name: string): string {
    const path = fake.paths.get(name);
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name: string, path: string) {
    fake.paths.set(name, path);
  }
  getVersion() {
    return '0.1.0';
  }
  getSystemLocale() {
    return fake.systemLocale;
  }
  whenReady() {
    return Promise.resolve();
  }
  requestSingleInstanceLock() {
    return fake.singleInstanceLock;
  }
  setAppUserModelId(id: string) {
    fake.userModelId = id;
  }
  setLoginItemSettings(settings: Settings) {
    fake.loginItemSettings = { ...settings };
  }
  quit() {
    fake.quitCalls++;
  }
  exit(code = 0) {
    fake.quitCalls++;
    fake.exitCodes.push(code);
  }
}

/** `app`: paths, the single-instance lock, login items, quitting; its events are the test's to emit. */
export const app = new FakeApp();

class FakeNativeTheme
  extends FakeEmitter<NativeTheme>
  implements Pick<NativeTheme, 'shouldUseDarkColors' | 'shouldUseDarkColorsForSystemIntegratedUI'>
{
  shouldUseDarkColors = false;
  shouldUseDarkColorsForSystemIntegratedUI = false;
}

/** `nativeTheme`: light until a test says dark (and emits `updated`). */
export const nativeTheme = new FakeNativeTheme();

/** `powerMonitor`: the shell only listens (suspend, resume, lock-screen, unlock-screen). */
export const powerMonitor = new FakeEmitter<PowerMonitor>();

/** `systemPreferences`, reading the macOS user defaults set in `fake.userDefaults`. */
export const systemPreferences = {
  getUserDefault: ((key: string) =>
    fake.userDefaults[key] ?? false) as SystemPreferences['getUserDefault'],
} satisfies Pick<SystemPreferences, 'getUserDefault'>;

/** `net`, online as `fake.online` says. */
export const net = {
  isOnline: () => fake.online,
} satisfies Pick<Net, 'isOnline'>;

onReset(() => {
  app.removeAllListeners();
  nativeTheme.removeAllListeners();
  nativeTheme.shouldUseDarkColors = false;
  nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = false;
  powerMonitor.removeAllListeners();
});
