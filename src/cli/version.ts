/**
 * The version `gazette --version` prints: package.json's, put in by the build as
 * `__GAZETTE_VERSION__` (a define, so the bundled command line reads no file), or, when run from
 * the TypeScript sources (tsx, tests), read from the package.json found above this module.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __GAZETTE_VERSION__: string | undefined;

/** Folders walked up from this module before giving up (src/cli is two below the root). */
const MAX_LEVELS = 6;

/** The version of gazette, or `unknown` if no define and no package.json of gazette was found. */
export async function gazetteVersion(): Promise<string> {
  // `typeof` so that an undefined global (no define: run from sources) is not a ReferenceError.
  if (typeof __GAZETTE_VERSION__ === 'string') return __GAZETTE_VERSION__;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < MAX_LEVELS; level += 1) {
    const manifest = await readFile(path.join(dir, 'package.json'), 'utf8').catch(() => null);
    const found = manifest === null ? null : gazetteManifestVersion(manifest);
    if (found !== null) return found;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return 'unknown';
}

/** The version in a package.json's text if it is gazette's own, else `null`. */
function gazetteManifestVersion(manifest: string): string | null {
  try {
    const { name, version } = JSON.parse(manifest) as { name?: unknown; version?: unknown };
    return name === 'gazette' && typeof version === 'string' ? version : null;
  } catch {
    return null; // not JSON: not ours
  }
}
