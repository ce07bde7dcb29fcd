#!/usr/bin/env node
/**
 * `npm test`: runs every test runner of the project, then prints one line with the real
 * totals of all of them: `N passed, N failed, N skipped`. Exits non-zero if any runner failed.
 *
 * - vitest: unit and integration tests on real files (src/**\/*.test.ts, tests/unit).
 * - Playwright: end-to-end specs in tests/e2e (real Chromium; the Electron project is
 *   skipped, with its reason printed, where no Electron binary is installed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const reports = join('test-results', 'totals');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: false,
  });
  return result.status ?? 1;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

// vitest
const vitestJson = join(reports, 'vitest.json');
const vitestCode = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
} else {
  totals.failed += 1; // the runner itself failed before it could report
}
if (vitestCode !== 0) exitCode = 1;

// Playwright (end-to-end), once specs exist
if (existsSync('playwright.config.ts')) {
  const playwrightJson = join(reports, 'playwright.json');
  const code = run('npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
  if (existsSync(playwrightJson)) {
    const { stats } = JSON.parse(readFileSync(playwrightJson, 'utf8'));
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  } else {
    totals.failed += 1;
  }
  if (code !== 0) exitCode = 1;
}

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
