import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runGazette } from './testing/run-gazette';

const SEEDS = resolve(import.meta.dirname, '../../seeds');

let dataDir = '';
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('the command line on a damaged library', () => {
  it('says the library file is damaged, keeps it byte for byte, and imports nothing over it', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gazette-damaged-'));
    expect((await runGazette(dataDir, 'import', SEEDS, '--json')).code).toBe(0);
    const libraryFile = join(dataDir, 'library.json');
    const damaged = (await readFile(libraryFile, 'utf8')).slice(0, 200); // torn in the middle
    await writeFile(libraryFile, damaged);

    for (const args of [['list'], ['import', SEEDS]]) {
      const result = await runGazette(dataDir, ...args);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/damaged/);
      expect(result.err).toContain(libraryFile);
      expect(result.err).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    }
    expect(await readFile(libraryFile, 'utf8')).toBe(damaged);
  });
});
