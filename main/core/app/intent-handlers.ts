import type { IntentHandlers } from '../../../shared/contract';
import type { CoreIntents } from './types';

/** The intents the shell itself answers: the core has no window to hide and no app to quit. */
export type HostIntents = Pick<IntentHandlers, 'closePopover' | 'quit'>;

/**
 * Every intent handler the bridge serves: the core's, plus the shell's own. Each core intent is
 * called as a method (it may rely on `this`), and a missing one fails to compile.
 */
export function withHostIntents(core: CoreIntents, host: HostIntents): IntentHandlers {
  return {
    getSnapshot: () => core.getSnapshot(),
    refresh: () => core.refresh(),
    selectVehicle: (vin) => core.selectVehicle(vin),
    lock: (vin, options) => core.lock(vin, options),
    prepareUnlock: (vin) => core.prepareUnlock(vin),
    unlock: (vin, token) => core.unlock(vin, token),
    findMyCar: (vin) => core.findMyCar(vin),
    signIn: (request) => core.signIn(request),
    signOut: () => core.signOut(),
    getSettings: () => core.getSettings(),
    updateSettings: (patch) => core.updateSettings(patch),
    setShortcut: (accelerator) => core.setShortcut(accelerator),
    setPopoverOpen: (open) => core.setPopoverOpen(open),
    getActivity: (vin) => core.getActivity(vin),
    demo: (action) => core.demo(action),
    closePopover: () => host.closePopover(),
    quit: () => host.quit(),
  };
}
