import { join } from 'node:path';
import { app } from 'electron';
import { createAppService } from './core/app/service';
import { redact } from './electron/logger';
import { runShell } from './electron/shell';

/**
 * The Electron entry (bundled to `dist/main/index.cjs` by `scripts/build.ts`): builds the core
 * from the shell's adapters and starts both. `__dirname` is `dist/main` in the bundle.
 */
runShell({ distDirectory: join(__dirname, '..'), createCore: createAppService }).catch(
  (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`volvo-tray could not start: ${redact(reason)}`);
    app.exit(1);
  },
);
