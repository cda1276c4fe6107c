// `node --import tsx --import ./scripts/reliability/use-fake-electron.mjs ...`: the child runs
// the app's real file stores, with `electron` resolved to the fake the unit tests use (only its
// safeStorage and ipcMain are touched by the stores).
import { register } from 'node:module';

register('./fake-electron-hooks.mjs', import.meta.url);
