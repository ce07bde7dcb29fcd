/**
 * The daily review on real articles (the French seed and a BBC article, copied to a temporary
 * folder) through the app's handlers and the review service: grades kept durably in
 * user/review.json across a restart, across a re-import that moves the highlights, and across a
 * backup's export and restore; a damaged file reported and kept.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleText } from '../../core/annotations/article-text';
import type { GazetteMethod, MethodResults } from '../../core/ipc/contract';
import { dispatch } from '../../core/ipc/dispatch';
import { AnnotationStore } from '../annotations';
import { createGazetteHandlers } from '../gazette-handlers';
import { articleIdForSource, LibraryStore } from '../store';
import { TagStore } from '../tags';
import { exportReviewState, restoreReviewState } from './review-backup';
import { ReviewService } from './review-service';
import { ReviewStore } from './review-store';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SEED = path.join(ROOT, 'seeds', '000_fa55918c37a99e94.txt');
const BBC = path.join(ROOT, 'tests', 'fixtures', 'bbc-news', 'business', '001.txt');

let root: string;
let dataDir: string;
let store: LibraryStore;
let handlers: ReturnType<typeof createGazetteHandlers>;
let seedFile: string;
let seedId: string;
let bbcId: string;

async function openApp(dir = dataDir): Promise<void> {
  store = await LibraryStore.open(dir);
  handlers = createGazetteHandlers({ store, choosePaths: async () => null, onImportProgress: () => {} });
}

async function call<M extends GazetteMethod>(method: M, payload: unknown) {
  return dispatch(handlers, method, payload) as Promise<
    { ok: true; value: MethodResults[M] } | { ok: false; error: { code: string; message: string } }
  >;
}

async function ok<M extends GazetteMethod>(method: M, payload: unknown): Promise<MethodResults[M]> {
  const envelope = await call(method, payload);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

async function highlight(id: string, words: string, note = ''): Promise<string> {
  const text = articleText((await ok('getArticle', { id })).blocks).text;
  const start = text.indexOf(words);
  expect(start, `"${words}" is in the article`).toBeGreaterThanOrEqual(0);
  return (await ok('addHighlight', { id, start, end: start + words.length, note })).id;
}

/** A review service over the open store with a fixed clock. */
async function serviceAt(now: Date): Promise<ReviewService> {
  return new ReviewService({
    store,
    annotations: await AnnotationStore.open(store),
    tags: await TagStore.open(store),
    reviews: await ReviewStore.open(store),
    now: () => now,
  });
}

