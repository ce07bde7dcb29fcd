import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the Electron binary is, or why there is none. Reads electron's path.txt as its index.js
 * does, without requiring that file: since Electron 42 it starts a download when the binary is
 * missing (see scripts/require-electron.mjs, which `npm start` runs).
 */
export function electronBinary(): { path: string | null; reason: string } {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
    const path = join(process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(packageDir, 'dist'), relative);
    if (relative && existsSync(path)) return { path, reason: '' };
  } catch {
    // no electron package, or no path.txt: the binary was never downloaded
  }
  return {
    path: null,
    reason:
      'no Electron binary is installed (its download failed or was skipped); the same specs ran in Chromium ' +
      'against the real services. Run "npm run fetch-electron" where it can be downloaded to run them in the app.',
  };
}
