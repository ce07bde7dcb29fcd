/** `gazette search` and `gazette tag`, in-process, on a real data folder (the seed and BBC articles). */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForSource } from '../node/store';
import { runGazette } from './testing/run-gazette';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BBC = path.join(ROOT, 'tests/fixtures/bbc-news');
const SEED = articleIdForSource(path.join(ROOT, 'seeds', '000_fa55918c37a99e94.txt'));
const RYANAIR = articleIdForSource(path.join(BBC, 'business', '047.txt'));

let dataDir: string;

const gazette = (...argv: string[]) => runGazette(dataDir, ...argv);

interface Printed {
  id: string;
  title: string;
  score: number;
  matches: Array<{ field: string; snippet: string }>;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-cli-search-'));
  const files = ['business/047.txt', 'business/001.txt', 'sport/005.txt', 'politics/001.txt'].map((file) =>
    path.join(BBC, file),
  );
  expect((await gazette('import', path.join(ROOT, 'seeds'), ...files, '--json')).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('gazette search', () => {
  it('prints the best matches first as JSON, snippets with the matched words in « »', async () => {
    const run = await gazette('search', 'negociations', '--json');
    expect(run.code).toBe(0);
    const results = JSON.parse(run.out) as Printed[];
    expect(results[0]).toMatchObject({ id: SEED });
    expect(Object.keys(results[0] ?? {})).toEqual(['id', 'title', 'score', 'matches']);
    expect(results[0]?.matches).toContainEqual({
      field: 'text',
      snippet: expect.stringContaining('«négociations»'),
    });
  });

  it('filters by section and tag, and limits', async () => {
    expect(JSON.parse((await gazette('search', 'Boeing', '--section', 'sport', '--json')).out)).toEqual([]);
    const tagged = await gazette('tag', RYANAIR.slice(0, 6), '--add', 'aviation', '--add', 'deals', '--json');
    expect(JSON.parse(tagged.out)).toEqual({ id: RYANAIR, tags: ['aviation', 'deals'] });
    const byTag = JSON.parse(
      (await gazette('search', 'deal', '--tag', 'aviation', '--json')).out,
    ) as Printed[];
    expect(byTag.map((result) => result.id)).toEqual([RYANAIR]);
    const removed = await gazette('tag', RYANAIR, '--remove', 'deals', '--json');
    expect(JSON.parse(removed.out)).toEqual({ id: RYANAIR, tags: ['aviation'] });
    const list = JSON.parse((await gazette('list', '--json')).out) as Array<{ id: string; tags: string[] }>;
    expect(list.find((entry) => entry.id === RYANAIR)?.tags).toEqual(['aviation']);
    expect(list.find((entry) => entry.id === SEED)?.tags).toEqual([]);
    expect(
      (JSON.parse((await gazette('search', 'said', '--limit', '2', '--json')).out) as Printed[]).length,
    ).toBe(2);
  });

  it('understands the search language, field terms and negation', async () => {
    const business = JSON.parse((await gazette('search', 'section:business', '--json')).out) as Printed[];
    expect(business.map((result) => result.id).sort()).toEqual(
      ['business/047.txt', 'business/001.txt'].map((file) => articleIdForSource(path.join(BBC, file))).sort(),
    );
    const notTagged = JSON.parse(
      (await gazette('search', 'section:business -tag:aviation', '--json')).out,
    ) as Printed[];
    expect(notTagged.map((result) => result.id)).not.toContain(RYANAIR);
    expect(notTagged.length).toBe(business.length - 1);
    const either = JSON.parse(
      (await gazette('search', 'Ryanair OR negociations', '--json')).out,
    ) as Printed[];
    expect(either.map((result) => result.id).sort()).toEqual([RYANAIR, SEED].sort());
    // An old flag and its field term give the same answer.
    expect((await gazette('search', 'said', '--section', 'business', '--json')).out).toBe(
      (await gazette('search', 'said section:business', '--json')).out,
    );
  });

  it('says on stderr what it did not understand, and searches the rest', async () => {
    const run = await gazette('search', 'Ryanair published:>yesterday', '--json');
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/Not understood at 9 \("published:>yesterday"\)/);
    expect((JSON.parse(run.out) as Printed[]).map((result) => result.id)).toEqual([RYANAIR]);
  });

  it('prints plain text without --json', async () => {
    const run = await gazette('search', 'Ryanair');
    expect(run.out.split('\n')[0]).toContain(RYANAIR);
    expect(run.out).toContain('«Ryanair»');
  });

  it('reports usage errors', async () => {
    expect((await gazette('search', 'x', '--limit', 'lots')).code).toBe(2);
    expect((await gazette('search')).code).toBe(2);
    expect((await gazette('tag', RYANAIR, '--add', '1234')).code).toBe(2);
    expect((await gazette('list', '--tag', 'x')).code).toBe(2);
  });
});
