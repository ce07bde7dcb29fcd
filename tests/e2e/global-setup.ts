import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronBinary } from './electron-binary';

/**
 * Builds the app once before the specs (so they always test the current code), unless
 * GAZETTE_E2E_SKIP_BUILD is set by a caller that has just built it (CI does).
 */
export default function globalSetup(): void {
  if (!process.env['GAZETTE_E2E_SKIP_BUILD'] || !existsSync('out/renderer/index.html')) {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  }
  const electron = electronBinary();
  if (!electron.path) console.log(`[e2e] The "electron" project is skipped: ${electron.reason}`);
}
