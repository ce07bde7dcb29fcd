/** `gazette review` and `gazette review grade`, in-process, on a real data folder (the seed and a BBC article). */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewSession } from '../core/review/model';
import { articleIdForSource } from '../node/store';
import { runGazette } from './testing/run-gazette';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BBC = path.join(ROOT, 'tests/fixtures/bbc-news', 'business', '047.txt');
const SEED = articleIdForSource(path.join(ROOT, 'seeds', '000_fa55918c37a99e94.txt'));

let dataDir: string;
const gazette = (...argv: string[]) => runGazette(dataDir, ...argv);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-cli-review-'));
  expect((await gazette('import', path.join(ROOT, 'seeds'), BBC, '--json')).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('gazette review', () => {
  it('says there is nothing to review in a library without highlights', async () => {
    const run = await gazette('review');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Nothing to review today/);
  });

  it('lists what is due as JSON, grades from scripts with a short id, and keeps the grade', async () => {
    expect(
      (await gazette('highlight', SEED, '--text', 'Nous avançons étape par étape', '--note', 'Clé.')).code,
    ).toBe(0);
    expect((await gazette('note', SEED, '--text', 'À relire demain.')).code).toBe(0);
    const listed = await gazette('review', '--json');
    expect(listed.code).toBe(0);
    const session = JSON.parse(listed.out) as ReviewSession;
    expect(session.items.map((item) => item.kind).sort()).toEqual(['highlight', 'note']);
    const highlight = session.items.find((item) => item.kind === 'highlight')!;
    expect(highlight).toMatchObject({ quote: 'Nous avançons étape par étape', note: 'Clé.', isNew: true });

    const graded = await gazette('review', 'grade', highlight.annotationId.slice(0, 8), 'good', '--json');
    expect(graded.code).toBe(0);
    const result = JSON.parse(graded.out) as {
      annotationId: string;
      rating: string;
      due: string;
      reps: number;
    };
    expect(result).toMatchObject({ annotationId: highlight.annotationId, rating: 'good', reps: 1 });
    expect(new Date(result.due).getTime()).toBeGreaterThan(Date.now() + 24 * 3600 * 1000);

    const file = JSON.parse(await readFile(path.join(dataDir, 'user', 'review.json'), 'utf8'));
    expect(file.records[highlight.annotationId].history[0].rating).toBe('good');
    const after = JSON.parse((await gazette('review', '--json')).out) as ReviewSession;
    expect(after.items.map((item) => item.kind)).toEqual(['note']);
    expect(after.reviewedToday).toBe(1);
    const text = await gazette('review');
    expect(text.out).toMatch(/1 to review today \(1 done\)/);
  });

  it('refuses a bad rating or an unknown id with the usage exit code', async () => {
    expect((await gazette('review', 'grade', 'abc', 'perfect')).code).toBe(2);
    const unknown = await gazette('review', 'grade', 'zzzzzz', 'good');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no highlight or note with id "zzzzzz"/);
    expect((await gazette('review', 'shuffle')).code).toBe(2);
  });
});
