#!/usr/bin/env node
// Pre-flight check run before `npm run dev` / `npm start` (and by scripts/package.mjs).
//
// The `electron` npm package holds only a small launcher; the real binary is downloaded into
// node_modules/electron/dist (its name recorded in path.txt) by Electron's installer, which
// Gazette runs from its own postinstall (scripts/fetch-electron.mjs) so that a failed download
// never fails `npm install`. Without the binary, electron-vite would die with a stack trace (or,
// since Electron 42, try to download it again), so instead we print one sentence and exit 1.
//
// Usage:  node scripts/require-electron.mjs     (exit 0 = binary present, exit 1 = missing)
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const MISSING_BINARY_MESSAGE =
  'Gazette cannot start: Electron’s binary is not installed (it could not be downloaded during npm install); ' +
  'run "npm run fetch-electron" on a connection that can reach Electron’s download server.';

export const MISSING_PACKAGE_MESSAGE =
  'Gazette cannot start: the "electron" package is not installed; run "npm install" first.';

/** The folder of the installed `electron` package, or null. */
export function electronPackageDir() {
  try {
    return dirname(createRequire(join(repoRoot, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The absolute path of Electron's binary when it is installed, else null. Reads path.txt as
 * electron's own index.js does, but never requires that file: since Electron 42 it starts a
 * download when the binary is missing.
 */
export function installedElectronBinary() {
  const packageDir = electronPackageDir();
  if (!packageDir) return null;
  let relative;
  try {
    relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = '';
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, relative || 'electron');
    return existsSync(binary) ? binary : null;
  }
  if (!relative) return null;
  const binary = join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/**
 * Returns null when the Electron binary is usable, otherwise the sentence explaining what is missing.
 * Never throws.
 */
export function findElectronProblem() {
  if (!electronPackageDir()) return MISSING_PACKAGE_MESSAGE;
  return installedElectronBinary() ? null : MISSING_BINARY_MESSAGE;
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
