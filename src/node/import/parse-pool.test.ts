import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importIntoLibrary } from '../library/import-into-library';
import { LibraryStore } from '../store';
import { collectImportFiles } from './collect-files';
import { ParsePool } from './parse-pool';
import { readArticleFile } from './read-article-file';

const ROOT = resolve(import.meta.dirname, '../../..');
const BBC = join(ROOT, 'tests/fixtures/bbc-news');
const pool = ParsePool.forSources();
afterAll(() => pool.close());

/** The footer line of issue 9 §1 that makes today's `linkRow` rule backtrack for minutes. */
const LINK_ROW_FOOTER = [
  'About us',
  'Contact',
  'Privacy policy',
  'Terms of use',
  'Cookie settings',
  'Accessibility',
  'Sitemap',
  'Advertise with us',
  'Legal notice',
  'Contact us',
  'Site map',
  'Privacy notice',
  'Terms and conditions',
  'Legal',
  'Cookie policy',
  'About us',
].join('   ');

/** A real text file of about `bytes`: BBC articles one after the other, under one title. */
async function bigArticle(dir: string, bytes: number): Promise<string> {
  const { files } = await collectImportFiles([BBC]);
  const parts = ['A very long file made of many articles\n'];
  let size = 0;
  for (const file of files) {
    if (size >= bytes) break;
    const text = await readFile(file, 'utf8');
    parts.push(text);
    size += text.length;
  }
  const path = join(dir, 'big.txt');
  await writeFile(path, parts.join('\n'));
  return path;
}

describe('ParsePool', () => {
  it('gives the same outcome on its workers as readArticleFile on this thread, in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gazette-pool-'));
    await writeFile(join(dir, 'empty.txt'), '');
    const paths = [
      join(ROOT, 'seeds/000_fa55918c37a99e94.txt'),
      join(dir, 'empty.txt'),
      join(BBC, 'sport/101.txt'),
      join(dir, 'missing.txt'),
    ];
    const fromWorkers = await pool.parseMany(paths);
    const here = await Promise.all(paths.map((path) => readArticleFile(path)));
    expect(fromWorkers).toEqual(here);
  });

  it('imports the BBC corpus with the counts the corpus has', async () => {
    const store = await LibraryStore.open(await mkdtemp(join(tmpdir(), 'gazette-pool-')));
    const report = await importIntoLibrary(store, [BBC], { parsePool: pool, now: () => new Date(0) });
    await store.close();
    expect(report.imported).toBe(1_409);
    expect(report.duplicates).toHaveLength(29);
    expect(report.failed).toEqual([]);
  });

  it('reports a file over the time budget, replaces its worker, and imports the others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gazette-budget-'));
    // ~2 MB of real text takes tens of milliseconds to parse: far over a 1 ms budget.
    const big = await bigArticle(dir, 2_000_000);
    const seed = join(ROOT, 'seeds/000_fa55918c37a99e94.txt');
    const strict = ParsePool.forSources({ size: 1, timeBudgetMs: 1 });
    const tolerant = ParsePool.forSources({ size: 1 });
    try {
      const outcomes = await strict.parseMany([big]);
      expect(outcomes.map((outcome) => outcome.kind)).toEqual(['failed']);
      expect(outcomes[0]).toMatchObject({
        path: big,
        code: 'too-slow',
        error: 'took too long to read (over 0.001 s), so it was left out; the rest of the import went on',
      });
      // The same files with the default budget: the big file is an article, the pool goes on.
      const [bigOutcome, seedOutcome] = await tolerant.parseMany([big, seed]);
      expect(bigOutcome?.kind).toBe('article');
      expect(seedOutcome?.kind).toBe('article');
    } finally {
      await Promise.all([strict.close(), tolerant.close()]);
    }
  });

  it('goes on past a replaced worker within one import, in order, nothing dropped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gazette-budget-'));
    const big = await bigArticle(dir, 1_000_000);
    const small = join(BBC, 'business/001.txt');
    // 1 ms: the small file may or may not make it, the big one never does; each is accounted for.
    const strict = ParsePool.forSources({ size: 1, timeBudgetMs: 1 });
    try {
      const files = [small, big, small];
      const outcomes = await strict.parseMany(files);
      expect(outcomes.map((outcome) => outcome.path)).toEqual(files);
      expect(outcomes[1]).toMatchObject({ kind: 'failed', code: 'too-slow' });
    } finally {
      await strict.close();
    }
  });
});

describe('the command line with the pool', () => {
  const gazette = join(ROOT, 'bin/gazette.mjs');
  /** Runs the command line; with `signal`, sends it once the import's progress has begun. */
  const run = (
    args: string[],
    signal?: NodeJS.Signals,
  ): Promise<{ code: number | null; signal: string | null; afterSignalMs: number }> =>
    new Promise((done) => {
      let signalledAt = 0;
      const child = spawn(process.execPath, [gazette, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.resume();
      // The library's lock appearing means the command is running and the import under way
      // (its workers are starting): a fixed delay instead raced a fast machine to the end.
      const lock = signal ? join(args[args.indexOf('--data') + 1] ?? '', 'gazette.lock') : '';
      const send = (): void => {
        if (signal && signalledAt === 0 && child.exitCode === null) {
          signalledAt = Date.now();
          child.kill(signal);
        }
      };
      const watch = setInterval(() => {
        if (existsSync(lock)) {
          clearInterval(watch);
          setTimeout(send, 100);
        }
      }, 10);
      child.on('exit', (code, killedBy) => {
        clearInterval(watch);
        done({ code, signal: killedBy, afterSignalMs: signalledAt ? Date.now() - signalledAt : 0 });
      });
    });

  it('exits when the import is done: an idle pool does not keep the process alive', async () => {
    const data = await mkdtemp(join(tmpdir(), 'gazette-exit-'));
    const result = await run(['import', join(ROOT, 'seeds'), '--data', data]);
    expect(result.code).toBe(0);
  }, 60_000);

  it('stops at once on Ctrl-C and SIGTERM in the middle of an import', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gazette-sigint-'));
    // Slow on today's cleaner (issue 9 §1) and then cut by the time budget; once the cleaner is
    // fixed it is quick, and the BBC corpus beside it still keeps the import going for seconds.
    const file = join(dir, 'footer.txt');
    await writeFile(file, `Markets rally\nThe plan will go ahead.\n${LINK_ROW_FOOTER}   © 2024 Example\n`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const data = await mkdtemp(join(tmpdir(), 'gazette-sigint-data-'));
      const result = await run(['import', file, BBC, '--data', data], signal);
      // Killed by the signal, not finished (exit code 0 or 1), and promptly.
      expect(result.signal).toBe(signal);
      expect(result.afterSignalMs).toBeLessThan(2_000);
    }
  }, 60_000);
});
