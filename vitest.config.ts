import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    // fast-check's seed: pinned by FC_SEED (CI), else drawn and printed.
    setupFiles: ['test/setup/fast-check.ts'],
    // One test file per core: most files wait on processes they spawn (the CLI, LibreOffice, a
    // browser), and vitest's default for a run (cores - 1) left one of the two cores idle.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
