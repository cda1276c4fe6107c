import { clockStyleOf } from '../../shared/words/time';
import { silentLogger } from '../core/ports';
import { startBrowserHost } from './host';

/**
 * `npm run preview`: the whole app in a browser, for machines without Electron. Starts the real
 * core in demo mode (the embedded simulator), serves the built popover on 127.0.0.1 and prints
 * the URL with this run's secret.
 */
async function main(): Promise<void> {
  // A fresh host starts from default settings, which are demo mode: the core signs in by itself.
  const host = await startBrowserHost({
    logger: process.argv.includes('--verbose') ? consoleLogger : silentLogger,
    // This machine's own way of writing times, as the app would take the OS's.
    clockStyle: clockStyleOf(Intl.DateTimeFormat().resolvedOptions().locale, null),
    onQuit: () => void stop(),
  });
  const stop = async () => {
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  process.stdout.write(
    [
      'volvo-tray preview (demo mode: a simulated car, nothing leaves this computer)',
      `  Open ${host.url}`,
      `  Popover only: ${host.popoverUrl}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

const consoleLogger = {
  debug: () => {},
  info: (message: string, fields?: Record<string, unknown>) => console.log(message, fields ?? ''),
  warn: (message: string, fields?: Record<string, unknown>) => console.warn(message, fields ?? ''),
  error: (message: string, fields?: Record<string, unknown>) =>
    console.error(message, fields ?? ''),
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
