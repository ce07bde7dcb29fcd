#!/usr/bin/env node
// Downloads Electron's binary by running Electron's own installer (node_modules/electron/install.js,
// also its `install-electron` bin), so that a failed download never fails `npm install`.
//
// Why: Electron's binary does not come from the npm registry but from its own download server,
// which a machine offline or behind a firewall cannot reach. Up to Electron 41 the installer ran as
// electron's postinstall and its failure failed the whole `npm install` (package.json's
// `allowScripts` denies it, for such versions and npm >= 11.16); since Electron 42 it no longer runs
// at install at all. Gazette's postinstall calls this script instead: where the server is reachable,
// `npm install` still fetches the binary; where it is not, one sentence says so and everything but
// the app window (command line, build, tests) works.
//
// Usage:
//   node scripts/fetch-electron.mjs               fetch now (npm run fetch-electron); exit 1 on failure
//   node scripts/fetch-electron.mjs --postinstall from npm install: never fails; skipped when
//                                                 ELECTRON_SKIP_BINARY_DOWNLOAD is set
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronPackageDir, installedElectronBinary } from './require-electron.mjs';

/**
 * A download that hangs (a firewall dropping packets rather than refusing them) must not hang
 * `npm install`: after this long the installer is stopped. Electron's zip is about 100 MB, so
 * this leaves room for a slow but working connection (about 0.2 MB/s).
 */
const POSTINSTALL_TIMEOUT_MS = 10 * 60 * 1000;

const WORKS_WITHOUT =
  'the command line, the build and the tests work without it; to open the app, run "npm run fetch-electron" ' +
  'on a connection that can reach Electron’s download server.';

/** The first line of the installer's output that says why it failed, shortened. */
function reasonOf(output) {
  const line =
    output
      .split('\n')
      .map((text) => text.trim())
      .find((text) => /error|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|unreachable|failed/i.test(text)) ?? '';
  return line.replace(/^[A-Za-z]*Error:\s*/, '').slice(0, 160);
}

/**
 * Runs Electron's installer. Resolves to { ok, output } and never rejects. With `quiet`, the
 * installer's output is kept (for the one-line reason) rather than shown.
 */
function runInstaller(installer, { quiet, timeoutMs }) {
  return new Promise((resolvePromise) => {
    const env = { ...process.env };
    // Electron <= 41's installer obeys this variable; asking for the binary means we want it.
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    const child = spawn(process.execPath, [installer], {
      env,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    const keep = (chunk) => (output = (output + chunk.toString('utf8')).slice(-64 * 1024));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const timer = timeoutMs
      ? setTimeout(() => {
          output += `\nError: no answer from the download server after ${timeoutMs / 60_000} minutes`;
          child.kill();
        }, timeoutMs)
      : null;
    child.on('error', (error) => keep(`Error: ${error.message}`));
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolvePromise({ ok: code === 0, output });
    });
  });
}

/** Fetches the binary if missing. Resolves to the exit code. */
export async function fetchElectron({ postinstall }) {
  const say = (text) => process.stderr.write(`${text}\n`);
  const packageDir = electronPackageDir();
  if (!packageDir) {
    say('Gazette: the "electron" package is not installed, so Electron’s binary was not fetched.');
    return postinstall ? 0 : 1;
  }
  if (installedElectronBinary()) {
    if (!postinstall) say('Electron’s binary is already installed.');
    return 0;
  }
  if (postinstall && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    say(
      `Gazette: Electron’s binary was not fetched (ELECTRON_SKIP_BINARY_DOWNLOAD is set); ${WORKS_WITHOUT}`,
    );
    return 0;
  }
  const installer = join(packageDir, 'install.js');
  if (!existsSync(installer)) {
    say('Gazette: this version of the "electron" package has no installer (install.js); reinstall it.');
    return postinstall ? 0 : 1;
  }
  const result = await runInstaller(installer, {
    quiet: postinstall,
    timeoutMs: postinstall ? POSTINSTALL_TIMEOUT_MS : 0,
  });
  if (result.ok && installedElectronBinary()) {
    say('Gazette: Electron’s binary is installed.');
    return 0;
  }
  const reason = reasonOf(result.output);
  say(`Gazette: Electron’s binary could not be downloaded${reason ? ` (${reason})` : ''}; ${WORKS_WITHOUT}`);
  return postinstall ? 0 : 1;
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  process.exitCode = await fetchElectron({ postinstall: process.argv.includes('--postinstall') });
}
