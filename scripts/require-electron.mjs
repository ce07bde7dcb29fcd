#!/usr/bin/env node
// Pre-flight check run before `npm run dev` / `npm start` (and by scripts/package.mjs).
//
// The `electron` npm package only contains a small launcher; its postinstall step downloads the
// real Electron binary into node_modules/electron/dist and records its name in path.txt. When
// that download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD=1) or failed, electron-vite would die
// with a long stack trace, so instead we print one clear sentence and exit with status 1.
//
// Usage:  node scripts/require-electron.mjs     (exit 0 = binary present, exit 1 = missing)
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const MISSING_BINARY_MESSAGE =
  'Gazette cannot start: the Electron binary is not installed (its download was skipped with ELECTRON_SKIP_BINARY_DOWNLOAD, or failed). ' +
  'Run "npm rebuild electron" on a machine with internet access (or reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD) to fetch it.';

export const MISSING_PACKAGE_MESSAGE =
  'Gazette cannot start: the "electron" package is not installed; run "npm install" first.';

/**
 * Returns null when the Electron binary is usable, otherwise the sentence explaining what is missing.
 * Never throws.
 */
export function findElectronProblem() {
  const require = createRequire(join(repoRoot, 'package.json'));

  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return MISSING_PACKAGE_MESSAGE;
  }

  // Without ELECTRON_OVERRIDE_DIST_PATH, electron's index.js needs path.txt and dist/<path.txt>.
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile) || !existsSync(join(packageDir, 'dist'))) return MISSING_BINARY_MESSAGE;
    let relative;
    try {
      relative = readFileSync(pathFile, 'utf8').trim();
    } catch {
      return MISSING_BINARY_MESSAGE;
    }
    if (!relative || !existsSync(join(packageDir, 'dist', relative))) return MISSING_BINARY_MESSAGE;
  }

  // In plain Node, require('electron') returns the absolute path of the binary (or throws).
  let binary;
  try {
    binary = require('electron');
  } catch {
    return MISSING_BINARY_MESSAGE;
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return MISSING_BINARY_MESSAGE;
  return null;
}

const runDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;

if (runDirectly) {
  const problem = findElectronProblem();
  if (problem) {
    process.stderr.write(problem + '\n');
    process.exit(1);
  }
}
