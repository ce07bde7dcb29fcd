import { defineConfig } from 'vitest/config';

// Unit and integration tests run under plain Node: the services never import Electron.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Imports parse in worker threads only (issue 9 §1): a test file's first import starts a
    // worker, which loads tsx and the language model, seconds on a busy machine.
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
