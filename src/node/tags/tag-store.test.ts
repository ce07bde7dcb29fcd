import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputSchemas } from '../../core/ipc/contract';
import { createGazetteHandlers } from '../gazette-handlers';
import { articleIdForSource, LibraryStore, StoreCorruptError } from '../store';
import { TagStore } from './tag-store';

const BBC = fileURLToPath(new URL('../../../tests/fixtures/bbc-news/business', import.meta.url));

let root: string;
let news: string;
let store: LibraryStore;
let handlers: ReturnType<typeof createGazetteHandlers>;
/** The file the reader "chooses" in the backup and restore dialogs. */
let chosenFile: string | null = null;
const open = async (dir: string) => {
  store = await LibraryStore.open(dir);
  handlers = createGazetteHandlers({
    store,
    choosePaths: async () => null,
    chooseFile: async () => chosenFile,
    onImportProgress: () => {},
  });
};

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gazette-tags-'));
  news = path.join(root, 'news', 'business');
  await mkdir(news, { recursive: true });
  for (const name of ['001.txt', '047.txt']) await copyFile(path.join(BBC, name), path.join(news, name));
  await open(path.join(root, 'data'));
  await handlers.importPaths({ paths: [news] });
});
afterEach(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

const first = () => articleIdForSource(path.join(news, '001.txt'));
const second = () => articleIdForSource(path.join(news, '047.txt'));

describe('tags', () => {
  it('adds and removes tags, lists them in the library and by count, and filters searches', async () => {
    const tagged = await handlers.setTags(
      inputSchemas.setTags.parse({ id: first(), add: ['#Media', 'to read', 'media'] }),
    );
    expect(tagged).toEqual({ id: first(), tags: ['Media', 'to-read'] });
    await handlers.setTags(inputSchemas.setTags.parse({ id: second(), add: ['media'] }));
    expect(await handlers.listTags({})).toEqual([
      { tag: 'Media', count: 2 },
      { tag: 'to-read', count: 1 },
    ]);
    const entries = await handlers.listArticles({});
    expect(entries.find((entry) => entry.id === first())?.tags).toEqual(['Media', 'to-read']);
    const results = await handlers.search(inputSchemas.search.parse({ query: 'profit', tags: ['to-read'] }));
    expect(results.map((result) => result.id)).toEqual([first()]);
    expect((await handlers.setTags({ id: first(), remove: ['TO-READ'] })).tags).toEqual(['Media']);
  });

  it('refuses a tag that is not one', () => {
    expect(inputSchemas.setTags.safeParse({ id: first(), add: ['2024'] }).success).toBe(false);
    expect(inputSchemas.setTags.safeParse({ id: first(), add: ['a,b'] }).success).toBe(false);
  });

  it('renames and deletes a tag everywhere, saved views included', async () => {
    await handlers.setTags({ id: first(), add: ['media', 'deals'] });
    await handlers.setTags({ id: second(), add: ['deals', 'aviation'] });
    await handlers.saveView(inputSchemas.saveView.parse({ name: 'Deals', query: 'buy', tags: ['deals'] }));
    expect(await handlers.renameTag({ from: 'deals', to: 'aviation' })).toEqual({ changed: 2 });
    expect((await handlers.listArticles({})).map((entry) => [entry.id, entry.tags])).toEqual(
      expect.arrayContaining([
        [first(), ['media', 'aviation']],
        [second(), ['aviation']],
      ]),
    );
    expect(await handlers.listViews({})).toEqual([{ name: 'Deals', query: 'buy tag:aviation' }]);
    expect(await handlers.deleteTag({ tag: 'aviation' })).toEqual({ changed: 2 });
    expect(await handlers.listTags({})).toEqual([{ tag: 'media', count: 1 }]);
    expect(await handlers.listViews({})).toEqual([{ name: 'Deals', query: 'buy' }]);
  });

  it('keeps saved views across a restart', async () => {
    await handlers.saveView(
      inputSchemas.saveView.parse({ name: 'Unread sport', query: '', section: 'sport', state: 'unread' }),
    );
    await handlers.saveView({ name: 'Oil', query: 'oil price' });
    await handlers.deleteView({ name: 'Oil' });
    const dir = store.dataDir;
    await store.close();
    await open(dir);
    expect(await handlers.listViews({})).toEqual([
      { name: 'Unread sport', query: 'section:sport is:unread' },
    ]);
  });

  it('migrates views of the earlier form to named queries, durably, every one kept', async () => {
    const dir = store.dataDir;
    await store.close();
    const file = path.join(dir, 'user', 'views.json');
    const earlier = {
      schemaVersion: 1,
      views: [
        { name: 'Unread sport', query: '', section: 'sport', state: 'unread' },
        { name: 'Deals', query: 'buy OR sell', tags: ['deals', 'eu'], hasAnnotations: true },
        { name: 'Words', query: 'oil price' },
        { name: 'Odd', query: '-x "quoted" key:value', section: 'world news' },
      ],
    };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(earlier));
    await open(dir);
    const migrated = [
      { name: 'Unread sport', query: 'section:sport is:unread' },
      { name: 'Deals', query: 'buy "OR" sell tag:deals tag:eu has:annotations' },
      { name: 'Words', query: 'oil price' },
      { name: 'Odd', query: '"-x" quoted "key:value" section:"world news"' },
    ];
    expect(await handlers.listViews({})).toEqual(migrated);
    // Written back at once, as version 2: a second open reads the same views without migrating.
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 2, views: migrated });
    expect(JSON.parse(await readFile(path.join(dir, 'user', 'views.v1.json'), 'utf8'))).toEqual(earlier);
    await store.close();
    await open(dir);
    expect(await handlers.listViews({})).toEqual(migrated);
  });

  it('survives a re-import of a changed article', async () => {
    await handlers.setTags({ id: first(), add: ['keep'] });
    const file = path.join(news, '001.txt');
    await writeFile(file, `${await readFile(file, 'utf8')}\n\nA paragraph added later.\n`);
    const report = await handlers.importPaths({ paths: [news] });
    expect(report.updated).toBe(1);
    expect((await handlers.listArticles({})).find((entry) => entry.id === first())?.tags).toEqual(['keep']);
  });

  it('goes into backups and comes back on restore; old backups without tags still restore', async () => {
    await handlers.setTags({ id: first(), add: ['keep', 'media'] });
    const backup = path.join(root, 'backup.json');
    chosenFile = backup;
    await handlers.backupLibrary({});
    const written = JSON.parse(await readFile(backup, 'utf8')) as { tags?: Record<string, string[]> };
    expect(written.tags).toEqual({ [first()]: ['keep', 'media'] });

    await store.close();
    await open(path.join(root, 'other-data'));
    const report = await handlers.restoreLibrary({});
    expect(report?.tagsRestored).toBe(1);
    expect((await handlers.listArticles({})).find((entry) => entry.id === first())?.tags).toEqual([
      'keep',
      'media',
    ]);

    const old = { ...written };
    delete old.tags;
    await writeFile(backup, JSON.stringify(old));
    const again = await handlers.restoreLibrary({});
    expect(again?.tagsRestored).toBeUndefined();
    expect((await handlers.listTags({})).map((count) => count.tag)).toEqual(['keep', 'media']);
  });

  it('is written in the JSON and Markdown exports', async () => {
    await handlers.setTags({ id: first(), add: ['media', 'ad/sales'] });
    await handlers.addNote({ id: first(), text: 'A note' });
    const markdown = await handlers.exportArticle({ id: first(), format: 'markdown' });
    expect(markdown.content).toContain('tags: [gazette, "media", "ad/sales"]');
    const json = JSON.parse((await handlers.exportArticle({ id: first(), format: 'json' })).content) as {
      articles: Array<{ tags: string[] }>;
    };
    expect(json.articles[0]?.tags).toEqual(['media', 'ad/sales']);
  });
  it('a damaged tags file, or one keyed by toString or constructor, is kept and named, and the library still lists', async () => {
    const dataDir = path.join(root, 'data');
    const tagsFile = path.join(dataDir, 'user', 'tags.json');
    const [first] = await handlers.listArticles({});
    for (const bytes of [
      '{"schemaVersion":1,"tags":{"toString":["a"],"constructor":["b"]}}',
      '{"schemaVersion":1,"tags":{"__proto__":["a"]}}',
      '{"schemaVersion":1,"tags":',
    ]) {
      await store.close();
      await mkdir(path.dirname(tagsFile), { recursive: true });
      await writeFile(tagsFile, bytes);
      await open(dataDir);
      const listed = await handlers.listArticles({});
      expect(listed).toHaveLength(2);
      expect(listed.every((entry) => entry.tags.length === 0)).toBe(true);
      const tags = await TagStore.open(store);
      expect(tags.damage.map((error) => error.message).join()).toMatch(/tags file .*tags\.json is damaged/);
      expect(tags.all()).toEqual({});
      await expect(handlers.setTags({ id: first!.id, add: ['x'] })).rejects.toBeInstanceOf(StoreCorruptError);
      expect(await readFile(tagsFile, 'utf8')).toBe(bytes);
    }
  });
});
