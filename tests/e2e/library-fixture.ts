import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';

/**
 * Makes a data folder holding a library, the way a user would: with the command line.
 * Returns its path; each call gets a fresh folder under the system's temp folder.
 */
export async function makeLibraryWithCli(paths: string[] = ['seeds']): Promise<string> {
  const dataDir = await makeTempDir('gazette-e2e-');
  const errors: string[] = [];
  const code = await runCli(['import', ...paths, '--data', dataDir, '--json'], {
    out: () => {},
    err: (text) => errors.push(text),
    env: {},
    terminal: false,
  });
  if (code !== 0) throw new Error(`gazette import failed (${code}): ${errors.join('\n')}`);
  return dataDir;
}

/** Folders made for this run of the tests, removed when the test process ends. */
const tempDirs: string[] = [];
process.once('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system's temp folder, removed when the test process ends. */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
