/**
 * Highlights follow their words when an article is imported again with changed text, on real
 * articles (the French seed and a BBC article) copied to a temporary folder and edited there, through
 * the app's handlers: a paragraph inserted before a highlight (moved, same words), words edited
 * inside one (moved, found fuzzily), the highlighted paragraph removed (detached, kept with its
 * quote and note).
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Highlight } from '../../core/annotations/model';
import { articleText } from '../../core/annotations/article-text';
import type { GazetteMethod, MethodResults } from '../../core/ipc/contract';
import { dispatch } from '../../core/ipc/dispatch';
import { createGazetteHandlers } from '../gazette-handlers';
import { importIntoLibrary } from '../library/import-into-library';
import { articleIdForSource, LibraryStore } from '../store';
import { annotationFilePath } from './annotation-file';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SEED = path.join(ROOT, 'seeds', '000_fa55918c37a99e94.txt');
const BBC = path.join(ROOT, 'tests', 'fixtures', 'bbc-news', 'business', '001.txt');

let root: string;
let dataDir: string;
let store: LibraryStore;
let handlers: ReturnType<typeof createGazetteHandlers>;

async function openApp(): Promise<void> {
  store = await LibraryStore.open(dataDir);
  handlers = createGazetteHandlers({ store, choosePaths: async () => null, onImportProgress: () => {} });
}

async function ok<M extends GazetteMethod>(method: M, payload: unknown): Promise<MethodResults[M]> {
  const envelope = await dispatch(handlers, method, payload);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as MethodResults[M];
}

async function bodyText(id: string): Promise<string> {
  return articleText((await ok('getArticle', { id })).blocks).text;
}

/** Highlights `words` (their first occurrence) in article `id`. */
async function highlight(id: string, words: string, note = ''): Promise<Highlight> {
  const start = (await bodyText(id)).indexOf(words);
  expect(start, `"${words}" is in the article`).toBeGreaterThanOrEqual(0);
  return ok('addHighlight', { id, start, end: start + words.length, note });
}

/** The highlight `id` of the article as listed now, with the words it covers in the current text. */
async function current(
  articleId: string,
  id: string,
): Promise<{ highlight: Highlight; words: string | null }> {
  const listed = (await ok('listAnnotations', { id: articleId })).highlights.find((h) => h.id === id);
  if (!listed) throw new Error(`highlight ${id} is gone`);
  const text = await bodyText(articleId);
  const { anchor } = listed;
  return {
    highlight: listed,
    words: anchor.status === 'detached' ? null : text.slice(anchor.start, anchor.end),
  };
}

