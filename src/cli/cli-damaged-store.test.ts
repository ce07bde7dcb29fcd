import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const SEEDS = resolve(import.meta.dirname, '../../seeds');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: {},
    terminal: false,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the command line on a damaged library', () => {
  it('says the library file is damaged, keeps it byte for byte, and imports nothing over it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gazette-damaged-'));
    expect((await run(['import', SEEDS, '--data', dataDir, '--json'])).code).toBe(0);
    const libraryFile = join(dataDir, 'library.json');
    const damaged = (await readFile(libraryFile, 'utf8')).slice(0, 200); // torn in the middle
    await writeFile(libraryFile, damaged);

    for (const args of [['list'], ['import', SEEDS]]) {
      const result = await run([...args, '--data', dataDir]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/damaged/);
      expect(result.err).toContain(libraryFile);
      expect(result.err).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    }
    expect(await readFile(libraryFile, 'utf8')).toBe(damaged);
  });
});
