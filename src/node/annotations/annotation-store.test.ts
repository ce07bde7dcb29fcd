/**
 * The annotation service on real files in a temporary data folder: saves, undo, counts, what a
 * save writes, damaged files, forgetting, merging.
 */
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleText } from '../../core/annotations/article-text';
import type { Highlight } from '../../core/annotations/model';
import { LibraryStore, StoreCorruptError, StoreReadOnlyError, UnknownArticleError } from '../store';
import { makeArticle } from '../store/testing/articles';
import { annotationFilePath } from './annotation-file';
import { COUNTS_FILE, COUNTS_LOG_FILE } from './annotation-counts';
import { AnnotationStore } from './annotation-store';
import { InvalidAnnotationError, UnknownAnnotationError } from './errors';
import { listNotebook } from './notebook';

const ARTICLES = [makeArticle(1), makeArticle(2), makeArticle(3)];
const [A, B, C] = ARTICLES.map((article) => article.id) as [string, string, string];
const textOf = (n: number): string => articleText(ARTICLES[n]!.blocks).text;

let dataDir: string;
let store: LibraryStore;
let ticks = 0;
const clock = () => new Date(Date.UTC(2024, 5, 1, 12, 0, ticks++));
let ids = 0;
const newId = () => `id-${String(++ids).padStart(4, '0')}`;