/** Rewrites the copy of the article file and imports it again; expects one update. */
async function reimport(file: string, edit: (text: string) => string): Promise<void> {
  const before = await readFile(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  await writeFile(file, after);
  expect(await ok('importPaths', { paths: [file] })).toMatchObject({ updated: 1, failed: [] });
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gazette-reanchor-'));
  dataDir = path.join(root, 'data');
  await mkdir(path.join(root, 'news', 'seeds'), { recursive: true });
  await mkdir(path.join(root, 'news', 'business'), { recursive: true });
  await copyFile(SEED, path.join(root, 'news', 'seeds', path.basename(SEED)));
  await copyFile(BBC, path.join(root, 'news', 'business', '001.txt'));
  await openApp();
  expect(await ok('importPaths', { paths: [path.join(root, 'news')] })).toMatchObject({ imported: 2 });
});
afterEach(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

describe('re-anchoring on re-import, the French seed edited three times', () => {
  const P1 = 'Nous avançons étape par étape vers une configuration';
  const P2 = 'la plus importante depuis le début du conflit en 2011';
  const P3 = 'cette fenêtre de trois heures ne serait « pas suffisante »';
  const INSERTED = 'Un paragraphe ajouté en tête par la rédaction, avant tout le reste de l’article.';

  it('moves, follows edits, detaches, and saves every status with the new text', async () => {
    const file = path.join(root, 'news', 'seeds', path.basename(SEED));
    const id = articleIdForSource(file);
    const h1 = await highlight(id, P1);
    const h2 = await highlight(id, P2, 'Depuis 2011.');
    const h3 = await highlight(id, P3, 'À vérifier.');

    // 1. A paragraph inserted after the lede, before every highlight: each moves by its length.
    await reimport(file, (text) =>
      text.replace('cette information.\n', `cette information.\n\n${INSERTED}\n`),
    );
    const shift = INSERTED.length + 2;
    for (const [made, words] of [
      [h1, P1],
      [h2, P2],
      [h3, P3],
    ] as const) {
      const { highlight: now, words: covered } = await current(id, made.id);
      expect(now.anchor).toEqual({
        status: 'moved',
        start: made.selectors[1].start + shift,
        end: made.selectors[1].end + shift,
      });
      expect(covered).toBe(words);
      expect(now.selectors).toEqual(made.selectors); // the words the reader chose are kept
    }

    // 2. Words edited inside the second highlight: found fuzzily, on the edited words.
    await reimport(file, (text) => text.replace('la plus importante depuis', 'la plus meurtrière depuis'));
    const edited = await current(id, h2.id);
    expect(edited.highlight.anchor.status).toBe('moved');
    expect(edited.words).toBe('la plus meurtrière depuis le début du conflit en 2011');
    expect(edited.highlight.note).toBe('Depuis 2011.');
    expect((await current(id, h1.id)).words).toBe(P1);

    // 3. The third highlight's paragraph removed: detached, kept with its quote and note.
    await reimport(file, (text) => text.replace(/\nLe chef de la diplomatie russe[^\n]*\n/, '\n'));
    const gone = await current(id, h3.id);
    expect(gone.highlight.anchor).toEqual({ status: 'detached' });
    expect(gone.highlight.selectors[0].exact).toBe(P3);
    expect(gone.highlight.note).toBe('À vérifier.');
    expect((await ok('listArticles', {})).find((entry) => entry.id === id)).toMatchObject({ highlights: 3 });

    // Saved by the import itself: the file names the new text and holds the new statuses.
    const onDisk = JSON.parse(await readFile(annotationFilePath(dataDir, id), 'utf8'));
    expect(onDisk.anchoredTo).toBe(store.get(id)?.fingerprint);
    expect(onDisk.highlights.map((saved: Highlight) => saved.anchor.status)).toEqual([
      'moved',
      'moved',
      'detached',
    ]);
  });
});

describe('re-anchoring on re-import, a BBC article edited in three places at once', () => {
  const A = 'Time Warner said on Friday that it now owns 8% of search-engine Google';
  const B = 'But its film division saw profits slump 27% to $284m';
  const C = 'It has already offered to pay $300m to settle charges';

  it('handles the three changes in one import, and re-attaches a highlight when its words come back', async () => {
    const file = path.join(root, 'news', 'business', '001.txt');
    const id = articleIdForSource(file);
    const original = await readFile(file, 'utf8');
    const [a, b, c] = [await highlight(id, A), await highlight(id, B), await highlight(id, C, 'Settlement')];

    await reimport(file, (text) =>
      text
        .replace('from $639m year-earlier.\n', 'from $639m year-earlier.\n\nAnalysts had expected less.\n')
        .replace('saw profits slump 27%', 'saw its profits slide 27%')
        .replace(/\nTimeWarner is to restate its accounts[^\n]*\n/, '\n'),
    );
    const [nowA, nowB, nowC] = [await current(id, a.id), await current(id, b.id), await current(id, c.id)];
    expect(nowA.highlight.anchor.status).toBe('moved');
    expect(nowA.words).toBe(A);
    expect(nowB.highlight.anchor.status).toBe('moved');
    expect(nowB.words).toBe('But its film division saw its profits slide 27% to $284m');
    expect(nowC.highlight.anchor).toEqual({ status: 'detached' });
    expect(nowC.highlight.note).toBe('Settlement');

    // The file as it was: every highlight is back where it was made.
    await reimport(file, () => original);
    for (const made of [a, b, c]) expect((await current(id, made.id)).highlight.anchor).toEqual(made.anchor);
  });

  it('anchors again when the annotations are read, if the import could not (no hook, or a crash)', async () => {
    const file = path.join(root, 'news', 'business', '001.txt');
    const id = articleIdForSource(file);
    const made = await highlight(id, A);
    await writeFile(
      file,
      `${(await readFile(file, 'utf8')).replace('\n\n', '\n\nA new first paragraph.\n\n')}`,
    );
    // The importer alone, as if the process died between the commit and the re-anchoring.
    await importIntoLibrary(store, [file]);
    const stale = JSON.parse(await readFile(annotationFilePath(dataDir, id), 'utf8'));
    expect(stale.anchoredTo).not.toBe(store.get(id)?.fingerprint);

    await store.close();
    await openApp();
    const { highlight: now, words } = await current(id, made.id);
    expect(now.anchor.status).toBe('moved');
    expect(words).toBe(A);
    const saved = JSON.parse(await readFile(annotationFilePath(dataDir, id), 'utf8'));
    expect(saved.anchoredTo).toBe(store.get(id)?.fingerprint);
  });
});
