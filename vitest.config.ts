import { defineConfig } from 'vitest/config';

// Unit and integration tests run under plain Node: the services never import Electron.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
