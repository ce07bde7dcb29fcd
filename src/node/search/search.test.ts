/**
 * Search on the real corpus: the French seed article and the 1,438-file BBC corpus, imported into
 * a data folder in os.tmpdir(), searched through the same handlers as the app's.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputSchemas, type MethodInput } from '../../core/ipc/contract';
import type { SearchIndexProgress, SearchResult } from '../../core/search/model';
import { AnnotationStore } from '../annotations';
import { createGazetteHandlers } from '../gazette-handlers';
import { articleIdForSource, LibraryStore } from '../store';
import { searchWorkerFromSources, workerBuilder } from './build-in-worker';
import { SEARCH_INDEX_VERSION } from './search-documents';
import { SearchIndex } from './search-index';
import { snapshotPath } from './search-snapshot';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/bbc-news', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../../seeds', import.meta.url));
const SEED_FILE = path.join(SEEDS, '000_fa55918c37a99e94.txt');
const bbc = (section: string, file: string): string => articleIdForSource(path.join(FIXTURES, section, file));
const SEED = articleIdForSource(SEED_FILE);

let root: string;
let store: LibraryStore;
let handlers: ReturnType<typeof createGazetteHandlers>;
const progress: SearchIndexProgress[] = [];

const search = (input: MethodInput<'search'>): Promise<SearchResult[]> =>
  handlers.search(inputSchemas.search.parse(input));
const ids = async (query: string, limit = 10): Promise<string[]> =>
  (await search({ query, limit })).map((result) => result.id);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gazette-search-'));
  store = await LibraryStore.open(path.join(root, 'data'));
  handlers = createGazetteHandlers({
    store,
    choosePaths: async () => null,
    onImportProgress: () => {},
    onSearchIndexProgress: (report) => progress.push(report),
    searchPersistDelayMs: 0,
  });
  await handlers.importPaths({ paths: [SEEDS, FIXTURES] });
}, 120_000);
afterAll(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

describe('a judged set of queries over the BBC corpus and the French seed', () => {
  // Each query names an article a reader would expect first: its subject, in the reader's words.
  const judged: Array<[query: string, expected: string, why: string]> = [
    ['Ryanair Boeing order', bbc('business', '047.txt'), '"Ryanair in $4bn Boeing plane deal"'],
    ['Dibaba world record', bbc('sport', '005.txt'), '"Dibaba breaks 5,000m world record"'],
    ['super casino', bbc('politics', '010.txt'), '"Crucial decision on super-casinos"'],
    ['maternity pay', bbc('politics', '001.txt'), '"Labour plans maternity pay rise"'],
    ['Time Warner profits', bbc('business', '001.txt'), '"Ad sales boost Time Warner profit"'],
    ['Metlife Citigroup', bbc('business', '088.txt'), '"Metlife buys up Citigroup insurer"'],
    ['cardinal Iraq war', bbc('politics', '060.txt'), '"Cardinal criticises Iraq war cost"'],
    ['Pernod Domecq takeover', bbc('business', '005.txt'), '"Pernod takeover talk lifts Domecq"'],
    ['Alep accord militaire', SEED, 'the French seed, "Alep : vers un accord militaire…"'],
    ['négociations Russie Washington', SEED, 'the French seed: the talks between Moscow and Washington'],
  ];
  for (const [query, expected, why] of judged) {
    it(`"${query}" finds ${why} first`, async () => {
      expect((await ids(query))[0]).toBe(expected);
    });
  }

  // Several articles fit these; the one a reader means should be in the top three.
  const ambiguous: Array<[query: string, expected: string, why: string]> = [
    ['Kenteris crash', bbc('sport', '047.txt'), '"Kenteris denies faking road crash"'],
    ['Greek sprinters suspended', bbc('sport', '033.txt'), '"Greek sprinters suspended by IAAF"'],
    ['school diploma', bbc('politics', '020.txt'), '"Concerns at school diploma plan"'],
    // Three articles follow the same $280bn case against the tobacco firms (business 010, 104, 291).
    ['tobacco lawsuit', bbc('business', '010.txt'), '"Court rejects $280bn tobacco case"'],
  ];
  for (const [query, expected, why] of ambiguous) {
    it(`"${query}" finds ${why} in the top three`, async () => {
      expect((await ids(query)).slice(0, 3)).toContain(expected);
    });
  }
});

describe('folding, stemming, prefixes and typos', () => {
  it('finds accented words from unaccented queries, and the other way round', async () => {
    expect((await ids('etats-unis'))[0]).toBe(SEED);
    expect((await ids('choigou'))[0]).toBe(SEED);
    expect((await ids('ÉTAPE'))[0]).toBe(SEED);
  });

  it('finds plurals from the singular and the singular from the plural, in both languages', async () => {
    expect(await ids('négociation', 50)).toContain(SEED);
    expect(await ids('hostilité', 50)).toContain(SEED);
    const markets = await ids('markets', 50);
    // "Stock market eyes Japan recovery" says "market" in its title only in the singular.
    expect(markets).toContain(
      articleIdForSource(path.join(FIXTURES, 'business', findTitle('Stock market eyes Japan'))),
    );
  });

  it('matches word starts as one types, in both languages', async () => {
    expect(await ids('négoc')).toContain(SEED);
    expect((await ids('Ryan'))[0]).toBe(bbc('business', '047.txt'));
  });

  it('forgives a small typo in a longer word', async () => {
    expect((await ids('Mourihno Chelsea')).length).toBeGreaterThan(0);
    expect((await search({ query: 'Domecqq', limit: 3 }))[0]?.id).toBe(bbc('business', '005.txt'));
  });

  it('gives snippets with the matched words marked as offsets', async () => {
    const [result] = await search({ query: 'négociations', limit: 1 });
    const text = result?.matches.find((match) => match.field === 'text');
    expect(text).toBeDefined();
    const [start, end] = text?.snippet.marks[0] ?? [0, 0];
    expect(text?.snippet.text.slice(start, end).toLowerCase()).toBe('négociations');
    expect(text?.start).toBeGreaterThan(0);
  });

  it('combines the words with the filters', async () => {
    const sport = await search({ query: 'record', section: 'sport', limit: 20 });
    expect(sport.length).toBeGreaterThan(0);
    expect(sport.every((result) => result.section === 'sport')).toBe(true);
    expect(await search({ query: 'record', hasAnnotations: true })).toEqual([]);
  });
});

// Stands in for `grep -l`: the file whose first line starts with `title`.
const titles = new Map<string, string>();
function findTitle(title: string): string {
  const found = [...titles.entries()].find(([, first]) => first.startsWith(title));
  if (!found) throw new Error(`no fixture titled ${title}`);
  return found[0];
}
beforeAll(async () => {
  const { readdir } = await import('node:fs/promises');
  for (const name of await readdir(path.join(FIXTURES, 'business'))) {
    const text = await readFile(path.join(FIXTURES, 'business', name), 'utf8');
    titles.set(name, text.split('\n')[0] ?? '');
  }
});

describe('keeping the index current', () => {
  it('finds a highlight and a note right after they are saved, and forgets them when deleted', async () => {
    const id = bbc('sport', '001.txt');
    const article = await handlers.getArticle({ id });
    const text = article.blocks.map((block) => block.text).join('\n\n');
    const start = text.indexOf(article.blocks[1]?.text.split(' ').slice(0, 3).join(' ') ?? '');
    const highlight = await handlers.addHighlight({ id, start, end: start + 10, note: 'zygomorphic orchid' });
    const note = await handlers.addNote({ id, text: 'Remember the quetzalcoatl argument' });

    const byNote = await search({ query: 'quetzalcoatl' });
    expect(byNote.map((result) => result.id)).toEqual([id]);
    expect(byNote[0]?.matches).toEqual([expect.objectContaining({ field: 'note', noteId: note.id })]);
    // The snippet is the note as written, not its index terms.
    expect(byNote[0]?.matches[0]?.snippet).toEqual({
      text: 'Remember the quetzalcoatl argument',
      marks: [[13, 25]],
    });
    const byHighlightNote = await search({ query: 'zygomorphic' });
    expect(byHighlightNote[0]?.matches[0]).toMatchObject({ field: 'note', highlightId: highlight.id });
    expect(byHighlightNote[0]?.matches[0]?.snippet.text).toBe('zygomorphic orchid');
    expect(
      (await search({ query: 'quetzalcoatl', hasAnnotations: true })).map((result) => result.id),
    ).toEqual([id]);

    await handlers.updateNote({ id, noteId: note.id, text: 'Now about axolotls' });
    expect(await search({ query: 'quetzalcoatl' })).toEqual([]);
    expect((await search({ query: 'axolotl' })).map((result) => result.id)).toEqual([id]);
    await handlers.deleteNote({ id, noteId: note.id });
    await handlers.deleteHighlight({ id, highlightId: highlight.id });
    expect(await search({ query: 'axolotl' })).toEqual([]);
    expect(await search({ query: 'zygomorphic' })).toEqual([]);
  });

  it('drops a removed article from the results, and brings it back when restored', async () => {
    const id = bbc('business', '047.txt');
    await handlers.removeArticles({ ids: [id] });
    expect(await ids('Ryanair Boeing')).not.toContain(id);
    await handlers.restoreArticles({ ids: [id] });
    expect((await ids('Ryanair Boeing'))[0]).toBe(id);
  });

  it('indexes a re-imported article’s new text, and forgets a forgotten one', async () => {
    const dir = path.join(root, 'news', 'local');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'story.txt');
    await writeFile(file, 'Parish council meets\n\nThe parish council discussed the quokka sanctuary.\n');
    await handlers.importPaths({ paths: [file] });
    const id = articleIdForSource(file);
    expect(await ids('quokka')).toEqual([id]);
    await writeFile(file, 'Parish council meets\n\nThe parish council discussed the wombat sanctuary.\n');
    await handlers.importPaths({ paths: [file] });
    expect(await ids('quokka')).toEqual([]);
    // "wombat" is one letter from "combat", which typo tolerance also finds, further down.
    expect((await ids('wombat'))[0]).toBe(id);
    await handlers.removeArticles({ ids: [id] });
    await handlers.forgetArticles({ ids: [id] });
    expect(await ids('wombat')).not.toContain(id);
  });
});

describe('the index on disk', () => {
  it('was built when missing, with progress reported, and saved', async () => {
    expect(progress.some((report) => report.phase === 'building' && report.reason === 'missing')).toBe(true);
    expect(progress.at(-1)?.phase).toBe('ready');
    const content = await readFile(snapshotPath(store.dataDir), 'utf8');
    expect(JSON.parse(content.slice(0, content.indexOf('\n')))).toMatchObject({
      version: SEARCH_INDEX_VERSION,
    });
  });

  it('is rebuilt, on a worker thread, when the file is damaged, and answers as before', async () => {
    const copy = path.join(root, 'copy');
    await mkdir(copy);
    const sections = ['business'];
    const data = path.join(copy, 'data');
    const small = await LibraryStore.open(data);
    try {
      const news = path.join(copy, 'business');
      await mkdir(news);
      for (const name of ['001.txt', '047.txt', '088.txt'])
        await copyFile(path.join(FIXTURES, sections[0] ?? '', name), path.join(news, name));
      await (await import('../library/import-into-library')).importIntoLibrary(small, [news]);
      const open = (onProgress?: (report: SearchIndexProgress) => void) =>
        SearchIndex.open(small, {
          annotations: () => AnnotationStore.open(small),
          builder: workerBuilder(searchWorkerFromSources()),
          onProgress,
          persistDelayMs: 0,
        });
      const first = await open();
      expect(first.origin).toBe('missing');
      const ryanair = articleIdForSource(path.join(news, '047.txt'));
      expect((await first.search({ query: 'Boeing', limit: 5 }))[0]?.id).toBe(ryanair);

      await writeFile(snapshotPath(data), '{"version":1,"articles":{},"annot');
      const reports: SearchIndexProgress[] = [];
      const rebuilt = await open((report) => reports.push(report));
      expect(rebuilt.origin).toBe('damaged');
      expect(reports.some((report) => report.phase === 'building' && report.reason === 'damaged')).toBe(true);
      expect((await rebuilt.search({ query: 'Boeing', limit: 5 }))[0]?.id).toBe(ryanair);

      // A good header over a broken index is damaged too.
      const content = await readFile(snapshotPath(data), 'utf8');
      await writeFile(snapshotPath(data), `${content.slice(0, content.indexOf('\n'))}\n{"broken":`);
      expect((await open()).origin).toBe('damaged');
      expect((await open()).origin).toBe('loaded');
    } finally {
      await small.close();
    }
  }, 60_000);

  it('catches up at open with changes a crash kept out of the file', async () => {
    const data = path.join(root, 'stale');
    const small = await LibraryStore.open(data);
    try {
      const news = path.join(root, 'stale-news', 'business');
      await mkdir(news, { recursive: true });
      await copyFile(path.join(FIXTURES, 'business', '001.txt'), path.join(news, '001.txt'));
      const { importIntoLibrary } = await import('../library/import-into-library');
      await importIntoLibrary(small, [news]);
      const options = { annotations: () => AnnotationStore.open(small), persistDelayMs: 60_000 };
      const index = await SearchIndex.open(small, options);
      // Changes made while the index is not told (the command line, or a crash before the write):
      await copyFile(path.join(FIXTURES, 'business', '047.txt'), path.join(news, '047.txt'));
      await importIntoLibrary(small, [news]);
      const annotations = await AnnotationStore.open(small);
      const id = articleIdForSource(path.join(news, '001.txt'));
      await annotations.addNote(id, 'a note about capybaras');
      expect(await index.search({ query: 'capybara', limit: 5 })).toEqual([]);

      const reopened = await SearchIndex.open(small, options);
      expect(reopened.origin).toBe('loaded');
      expect((await reopened.search({ query: 'capybara', limit: 5 })).map((result) => result.id)).toEqual([
        id,
      ]);
      expect((await reopened.search({ query: 'Ryanair', limit: 5 }))[0]?.id).toBe(
        articleIdForSource(path.join(news, '047.txt')),
      );
      await index.close();
      await reopened.close();
    } finally {
      await small.close();
    }
  }, 60_000);
});