const reviewFile = (): string => path.join(dataDir, 'user', 'review.json');

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gazette-review-'));
  dataDir = path.join(root, 'data');
  await mkdir(path.join(root, 'news', 'seeds'), { recursive: true });
  await mkdir(path.join(root, 'news', 'business'), { recursive: true });
  seedFile = path.join(root, 'news', 'seeds', path.basename(SEED));
  await copyFile(SEED, seedFile);
  await copyFile(BBC, path.join(root, 'news', 'business', '001.txt'));
  await openApp();
  expect(await ok('importPaths', { paths: [path.join(root, 'news')] })).toMatchObject({ imported: 2 });
  seedId = articleIdForSource(seedFile);
  bbcId = articleIdForSource(path.join(root, 'news', 'business', '001.txt'));
});
afterEach(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

describe('the daily review through the handlers', () => {
  it('shows new highlights and notes, keeps grades on disk, and survives a restart', async () => {
    expect((await ok('reviewSession', {})).items).toEqual([]);
    const h1 = await highlight(seedId, 'Nous avançons étape par étape vers une configuration', 'Le cœur.');
    const h2 = await highlight(bbcId, 'the', '');
    const note = (await ok('addNote', { id: seedId, text: 'Relire la partie sur les *négociations*.' })).id;

    const session = await ok('reviewSession', {});
    expect(session.items.map((item) => item.annotationId).sort()).toEqual([h1, h2, note].sort());
    const first = session.items.find((item) => item.annotationId === h1)!;
    expect(first).toMatchObject({
      kind: 'highlight',
      quote: 'Nous avançons étape par étape vers une configuration',
      note: 'Le cœur.',
      isNew: true,
      article: { id: seedId, language: 'fr' },
    });
    expect(session.items.find((item) => item.annotationId === note)).toMatchObject({
      kind: 'note',
      note: 'Relire la partie sur les *négociations*.',
    });

    const graded = await ok('gradeReview', { annotationId: h1, rating: 'good' });
    expect(new Date(graded.record.card.due).getTime()).toBeGreaterThan(Date.now() + 24 * 3600 * 1000);
    await ok('retireReview', { annotationId: note, retired: true });
    const onDisk = JSON.parse(await readFile(reviewFile(), 'utf8'));
    expect(onDisk.schemaVersion).toBe(1);
    expect(onDisk.records[h1].history).toHaveLength(1);
    expect(onDisk.records[note].retiredAt).toBeDefined();

    // A restart: a new process reads the same file.
    await store.close();
    await openApp();
    const after = await ok('reviewSession', {});
    expect(after.items.map((item) => item.annotationId)).toEqual([h2]);
    expect(after.reviewedToday).toBe(1);
  });

  it('refuses bad input and unknown ids with clear messages', async () => {
    const bad = await call('gradeReview', { annotationId: 'x1', rating: 'perfect' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    const unknown = await call('gradeReview', { annotationId: 'nope', rating: 'good' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UnknownReviewItemError' } });
    const both = await call('setReviewFrequency', { articleId: seedId, tag: 'x', frequency: 'more' });
    expect(both).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  });

  it('leaves out articles and tags set to never, and brings them back at normal', async () => {
    const h1 = await highlight(seedId, 'Nous avançons étape par étape');
    const h2 = await highlight(bbcId, 'the');
    await ok('setTags', { id: bbcId, add: ['Economy'] });
    await ok('setReviewFrequency', { tag: 'economy', frequency: 'never' });
    expect((await ok('reviewSession', {})).items.map((item) => item.annotationId)).toEqual([h1]);
    await ok('setReviewFrequency', { articleId: seedId, frequency: 'never' });
    expect((await ok('reviewSession', {})).items).toEqual([]);
    await ok('setReviewFrequency', { tag: 'economy', frequency: 'normal' });
    expect((await ok('reviewSession', {})).items.map((item) => item.annotationId)).toEqual([h2]);
  });

  it('keeps a highlight’s grades when its article is imported again with new text', async () => {
    const words = 'Nous avançons étape par étape vers une configuration';
    const h1 = await highlight(seedId, words);
    await ok('gradeReview', { annotationId: h1, rating: 'easy' });
    const original = await readFile(seedFile, 'utf8');
    await writeFile(
      seedFile,
      original.replace('cette information.\n', 'cette information.\n\nUn paragraphe ajouté en tête.\n'),
    );
    expect(await ok('importPaths', { paths: [seedFile] })).toMatchObject({ updated: 1 });
    const moved = (await ok('listAnnotations', { id: seedId })).highlights.find((h) => h.id === h1)!;
    expect(moved.anchor.status).toBe('moved');
    // Twenty days later it is due again, with its history, and shows its words at their new place.
    const later = await serviceAt(new Date(Date.now() + 20 * 24 * 3600 * 1000));
    const session = await later.session();
    const item = session.items.find((entry) => entry.annotationId === h1);
    expect(item).toMatchObject({ isNew: false, reps: 1, quote: words });
  });

  it('reports a damaged review file, keeps it as it is, and the rest of the app works', async () => {
    await highlight(seedId, 'Nous avançons');
    await mkdir(path.dirname(reviewFile()), { recursive: true });
    await writeFile(reviewFile(), '{"schemaVersion":1,"records":{"x":');
    const failed = await call('reviewSession', {});
    expect(failed).toMatchObject({ ok: false, error: { code: 'StoreCorruptError' } });
    expect(!failed.ok && failed.error.message).toContain('review.json');
    expect(await readFile(reviewFile(), 'utf8')).toBe('{"schemaVersion":1,"records":{"x":');
    expect((await ok('listAnnotations', { id: seedId })).highlights).toHaveLength(1);
  });
});

describe('the review state in backups', () => {
  it('exports it and merges it into another library, never rolling grades back', async () => {
    const h1 = await highlight(seedId, 'Nous avançons étape par étape');
    await ok('gradeReview', { annotationId: h1, rating: 'good' });
    await ok('setReviewFrequency', { tag: 'brexit', frequency: 'fewer' });
    const exported = await exportReviewState(store);
    expect(Object.keys(exported.records)).toEqual([h1]);
    // Through JSON, as a backup file carries it.
    const carried: unknown = JSON.parse(JSON.stringify(exported));

    const other = path.join(root, 'other');
    await store.close();
    await openApp(other);
    expect(await restoreReviewState(store, carried)).toEqual({ records: 1 });
    expect((await exportReviewState(store)).records[h1]?.history).toHaveLength(1);
    expect((await exportReviewState(store)).frequencies.tags).toEqual({ brexit: 'fewer' });
    // A second restore changes nothing; an older state (fewer grades) does not replace a newer one.
    expect(await restoreReviewState(store, carried)).toEqual({ records: 0 });
    const older = structuredClone(exported);
    older.records[h1]!.history = [];
    expect(await restoreReviewState(store, older)).toEqual({ records: 0 });

    await expect(
      restoreReviewState(store, { schemaVersion: 1, records: { [h1]: { card: 1 } } }),
    ).rejects.toThrow(/not valid.*nothing was restored/);
    expect((await exportReviewState(store)).records[h1]?.history).toHaveLength(1);
  });
});
