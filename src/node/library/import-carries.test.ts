/**
 * What an import carries into the library through the application layer, on real-shaped files
 * (tests/fixtures/formats and the French seed): the article's metadata (from the cleaner's date
 * and byline lines, from a web page's head, from a scraper's fields) and another reader's data
 * (state, labels, highlights with notes, detached quotes), idempotently on re-import.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openGazetteApp, type GazetteApp } from '../app';
import { articleIdForSource } from '../store';

const FORMATS = fileURLToPath(new URL('../../../tests/fixtures/formats', import.meta.url));
const SEED = fileURLToPath(new URL('../../../seeds/000_fa55918c37a99e94.txt', import.meta.url));

let root: string;
let inbox: string;
let app: GazetteApp;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gazette-carries-'));
  inbox = path.join(root, 'inbox');
  await mkdir(inbox);
  app = await openGazetteApp({ dataDir: path.join(root, 'data') });
});
afterEach(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
});

async function fixture(name: string): Promise<string> {
  const target = path.join(inbox, name);
  await copyFile(path.join(FORMATS, name), target);
  return target;
}

describe('metadata reaches the library', () => {
  it('keeps the byline, date and Tags: line of a text file, and the seed as it was', async () => {
    const dated = await fixture('dated-article.txt');
    const seed = path.join(inbox, 'seed.txt');
    await copyFile(SEED, seed);
    const report = await app.importPaths([inbox]);
    expect(report).toMatchObject({ imported: 2, failed: [] });

    const meta = app.store.get(articleIdForSource(dated));
    expect(meta).toMatchObject({ author: 'Jane Smith', suggestedTags: ['harbour', 'weather'] });
    expect(meta?.publishedAt).toMatch(/^2021-03-03/);
    const entries = await app.list();
    expect(entries.find((entry) => entry.id === meta?.id)).toMatchObject({ author: 'Jane Smith' });

    // The seed has no metadata lines: none invented, and its text is as before (8 blocks).
    const seedMeta = app.store.get(articleIdForSource(seed));
    expect(seedMeta?.author).toBeUndefined();
    expect(seedMeta?.publishedAt).toBeUndefined();
    expect((await app.article(seedMeta!.id)).blocks).toHaveLength(8);
  });

  it('keeps a web page’s site, author, date and address, and survives a reopen', async () => {
    const page = await fixture('saved-page.html');
    expect(await app.importPaths([page])).toMatchObject({ imported: 1, failed: [] });
    const expected = {
      title: 'Ferry workers walk out over new rosters',
      author: 'Maria Lopes',
      site: 'The Harbour Post',
      url: 'https://harbour-post.example/2024/03/ferry-strike',
    };
    const id = articleIdForSource(page);
    expect(app.store.get(id)).toMatchObject(expected);
    expect(app.store.get(id)?.publishedAt).toMatch(/^2024-03-14/);
    await app.close();
    app = await openGazetteApp({ dataDir: path.join(root, 'data') });
    expect(app.store.get(id)).toMatchObject(expected);
  });

  it('keeps each JSON Lines record’s author, site, address and date', async () => {
    const file = await fixture('scraped.jsonl');
    expect(await app.importPaths([file])).toMatchObject({ imported: 2, failed: [] });
    const metas = app.store.list();
    const french = metas.find((meta) => meta.language === 'fr');
    expect(french).toMatchObject({
      author: 'Claire Martin',
      url: 'https://gazette-du-val.example/marche-couvert',
      title: 'Le marché couvert rouvre ses portes',
    });
    expect(french?.site).toMatch(/gazette-du-val/);
    expect(french?.publishedAt).toMatch(/^2024-05-18/);
    expect(metas.find((meta) => meta.language === 'en')).toMatchObject({ author: 'Sam Reid' });
  });
});

describe('another reader’s data reaches the reader’s stores', () => {
  it('takes Wallabag’s archived state, tags and annotations; a lost quote is detached, not dropped', async () => {
    const file = await fixture('wallabag-export.json');
    const report = await app.importPaths([file]);
    expect(report).toMatchObject({ imported: 1, failed: [] });
    expect(report.carried).toEqual({ articles: 1, tags: 2, highlights: 2, detached: 1 });

    const [entry] = await app.list();
    expect(entry).toMatchObject({ state: 'finished', tags: ['transport', 'local'], author: 'Tom Hale' });
    const { highlights } = await app.annotations(entry!.id);
    expect(highlights).toHaveLength(2);
    const found = highlights.find((highlight) => highlight.anchor.status !== 'detached');
    const { text } = await app.annotationsWithText(entry!.id);
    expect(found?.note).toBe('Longer than promised.');
    expect(found?.anchor.status === 'anchored' && text.slice(found.anchor.start, found.anchor.end)).toBe(
      'twelve kilometres of protected cycle lanes',
    );
    const lost = highlights.find((highlight) => highlight.anchor.status === 'detached');
    expect(lost?.selectors[0].exact).toBe('a sentence that the article never had');
    expect(lost?.note).toBe('Lost words.');
  });

  it('takes Omnivore’s progress, labels and highlights, and a re-import duplicates nothing', async () => {
    const file = await fixture('omnivore-export.zip');
    const first = await app.importPaths([file]);
    expect(first).toMatchObject({ imported: 1, failed: [] });
    expect(first.carried).toEqual({ articles: 1, tags: 2, highlights: 2, detached: 1 });
    const [entry] = await app.list();
    expect(entry).toMatchObject({ state: 'reading', tags: ['travel', 'rail'], author: 'Ana Costa' });
    expect(entry?.progress).toBeCloseTo(0.55);
    expect((await app.annotations(entry!.id)).highlights).toHaveLength(2);

    // The reader reads on here, then imports the same export again: nothing moves back, nothing doubles.
    await app.setProgressFraction(entry!.id, 0.8);
    const again = await app.importPaths([file]);
    expect(again).toMatchObject({ imported: 0, unchanged: 1 });
    const after = (await app.list())[0];
    expect(after?.progress).toBeCloseTo(0.8);
    expect(after?.tags).toEqual(['travel', 'rail']);
    expect((await app.annotations(entry!.id)).highlights).toHaveLength(2);
  });

  it('takes labels and highlights an export gained since, even when the article’s text is the same', async () => {
    const file = path.join(inbox, 'wallabag.json');
    const entries = JSON.parse(await readFile(path.join(FORMATS, 'wallabag-export.json'), 'utf8')) as Array<
      Record<string, unknown>
    >;
    const withoutExtras = { ...entries[0], tags: [], annotations: [] };
    await writeFile(file, JSON.stringify([withoutExtras]));
    expect((await app.importPaths([file])).carried).toMatchObject({ tags: 0, highlights: 0 });
    await writeFile(file, JSON.stringify(entries));
    expect(await app.importPaths([file])).toMatchObject({
      unchanged: 1,
      carried: { tags: 2, highlights: 2 },
    });
    const [entry] = await app.list();
    expect(entry?.tags).toEqual(['transport', 'local']);
    expect((await app.annotations(entry!.id)).highlights).toHaveLength(2);
  });

  it('does not add a highlight or tag twice when a changed capture of the same export comes in', async () => {
    const file = path.join(inbox, 'wallabag.json');
    const source = await readFile(path.join(FORMATS, 'wallabag-export.json'), 'utf8');
    const entries = JSON.parse(source) as Array<Record<string, unknown>>;
    await writeFile(file, JSON.stringify(entries));
    await app.importPaths([file]);
    // The same article with one more paragraph and a tag in other case.
    entries[0]!.content = `${String(entries[0]!.content)}<p>A public meeting on the plans will be held next month.</p>`;
    entries[0]!.tags = ['Transport', 'local', 'cycling'];
    await writeFile(file, JSON.stringify(entries));
    expect(await app.importPaths([file])).toMatchObject({ updated: 1 });
    const [entry] = await app.list();
    expect(entry?.tags).toEqual(['transport', 'local', 'cycling']);
    const { highlights } = await app.annotations(entry!.id);
    expect(highlights).toHaveLength(2);
    expect(highlights.filter((highlight) => highlight.anchor.status !== 'detached')).toHaveLength(1);
  });
});
