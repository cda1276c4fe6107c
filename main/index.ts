import { join } from 'node:path';
import { app, dialog } from 'electron';
import { createAppService } from './core/app/service';
import { embeddedDemo } from './demo/embedded-simulator';
import { redact } from './electron/logger';
import { runShell } from './electron/shell';

/**
 * The Electron entry (bundled to `dist/main/index.cjs` by `scripts/build.ts`): builds the core
 * from the shell's adapters and starts both. `__dirname` is `dist/main` in the bundle. A start
 * that fails says why in a dialog (a packaged app has no terminal to print to) and exits 1.
 */
runShell({
  distDirectory: join(__dirname, '..'),
  createCore: (deps) => createAppService({ ...deps, startDemo: embeddedDemo() }),
}).catch((error: unknown) => {
  const reason = redact(error instanceof Error ? error.message : String(error));
  console.error(`volvo-tray could not start: ${reason}`);
  dialog.showErrorBox('volvo-tray could not start', reason);
  app.exit(1);
});
