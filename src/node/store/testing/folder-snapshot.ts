import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file under `dir` (recursively) with its bytes as a string, by path relative to `dir`:
 * what data-loss tests compare before and after an operation. The lock folder is left out (it
 * is not data, and its owner file changes with every open).
 */
export async function snapshotFolder(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name);
      if (name === 'gazette.lock') continue;
      if (entry.isDirectory()) await walk(name);
      else files[name] = (await readFile(path.join(dir, name))).toString('latin1');
    }
  };
  await walk('');
  return files;
}
