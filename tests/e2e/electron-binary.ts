import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Where the Electron binary is, or why there is none (it is fetched by electron's install script). */
export function electronBinary(): { path: string | null; reason: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path, reason: '' };
  } catch {
    // electron's index.js throws when its binary was never downloaded
  }
  return {
    path: null,
    reason:
      'no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD); the same specs ran in Chromium ' +
      'against the real services. Run "npm rebuild electron" where it can be downloaded to run them in the app.',
  };
}