async function openAll(options: { readOnly?: boolean } = {}): Promise<AnnotationStore> {
  store = await LibraryStore.open(dataDir, options);
  return AnnotationStore.open(store, { now: clock, newId });
}
async function reopen(options: { readOnly?: boolean } = {}): Promise<AnnotationStore> {
  await store.close();
  return openAll(options);
}
const countsFile = () => path.join(dataDir, 'user', COUNTS_FILE);
const journalFile = () => path.join(dataDir, 'user', COUNTS_LOG_FILE);
const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'));

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-annotations-'));
  store = await LibraryStore.open(dataDir);
  await store.commit({ added: ARTICLES, updated: [] });
  await store.close();
  ticks = 0;
  ids = 0;
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('AnnotationStore', () => {
  it('saves a highlight with selectors made from the text, and gives it back after a reopen', async () => {
    const annotations = await openAll();
    const text = textOf(0);
    const start = text.indexOf('word');
    const highlight = await annotations.addHighlight(A, {
      start,
      end: start + 20,
      color: 'green',
      note: 'why',
    });
    expect(highlight).toEqual({
      id: 'id-0001',
      articleId: A,
      color: 'green',
      note: 'why',
      createdAt: '2024-06-01T12:00:00.000Z',
      updatedAt: '2024-06-01T12:00:00.000Z',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: text.slice(start, start + 20),
          prefix: text.slice(start - 32, start),
          suffix: text.slice(start + 20, start + 52),
        },
        { type: 'TextPositionSelector', start, end: start + 20 },
      ],
      anchor: { status: 'anchored', start, end: start + 20 },
    });
    const note = await annotations.addNote(A, 'A *personal* note');
    expect(annotations.counts(A)).toEqual({ highlights: 1, notes: 1 });

    const again = await reopen();
    expect(await again.list(A)).toEqual({ articleId: A, highlights: [highlight], notes: [note] });
    expect(again.counts(A)).toEqual({ highlights: 1, notes: 1 });
    expect(again.counts(B)).toEqual({ highlights: 0, notes: 0 });
    expect(again.annotatedIds()).toEqual([A]);
    expect(await readJson(annotationFilePath(dataDir, A))).toMatchObject({
      schemaVersion: 2,
      articleId: A,
      anchoredTo: ARTICLES[0]!.fingerprint,
    });
  });

  it('leaves white space at either end out, spans several paragraphs, and lists in reading order', async () => {
    const annotations = await openAll();
    const text = textOf(0);
    const boundary = text.indexOf('\n\n', 100);
    const late = await annotations.addHighlight(A, { start: boundary - 10, end: boundary + 12 });
    expect(late.selectors[0].exact).toContain('\n\n');
    const early = await annotations.addHighlight(A, { start: 0, end: 8 });
    const trimmed = await annotations.addHighlight(A, { start: boundary, end: boundary + 6 });
    expect(trimmed.anchor).toEqual({ status: 'anchored', start: boundary + 2, end: boundary + 6 });
    expect(trimmed.selectors[0].exact).toBe('word');
    expect((await annotations.list(A)).highlights.map((highlight) => highlight.id)).toEqual([
      early.id,
      late.id,
      trimmed.id,
    ]);
  });

  it('refuses ranges outside the text or of white space only, unknown articles and long notes, writing nothing', async () => {
    const annotations = await openAll();
    const length = textOf(0).length;
    const boundary = textOf(0).indexOf('\n\n');
    await expect(annotations.addHighlight(A, { start: 5, end: length + 1 })).rejects.toThrow(
      new RegExp(`not a range of the article's text \\(0–${length}\\)`),
    );
    await expect(annotations.addHighlight(A, { start: boundary, end: boundary + 2 })).rejects.toBeInstanceOf(
      InvalidAnnotationError,
    );
    await expect(annotations.addHighlight('aaaaaaaaaaaa', { start: 0, end: 3 })).rejects.toBeInstanceOf(
      UnknownArticleError,
    );
    await expect(annotations.addNote(A, 'x'.repeat(20_001))).rejects.toThrow(/at most 20000/);
    await expect(annotations.updateNote(A, 'nope', 'x')).rejects.toBeInstanceOf(UnknownAnnotationError);
    await expect(stat(path.join(dataDir, 'user'))).rejects.toThrow(/ENOENT/);
  });

  it('updates colour and notes, and deletes and restores with the same id (undo)', async () => {
    const annotations = await openAll();
    const highlight = await annotations.addHighlight(B, { start: 0, end: 12 });
    const recoloured = await annotations.updateHighlight(B, highlight.id, { color: 'blue', note: 'n' });
    expect(recoloured).toMatchObject({ color: 'blue', note: 'n', createdAt: highlight.createdAt });
    expect(recoloured.updatedAt > highlight.updatedAt).toBe(true);
    // No change, no write, no new time.
    expect(await annotations.updateHighlight(B, highlight.id, { color: 'blue' })).toEqual(recoloured);

    const note = await annotations.addNote(B, 'first');
    const edited = await annotations.updateNote(B, note.id, 'first, edited');
    expect(edited).toMatchObject({ id: note.id, text: 'first, edited', createdAt: note.createdAt });

    const deleted = await annotations.deleteHighlight(B, highlight.id);
    expect(deleted).toEqual(recoloured);
    const deletedNote = await annotations.deleteNote(B, note.id);
    expect(await annotations.list(B)).toEqual({ articleId: B, highlights: [], notes: [] });
    // Nothing left: the article's file is gone, and so is its entry in the counts.
    await expect(stat(annotationFilePath(dataDir, B))).rejects.toThrow(/ENOENT/);
    expect(annotations.annotatedIds()).toEqual([]);

    expect(await annotations.restoreHighlight(B, deleted)).toEqual(deleted);
    expect(await annotations.restoreNote(B, deletedNote)).toEqual(deletedNote);
    // Restoring again keeps the one there (same id, same time): no duplicate.
    await annotations.restoreHighlight(B, deleted);
    const again = await reopen();
    expect(await again.list(B)).toEqual({ articleId: B, highlights: [deleted], notes: [deletedNote] });
    await expect(again.restoreHighlight(C, deleted)).rejects.toThrow(/belongs to article/);
  });

  it('writes the same bytes per save however many articles are annotated: the file, and a short journal line for a new count', async () => {
    const annotations = await openAll();
    const highlight = await annotations.addHighlight(A, { start: 0, end: 10 });
    const snapshot = await readFile(countsFile(), 'utf8');
    const journal = async () => (await stat(journalFile())).size;
    const sizes: number[] = [];
    const before = await journal();
    for (let n = 0; n < 5; n += 1) {
      await annotations.updateHighlight(A, highlight.id, { note: `note version ${n}` });
      sizes.push((await stat(annotationFilePath(dataDir, A))).size);
    }
    expect(new Set(sizes).size).toBe(1);
    // Editing a note changes no count: neither counts file was written.
    expect(await journal()).toBe(before);
    for (const id of [B, C]) {
      const start = await journal();
      await annotations.addNote(id, 'n');
      expect((await journal()) - start).toBe(`{"${id}":[0,1]}\n`.length);
    }
    expect(await readFile(countsFile(), 'utf8')).toBe(snapshot);
  });

  it('re-counts the article a crash caught between its journal line and its file', async () => {
    const annotations = await openAll();
    await annotations.addHighlight(A, { start: 0, end: 10 });
    await annotations.addNote(C, 'kept');
    await store.close();
    // As if killed after the journal line of a second highlight was on disk, before A's file.
    await appendFile(journalFile(), `{"${A}":[2,0]}\n`);
    const again = await openAll();
    expect(again.counts(A)).toEqual({ highlights: 1, notes: 0 });
    expect(again.counts(C)).toEqual({ highlights: 0, notes: 1 });
    // Put right on disk too: a new snapshot and a fresh journal.
    const snapshot = (await readJson(countsFile())) as { generation: number; counts: unknown };
    expect(snapshot.counts).toEqual({ [A]: [1, 0], [C]: [0, 1] });
    expect(await readFile(journalFile(), 'utf8')).toBe(`{"generation":${snapshot.generation}}\n`);
  });

  it('drops a journal line a kill cut short, and recounts after a compaction cut short', async () => {
    const annotations = await openAll();
    await annotations.addHighlight(A, { start: 0, end: 10 });
    await annotations.addNote(B, 'n');
    await store.close();
    await appendFile(journalFile(), `{"${B}":[0,`);
    expect((await openAll()).counts(B)).toEqual({ highlights: 0, notes: 1 });
    expect(await readFile(journalFile(), 'utf8')).not.toContain('[0,\n');
    await store.close();

    // A snapshot one generation ahead of its journal: killed between the two writes of a compaction.
    const snapshot = (await readJson(countsFile())) as {
      generation: number;
      counts: Record<string, unknown>;
    };
    await writeFile(
      countsFile(),
      JSON.stringify({ ...snapshot, generation: snapshot.generation + 1, counts: {} }),
    );
    const recounted = await openAll();
    expect(recounted.counts(A)).toEqual({ highlights: 1, notes: 0 });
    expect(recounted.counts(B)).toEqual({ highlights: 0, notes: 1 });
  });

  it('folds a long journal into the snapshot when it opens', async () => {
    const annotations = await openAll();
    await annotations.addNote(A, 'n');
    await store.close();
    await appendFile(journalFile(), `{"${A}":[0,1]}\n`.repeat(1_001));
    const { generation } = (await readJson(countsFile())) as { generation: number };
    const again = await openAll();
    expect(again.counts(A)).toEqual({ highlights: 0, notes: 1 });
    expect(await readJson(countsFile())).toEqual({
      schemaVersion: 1,
      generation: generation + 1,
      counts: { [A]: [0, 1] },
    });
    expect(await readFile(journalFile(), 'utf8')).toBe(`{"generation":${generation + 1}}\n`);
  });

  it('rebuilds a missing counts file, and keeps a damaged one, counting from the files in memory', async () => {
    const annotations = await openAll();
    await annotations.addHighlight(A, { start: 0, end: 10 });
    await annotations.addHighlight(B, { start: 0, end: 10 });
    await annotations.addNote(B, 'n');
    await store.close();

    await rm(countsFile());
    const rebuilt = await openAll();
    expect(rebuilt.counts(B)).toEqual({ highlights: 1, notes: 1 });
    expect(await readJson(countsFile())).toMatchObject({ counts: { [A]: [1, 0], [B]: [1, 1] } });

    await store.close();
    await writeFile(countsFile(), '{"schemaVersion":1,"counts":');
    const journalBefore = await readFile(journalFile(), 'utf8');
    const withDamage = await openAll();
    expect(withDamage.countsIndex.problem).toBeInstanceOf(StoreCorruptError);
    expect(withDamage.counts(A)).toEqual({ highlights: 1, notes: 0 });
    await withDamage.addNote(A, 'still saved');
    expect(withDamage.counts(A)).toEqual({ highlights: 1, notes: 1 });
    expect(await readFile(countsFile(), 'utf8')).toBe('{"schemaVersion":1,"counts":');
    expect(await readFile(journalFile(), 'utf8')).toBe(journalBefore);
    expect((await withDamage.list(A)).notes).toHaveLength(1);
  });

  it('reports a damaged annotation file, keeps it, and goes on with the other articles', async () => {
    const annotations = await openAll();
    await annotations.addHighlight(A, { start: 0, end: 10 });
    await annotations.addNote(B, 'fine');
    await store.close();
    const damaged = '{ "schemaVersion": 1, "articleId": ';
    await writeFile(annotationFilePath(dataDir, A), damaged);
    const again = await openAll();
    await expect(again.list(A)).rejects.toThrow(/annotation file .*\.json is damaged .* left as it is/);
    await expect(again.addNote(A, 'x')).rejects.toBeInstanceOf(StoreCorruptError);
    expect(await readFile(annotationFilePath(dataDir, A), 'utf8')).toBe(damaged);
    const all = await again.readAll();
    expect(all.articles.map((article) => article.articleId)).toEqual([B]);
    expect(all.damaged.map((entry) => entry.id)).toEqual([A]);

    // Another article's file under this article's name is damaged too.
    await store.close();
    const other = JSON.parse(await readFile(annotationFilePath(dataDir, B), 'utf8'));
    await writeFile(annotationFilePath(dataDir, C), JSON.stringify(other));
    await expect((await openAll()).list(C)).rejects.toThrow(/annotations of an article other than/);
  });

  it('reads but never writes when the library is open read-only', async () => {
    const annotations = await openAll();
    await annotations.addNote(A, 'n');
    const readOnly = await reopen({ readOnly: true });
    expect((await readOnly.list(A)).notes).toHaveLength(1);
    await expect(readOnly.addNote(A, 'm')).rejects.toBeInstanceOf(StoreReadOnlyError);
    await expect(readOnly.forget([A])).rejects.toThrow(/read-only/);
  });

  it('forgets the annotations of articles: their files and counts go', async () => {
    const annotations = await openAll();
    await annotations.addHighlight(A, { start: 0, end: 10 });
    await annotations.addNote(B, 'n');
    expect(await annotations.forget([A, C, A])).toEqual([A]);
    expect(await readdir(path.dirname(annotationFilePath(dataDir, A)))).toEqual([`${B}.json`]);
    expect((await reopen()).annotatedIds()).toEqual([B]);
  });

  it('merges annotations by id, never replacing the reader’s words, and changes nothing the second time', async () => {
    const annotations = await openAll();
    const mine = await annotations.addHighlight(A, { start: 0, end: 10, note: 'mine' });
    const myNote = await annotations.addNote(A, 'my own words');
    // The backup's versions are dated 2099: the date does not let them replace the reader's text.
    const later = '2099-01-01T00:00:00.000Z';
    const theirsOnMine: Highlight = { ...mine, note: 'from the backup', color: 'pink', updatedAt: later };
    const newer: Highlight = { ...mine, id: 'other', note: 'theirs', updatedAt: later };
    const theirNote = { ...myNote, text: 'the backup’s words', updatedAt: later };
    const note = { id: 'n1', articleId: A, text: 't', createdAt: mine.createdAt, updatedAt: mine.createdAt };
    expect(
      await annotations.merge(A, { highlights: [theirsOnMine, newer], notes: [note, theirNote] }),
    ).toEqual({ highlightsAdded: 1, highlightsUpdated: 0, notesAdded: 1, notesUpdated: 0, conflicts: 2 });
    const listed = await annotations.list(A);
    const kept = listed.highlights.find((highlight) => highlight.id === mine.id)!;
    expect(kept.note).toBe('mine');
    expect(kept.color).toBe(mine.color);
    expect(kept.conflicts).toEqual([
      { text: 'from the backup', from: 'backup', at: expect.any(String), updatedAt: later },
    ]);
    const keptNote = listed.notes.find((other) => other.id === myNote.id)!;
    expect(keptNote.text).toBe('my own words');
    expect(keptNote.conflicts?.map((conflict) => conflict.text)).toEqual(['the backup’s words']);
    expect(listed.highlights.map((highlight) => highlight.note).sort()).toEqual(['mine', 'theirs']);

    const before = await readFile(annotationFilePath(dataDir, A), 'utf8');
    expect(
      await annotations.merge(A, { highlights: [theirsOnMine, newer], notes: [note, theirNote] }),
    ).toEqual({ highlightsAdded: 0, highlightsUpdated: 0, notesAdded: 0, notesUpdated: 0, conflicts: 0 });
    expect(await readFile(annotationFilePath(dataDir, A), 'utf8')).toBe(before);
    // The conflicts survive a reopen (they are in the file).
    const again = await reopen();
    expect((await again.list(A)).notes.find((other) => other.id === myNote.id)?.conflicts).toHaveLength(1);
  });

  it('lists the notebook when one body pack is damaged: the damage stays with that article', async () => {
    const annotations = await openAll();
    const other = makeArticle(4);
    await store.commit({ added: [other], updated: [] }); // pack 2, alone
    const onA = await annotations.addHighlight(A, { start: 0, end: 12 });
    const onOther = await annotations.addHighlight(other.id, { start: 0, end: 12, note: 'kept' });
    await annotations.addNote(other.id, 'a note');
    // Pack 2 torn in the middle.
    const pack2 = path.join(dataDir, 'bodies', 'pack-000002.jsonl');
    const bytes = await readFile(pack2);
    await writeFile(pack2, bytes.subarray(0, 40));
    await expect(store.readBody(other.id)).rejects.toBeInstanceOf(StoreCorruptError);

    const entries = await listNotebook(store, annotations);
    const quotes = new Map(
      entries.flatMap((entry) =>
        entry.kind === 'highlight' ? [[entry.highlight.id, entry.quote] as const] : [],
      ),
    );
    expect(quotes.get(onA.id)).toBe(onA.selectors[0].exact);
    expect(textOf(0)).toContain(onA.selectors[0].exact);
    expect(quotes.get(onOther.id)).toBe(onOther.selectors[0].exact);
    expect(entries.filter((entry) => entry.kind === 'note')).toHaveLength(1);
  });

  it('removes the temporary files a killed writer left', async () => {
    await mkdir(path.join(dataDir, 'user', 'annotations'), { recursive: true });
    const leftover = path.join(dataDir, 'user', 'annotations', `.${A}.json.12345-1.tmp`);
    await writeFile(leftover, '{"half');
    await openAll();
    await expect(stat(leftover)).rejects.toThrow(/ENOENT/);
  });
});
