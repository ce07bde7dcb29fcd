import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs run twice: in Debian's Chromium against the built renderer, with the
 * preload API bridged to the real services (project `chromium`), and in the real Electron
 * app (project `electron`), which is skipped, with the reason printed, where no Electron
 * binary is installed. See tests/e2e/harness.ts.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: process.env['CI'] ? 2 : undefined,
  reporter: 'list',
  projects: [
    { name: 'chromium', metadata: { target: 'browser' } },
    { name: 'electron', metadata: { target: 'electron' } },
  ],
});
