/**
 * Exports on real articles (the French seed and two BBC articles) with real highlights and notes,
 * through the app's handlers: Markdown as Obsidian and Readwise users keep it, Gazette's JSON, and
 * W3C Web Annotation JSON-LD whose selectors find the same words in the article's text.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleText } from '../../core/annotations/article-text';
import type { Highlight } from '../../core/annotations/model';
import type { GazetteMethod, MethodResults } from '../../core/ipc/contract';
import { dispatch } from '../../core/ipc/dispatch';
import { createGazetteHandlers } from '../gazette-handlers';
import { articleIdForSource, LibraryStore } from '../store';
import { ANNOTATION_CONTEXT, articleUrn } from './web-annotation-export';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SEED = path.join(ROOT, 'seeds', '000_fa55918c37a99e94.txt');
const BBC = path.join(ROOT, 'tests', 'fixtures', 'bbc-news');

let root: string;
let store: LibraryStore;
let handlers: ReturnType<typeof createGazetteHandlers>;
let seed: string;
let business: string;
let untouched: string;

async function ok<M extends GazetteMethod>(method: M, payload: unknown): Promise<MethodResults[M]> {
  const envelope = await dispatch(handlers, method, payload);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as MethodResults[M];
}
const bodyText = async (id: string) => articleText((await ok('getArticle', { id })).blocks).text;

async function highlight(id: string, words: string, extra: Record<string, unknown> = {}): Promise<Highlight> {
  const start = (await bodyText(id)).indexOf(words);
  expect(start).toBeGreaterThanOrEqual(0);
  return ok('addHighlight', { id, start, end: start + words.length, ...extra });
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gazette-export-'));
  const news = path.join(root, 'news');
  await mkdir(path.join(news, 'business'), { recursive: true });
  await mkdir(path.join(news, 'sport'), { recursive: true });
  const seedFile = path.join(news, path.basename(SEED));
  await copyFile(SEED, seedFile);
  await copyFile(path.join(BBC, 'business', '001.txt'), path.join(news, 'business', '001.txt'));
  await copyFile(path.join(BBC, 'sport', '001.txt'), path.join(news, 'sport', '001.txt'));
  store = await LibraryStore.open(path.join(root, 'data'));
  handlers = createGazetteHandlers({ store, choosePaths: async () => null, onImportProgress: () => {} });
  expect(await ok('importPaths', { paths: [news] })).toMatchObject({ imported: 3 });
  seed = articleIdForSource(seedFile);
  business = articleIdForSource(path.join(news, 'business', '001.txt'));
  untouched = articleIdForSource(path.join(news, 'sport', '001.txt'));
});
afterEach(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

describe('exports', () => {
  it('writes an article as Markdown: front matter, quotes with colour and note, then the notes', async () => {
    const text = await bodyText(seed);
    // A highlight over two paragraphs: its quote keeps the paragraph break inside the block quote.
    const across = text.indexOf('Washington n’a pas confirmé');
    const end = text.indexOf('Washington et Moscou discutent') + 'Washington et Moscou discutent'.length;
    await ok('addHighlight', {
      id: seed,
      start: across,
      end,
      color: 'blue',
      note: 'Le cœur de *l’article*.',
    });
    await highlight(seed, 'Sergueï Choïgou', { color: 'pink' });
    await ok('addNote', { id: seed, text: 'Relire **demain**.\n\n- la carte\n- les dates' });

    const file = await ok('exportArticle', { id: seed, format: 'markdown' });
    expect(file.name).toBe(`alep-vers-un-accord-militaire-entre-les-etats-unis-et-la-${seed}.md`);
    expect(file.mediaType).toBe('text/markdown');
    const markdown = file.content;
    expect(
      markdown.startsWith(
        '---\ntitle: "Alep : vers un accord militaire entre les États-Unis et la Russie"\n',
      ),
    ).toBe(true);
    const frontMatter = markdown.split('\n---\n')[0]!;
    expect(frontMatter).toContain(`source: ${JSON.stringify(store.get(seed)?.source)}`);
    expect(frontMatter).toMatch(/\nsection: "news"\nlanguage: "fr"\nimported: \d{4}-\d\d-\d\dT/);
    expect(frontMatter).toContain('highlights: 2\nnotes: 1\ntags: [gazette]');
    expect(markdown).toContain(
      '\n# Alep : vers un accord militaire entre les États-Unis et la Russie\n\n## Highlights\n\n',
    );
    expect(markdown).toContain('> Washington n’a pas confirmé cette information.\n>\n> Alors que les forces');
    expect(markdown).toMatch(
      /\nColour: blue · \d{4}-\d\d-\d\d \d\d:\d\d UTC\n\n\*\*Note:\*\* Le cœur de \*l’article\*\.\n/,
    );
    expect(markdown).toContain('> Sergueï Choïgou\n\nColour: pink');
    expect(markdown).toMatch(
      /\n## Notes\n\n### \d{4}-\d\d-\d\d \d\d:\d\d UTC\n\nRelire \*\*demain\*\*\.\n\n- la carte\n- les dates\n$/,
    );
    // Reading order: the first paragraph's highlight comes first.
    expect(markdown.indexOf('> Washington')).toBeLessThan(markdown.indexOf('> Sergueï'));
  });

  it('marks a detached highlight in Markdown and keeps its quote', async () => {
    const file = path.join(root, 'news', 'business', '001.txt');
    await highlight(business, 'It has already offered to pay $300m to settle charges', {
      note: 'Gone later',
    });
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\nTimeWarner is to restate[^\n]*\n/, '\n'));
    expect(await ok('importPaths', { paths: [file] })).toMatchObject({ updated: 1 });
    const { content } = await ok('exportArticle', { id: business, format: 'markdown' });
    expect(content).toContain('> It has already offered to pay $300m to settle charges\n\nColour: yellow');
    expect(content).toContain('· detached: these words are no longer in the article');
  });

  it('writes JSON with every article, highlight and note', async () => {
    const made = await highlight(business, 'jumped 76%', { color: 'green', note: 'big' });
    const note = await ok('addNote', { id: seed, text: 'Une note' });
    const [file] = await ok('exportLibrary', { format: 'json' });
    expect(file).toMatchObject({ name: 'gazette-annotations.json', mediaType: 'application/json' });
    const exported = JSON.parse(file!.content);
    expect(exported).toMatchObject({
      format: 'gazette-annotations',
      version: 1,
      exportedAt: expect.any(String),
    });
    expect(exported.articles.map((article: { id: string }) => article.id).sort()).toEqual(
      [business, seed].sort(),
    );
    const article = exported.articles.find((entry: { id: string }) => entry.id === business);
    expect(article).toMatchObject({
      title: 'Ad sales boost Time Warner profit',
      section: 'business',
      language: 'en',
    });
    expect(article.highlights).toEqual([
      {
        id: made.id,
        quote: 'jumped 76%',
        color: 'green',
        note: 'big',
        status: 'anchored',
        start: made.selectors[1].start,
        end: made.selectors[1].end,
        selectors: made.selectors,
        createdAt: made.createdAt,
        updatedAt: made.updatedAt,
      },
    ]);
    expect(exported.articles.find((entry: { id: string }) => entry.id === seed).notes).toEqual([
      { id: note.id, text: 'Une note', createdAt: note.createdAt, updatedAt: note.updatedAt },
    ]);
  });

  it('writes W3C Web Annotation JSON-LD whose selectors find the words in the text', async () => {
    await highlight(business, 'jumped 76%', { note: 'A **big** jump' });
    await highlight(business, 'Google');
    await highlight(seed, 'Sergueï Choïgou', { color: 'purple' });
    const [file] = await ok('exportLibrary', { format: 'w3c' });
    expect(file).toMatchObject({ name: 'gazette-annotations.jsonld', mediaType: 'application/ld+json' });
    const collection = JSON.parse(file!.content);
    expect(collection).toMatchObject({
      '@context': ANNOTATION_CONTEXT,
      type: 'AnnotationCollection',
      total: 3,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    const items: Array<Record<string, unknown>> = collection.first.items;
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item).toMatchObject({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/),
      });
      const target = item.target as { source: string; selector: Array<Record<string, unknown>> };
      const articleId = target.source.replace('urn:gazette:article:', '');
      expect(target.source).toBe(articleUrn(articleId));
      const text = await bodyText(articleId);
      const [quote, position] = target.selector as [
        { type: string; exact: string; prefix: string; suffix: string },
        { type: string; start: number; end: number },
      ];
      expect(quote.type).toBe('TextQuoteSelector');
      expect(position.type).toBe('TextPositionSelector');
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
      expect(text.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
      expect(text.slice(position.end, position.end + quote.suffix.length)).toBe(quote.suffix);
    }
    const commented = items.find((item) => item.motivation === 'commenting')!;
    expect(commented.body).toEqual([
      { type: 'TextualBody', value: 'A **big** jump', format: 'text/markdown', purpose: 'commenting' },
      { type: 'TextualBody', value: 'yellow', purpose: 'tagging' },
    ]);
    expect(items.filter((item) => item.motivation === 'highlighting')).toHaveLength(2);
  });

  it('exports the library as one Markdown file per annotated article, and one article alone in every format', async () => {
    await highlight(business, 'jumped 76%');
    await ok('addNote', { id: seed, text: 'n' });
    const files = await ok('exportLibrary', { format: 'markdown' });
    expect(files.map((file) => file.name).sort()).toEqual(
      [
        `ad-sales-boost-time-warner-profit-${business}.md`,
        `alep-vers-un-accord-militaire-entre-les-etats-unis-et-la-${seed}.md`,
      ].sort(),
    );
    expect(files.every((file) => !file.content.includes(untouched))).toBe(true);
    expect((await ok('exportArticle', { id: business, format: 'json' })).name).toBe(
      `ad-sales-boost-time-warner-profit-${business}.json`,
    );
    expect((await ok('exportArticle', { id: business, format: 'w3c' })).name).toMatch(/\.jsonld$/);
    // An article without annotations exports with none.
    expect(
      JSON.parse((await ok('exportArticle', { id: untouched, format: 'json' })).content).articles[0],
    ).toMatchObject({
      id: untouched,
      highlights: [],
      notes: [],
    });
  });
});
