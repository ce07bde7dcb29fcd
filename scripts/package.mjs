#!/usr/bin/env node
// `npm run package`: build Gazette with electron-vite, then package it with electron-builder.
//
//   npm run package                      -> installers for the current platform:
//                                           Linux: AppImage + deb, macOS: dmg, Windows: nsis
//   npm run package -- --linux dir       -> any electron-builder CLI arguments are passed through
//                                           instead of the platform default
//   npm run package -- --test-build ...  -> a build for Playwright's Electron launch only: the
//                                           Node inspector fuse stays on (Playwright drives the main
//                                           process through --inspect); never ship it
//
// The packaged app's Electron fuses are set in electron-builder.yml (`electronFuses`).
//
// Configuration lives in electron-builder.yml; installers are written to dist/.
// electron-builder downloads the Electron zip for the target platform (cached in ELECTRON_CACHE,
// normally ~/.cache/electron, where `npm install` of `electron` also puts it) and its packaging
// tools (appimagetool, fpm, NSIS, ...; cached in ELECTRON_BUILDER_CACHE, normally
// ~/.cache/electron-builder). Once those caches are filled, packaging works offline.
//
// Every failure ends with ONE sentence on stderr and exit status 1; the tools' own output stays
// visible above it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MISSING_PACKAGE_MESSAGE, findElectronProblem } from './require-electron.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repoRoot, 'package.json'));

const MESSAGES = {
  noElectronPackage:
    'Gazette cannot be packaged: the "electron" package is not installed; run "npm install" first.',
  noElectronBinary:
    'Gazette cannot be packaged: Electron’s binary is not installed (it could not be downloaded during npm install), ' +
    'so electron-builder has no cached Electron to package either; run "npm run fetch-electron" on a connection that can reach Electron’s download server, then "npm run package" again.',
  noTools:
    'Gazette cannot be packaged: electron-vite or electron-builder is not installed; run "npm install" first.',
  unsupportedPlatform: `Gazette cannot be packaged on this platform (${process.platform}); pass electron-builder targets explicitly, e.g. "npm run package -- --linux AppImage".`,
  viteFailed: 'Gazette cannot be packaged: "electron-vite build" failed (see its output above).',
  offline:
    'Gazette cannot be packaged: electron-builder could not download the Electron build or packaging tools it needs (this machine appears to be offline); ' +
    'run "npm run package" once with internet access, after which they are cached (ELECTRON_CACHE, ELECTRON_BUILDER_CACHE) and packaging works offline.',
  builderFailed: (code) =>
    `Gazette cannot be packaged: electron-builder failed with exit code ${code} (see its output above).`,
};

// Error signatures of a download that failed because there is no network (or no DNS / proxy).
const OFFLINE_PATTERN =
  /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ENETDOWN|ERR_SOCKET_CONNECTION_TIMEOUT)\b|getaddrinfo|socket hang up|dial tcp|no such host|network is unreachable|unable to download|cannot download|failed to download/i;

function fail(sentence) {
  process.stderr.write(`\n${sentence}\n`);
  process.exit(1);
}

function resolveTool(resolveBin) {
  try {
    return resolveBin();
  } catch {
    return fail(MESSAGES.noTools);
  }
}

const defaultTargets = {
  linux: ['--linux', 'AppImage', 'deb'],
  darwin: ['--mac', 'dmg'],
  win32: ['--win', 'nsis'],
};

/** Runs `node <script> ...args` in the repo root. Resolves with { code, tail }, where tail is the
 * last part of the combined output when `capture` is set (output is still shown as it arrives). */
function run(script, args, { capture = false } = {}) {
  return new Promise((resolvePromise) => {
    const env = { ...process.env };
    // Keep electron-builder's colours when we sit between it and a terminal.
    if (capture && process.stdout.isTTY && env.FORCE_COLOR === undefined && env.NO_COLOR === undefined) {
      env.FORCE_COLOR = '1';
    }
    const child = spawn(process.execPath, [script, ...args], {
      cwd: repoRoot,
      env,
      stdio: capture ? ['inherit', 'pipe', 'pipe'] : 'inherit',
    });
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk.toString('utf8')).slice(-256 * 1024);
    };
    if (capture) {
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        keep(chunk);
      });
      child.stderr.on('data', (chunk) => {
        process.stderr.write(chunk);
        keep(chunk);
      });
    }
    // Ctrl-C reaches the child through the terminal; wait for it to finish instead of dying first.
    const ignore = () => {};
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      keep(String(error && error.message));
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      resolvePromise({ code: code ?? (signal ? 128 : 1), signal, tail });
    });
  });
}

async function main() {
  const electronProblem = findElectronProblem();
  if (electronProblem === MISSING_PACKAGE_MESSAGE) fail(MESSAGES.noElectronPackage);
  if (electronProblem) fail(MESSAGES.noElectronBinary);

  const electronVite = resolveTool(() =>
    join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'),
  );
  const electronBuilder = resolveTool(() => require.resolve('electron-builder/cli.js'));

  const testBuild = process.argv.includes('--test-build');
  const passThrough = process.argv.slice(2).filter((arg) => arg !== '--test-build');
  const targets = passThrough.length > 0 ? passThrough : defaultTargets[process.platform];
  if (!targets) fail(MESSAGES.unsupportedPlatform);
  const builderArgs = [...targets];
  if (testBuild) builderArgs.push('-c.electronFuses.enableNodeCliInspectArguments=true');
  if (!builderArgs.some((arg) => arg === '--publish' || arg === '-p' || arg.startsWith('--publish='))) {
    builderArgs.push('--publish', 'never');
  }

  const build = await run(electronVite, ['build']);
  if (build.signal) process.exit(1);
  if (build.code !== 0) fail(MESSAGES.viteFailed);
  const cli = await run(join(repoRoot, 'scripts', 'build-cli.mjs'), []);
  if (cli.signal) process.exit(1);
  if (cli.code !== 0) fail(MESSAGES.viteFailed);

  const packaged = await run(electronBuilder, builderArgs, { capture: true });
  if (packaged.signal) process.exit(1);
  if (packaged.code !== 0) {
    fail(OFFLINE_PATTERN.test(packaged.tail) ? MESSAGES.offline : MESSAGES.builderFailed(packaged.code));
  }
  process.stdout.write('\nGazette packaged: see dist/.\n');
}

main().catch((error) => {
  fail(`Gazette cannot be packaged: ${error && error.message ? error.message : String(error)}.`);
});
