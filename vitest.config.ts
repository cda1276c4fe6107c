import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'main/**/*.test.ts',
      'preload/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'shared/**/*.test.ts',
      'test-support/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // electron-store imports `electron` itself. Processed by Vite (not handed to Node), that
    // import meets the tests' `vi.mock('electron')` and gets the shared fake, as ours do.
    server: { deps: { inline: ['electron-store'] } },
  },
});
