import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Article } from '../../core/article';
import { articleIdForSource } from './article-id';
import {
  StoreCorruptError,
  StoreLockedError,
  StoreReadOnlyError,
  StoreVersionError,
  UnknownArticleError,
} from './errors';
import { LibraryStore, LOCK_STALE_MS } from './library-store';
import { toLibraryEntry } from '../reading/library-entry';
import { makeArticle } from './testing/articles';

let dataDir: string;
const opened: LibraryStore[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-store-'));
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function open(options: { readOnly?: boolean } = {}, dir = dataDir): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir, options);
  opened.push(store);
  return store;
}

function bodyOf(article: Article): { blocks: Article['blocks']; removed: Article['removed'] } {
  return { blocks: article.blocks, removed: article.removed };
}

function metaOf(article: Article): Omit<Article, 'blocks' | 'removed'> {
  const { blocks: _blocks, removed: _removed, ...meta } = article;
  return meta;
}

const progressSchema = z.object({
  schemaVersion: z.literal(1),
  progress: z.record(z.string(), z.object({ block: z.number() })),
});

describe('LibraryStore', () => {
  it('stores a batch and gives back its metadata, from memory, and its bodies, from the pack', async () => {
    const store = await open();
    expect(store.list()).toEqual([]);
    const [a, b, c] = [
      makeArticle(1, { importedAt: '2024-05-01T10:00:00.000Z' }),
      makeArticle(2, { importedAt: '2024-05-02T10:00:00.000Z' }),
      makeArticle(3, { importedAt: '2024-05-01T10:00:00.000Z' }),
    ] as [Article, Article, Article];
    await store.commit({ added: [a, b, c], updated: [] });

    // Latest import first, then by title.
    expect(store.list().map((meta) => meta.id)).toEqual([b.id, a.id, c.id]);
    expect(store.get(a.id)).toEqual(metaOf(a));
    expect(store.get(a.id)).not.toHaveProperty('body');
    expect(store.list()[0]).not.toHaveProperty('body');
    expect(store.get('nope')).toBeUndefined();
    expect(store.findBySource(b.source)?.id).toBe(b.id);
    expect(store.findByFingerprint(c.fingerprint)?.id).toBe(c.id);
    expect(await store.readBody(a.id)).toEqual(bodyOf(a));
    expect(await store.readArticle(c.id)).toEqual(c);

    // The layout on disk.
    expect((await readdir(dataDir)).sort()).toEqual(['bodies', 'gazette.lock', 'library.json']);
    expect(await readdir(path.join(dataDir, 'bodies'))).toEqual(['pack-000001.jsonl']);
    const library = JSON.parse(await readFile(path.join(dataDir, 'library.json'), 'utf8'));
    expect(library.schemaVersion).toBe(2);
    expect(library.articles[a.id]).toEqual({
      ...metaOf(a),
      body: { pack: 1, offset: 0, length: expect.any(Number) },
    });
    const pack = await readFile(path.join(dataDir, 'bodies', 'pack-000001.jsonl'));
    const { offset, length } = library.articles[b.id].body;
    // The line carries the metadata too, so the packs alone can rebuild the library (repair).
    expect(JSON.parse(pack.subarray(offset, offset + length).toString('utf8'))).toEqual({
      id: b.id,
      ...bodyOf(b),
      meta: metaOf(b),
    });
    expect(pack.toString('utf8').split('\n')).toHaveLength(4); // three lines and the final newline
  });

  it('keeps the optional metadata and the reader’s cleaning choices (format 2), across re-imports', async () => {
    const store = await open();
    const metadata = {
      author: 'Jane Smith',
      site: 'BBC News',
      url: 'https://www.bbc.co.uk/news/business-1',
      publishedAt: '2016-08-12',
      modifiedAt: '2016-08-13T09:00:00Z',
      suggestedTags: ['markets', 'media'],
      description: 'Profits jump at TimeWarner.',
    };
    const article = { ...makeArticle(1), ...metadata };
    await store.commit({ added: [article], updated: [] });
    await store.setCleaningOverrides(article.id, {
      keepRemoved: ['Share this article'],
      disabledRules: ['x'],
    });
    // A re-import replaces the record but keeps the reader's choices.
    await store.commit({ added: [], updated: [{ ...article, title: 'New title' }] });
    await store.close();

    const again = await open();
    expect(again.get(article.id)).toEqual({ ...metaOf(article), title: 'New title' });
    expect(toLibraryEntry(again.get(article.id)!, null)).toMatchObject(metadata);
    expect(again.get(article.id)).not.toHaveProperty('cleaningOverrides');
    expect(again.cleaningOverrides(article.id)).toEqual({
      keepRemoved: ['Share this article'],
      disabledRules: ['x'],
    });
    await again.setCleaningOverrides(article.id, {});
    expect(again.cleaningOverrides(article.id)).toBeUndefined();
    await expect(again.setCleaningOverrides(article.id, { disabledRules: [''] })).rejects.toThrow(/refused/);
  });

  it('hands out metadata that cannot be changed behind its back', async () => {
    const store = await open();
    const article = makeArticle(1);
    await store.commit({ added: [article], updated: [] });
    const meta = store.get(article.id)!;
    expect(Object.isFrozen(meta)).toBe(true);
    store.list().pop();
    expect(store.list()).toHaveLength(1);
  });

  it('writes nothing for an empty batch', async () => {
    const store = await open();
    const before = await readFile(path.join(dataDir, 'library.json'), 'utf8');
    await store.commit({ added: [], updated: [] });
    // A new library has its (empty) library.json from the start; the batch writes nothing.
    expect((await readdir(dataDir)).sort()).toEqual(['gazette.lock', 'library.json']);
    expect(before).toBe('{"schemaVersion":2,"articles":{}}\n');
    expect(await readFile(path.join(dataDir, 'library.json'), 'utf8')).toBe(before);
  });

  it('updates an article in place: same id, new body in a new pack, the others and user data kept', async () => {
    const store = await open();
    const [a, b] = [makeArticle(1), makeArticle(2)] as [Article, Article];
    await store.commit({ added: [a, b], updated: [] });
    const progress = await store.openUserFile('progress', progressSchema, { schemaVersion: 1, progress: {} });
    await progress.update((data) => (data.progress[a.id] = { block: 4 }));

    const newer: Article = {
      ...a,
      title: 'A new title',
      fingerprint: 'f'.repeat(64),
      updatedAt: '2024-06-01T00:00:00.000Z',
      blocks: [{ kind: 'paragraph', text: 'Rewritten.' }],
      removed: [],
    };
    await store.commit({ added: [], updated: [newer] });

    expect(store.get(a.id)?.title).toBe('A new title');
    expect(await store.readArticle(a.id)).toEqual(newer);
    expect(await store.readArticle(b.id)).toEqual(b);
    expect(store.findByFingerprint(a.fingerprint)).toBeUndefined();
    expect(store.findByFingerprint(newer.fingerprint)?.id).toBe(a.id);
    expect(store.findBySource(a.source)?.id).toBe(a.id);
    expect(store.list()).toHaveLength(2);
    expect((await readdir(path.join(dataDir, 'bodies'))).sort()).toEqual([
      'pack-000001.jsonl',
      'pack-000002.jsonl',
    ]);
    const pack2 = await readFile(path.join(dataDir, 'bodies', 'pack-000002.jsonl'), 'utf8');
    expect(pack2.trim().split('\n')).toHaveLength(1);

    await store.close();
    const again = await open();
    expect(await again.readArticle(a.id)).toEqual(newer);
    expect(await again.readArticle(b.id)).toEqual(b);
    const progressAgain = await again.openUserFile('progress', progressSchema, {
      schemaVersion: 1,
      progress: {},
    });
    expect(progressAgain.data.progress[a.id]).toEqual({ block: 4 });
  });

  it('reopens from disk and continues the pack numbers', async () => {
    const first = await open();
    const articles = Array.from({ length: 30 }, (_, n) => makeArticle(n));
    await first.commit({ added: articles.slice(0, 20), updated: [] });
    await first.commit({ added: articles.slice(20), updated: [] });
    const listed = first.list();
    await first.close();

    const second = await open();
    expect(second.list()).toEqual(listed);
    for (const article of articles) expect(await second.readArticle(article.id)).toEqual(article);
    await second.commit({ added: [makeArticle(99)], updated: [] });
    expect((await readdir(path.join(dataDir, 'bodies'))).sort()).toEqual([
      'pack-000001.jsonl',
      'pack-000002.jsonl',
      'pack-000003.jsonl',
    ]);
  });

  it('never reuses the number of a pack left on disk by a failed commit, and clears temporary files', async () => {
    await mkdir(path.join(dataDir, 'bodies'), { recursive: true });
    await writeFile(path.join(dataDir, 'library.json'), '{"schemaVersion":2,"articles":{}}');
    await writeFile(path.join(dataDir, 'bodies', 'pack-000007.jsonl'), 'orphan\n');
    await writeFile(path.join(dataDir, 'bodies', '.pack-000008.jsonl.999-1.tmp'), 'partial');
    await writeFile(path.join(dataDir, '.library.json.999-2.tmp'), 'partial');
    const store = await open();
    await store.commit({ added: [makeArticle(1)], updated: [] });
    expect((await readdir(path.join(dataDir, 'bodies'))).sort()).toEqual([
      'pack-000007.jsonl',
      'pack-000008.jsonl',
    ]);
    expect((await readdir(dataDir)).sort()).toEqual(['bodies', 'gazette.lock', 'library.json']);
  });

  describe('refuses a bad batch and writes nothing', () => {
    it.each([
      ['an added id already stored', (a: Article) => ({ added: [a], updated: [] }), /already in the library/],
      ['an id given twice', (a: Article) => ({ added: [], updated: [a, a] }), /twice/],
      [
        'an invalid block',
        (_a: Article) => ({
          added: [{ ...makeArticle(5), blocks: [{ kind: 'aside', text: 'x' }] } as unknown as Article],
          updated: [],
        }),
        /refused to store article .*blocks\.0\.kind/,
      ],
      [
        'a bad time',
        (a: Article) => ({ added: [], updated: [{ ...a, updatedAt: 'yesterday' }] }),
        /updatedAt/,
      ],
      [
        'a source held by another article',
        (a: Article) => ({ added: [{ ...makeArticle(6), source: a.source }], updated: [] }),
        /belongs to article/,
      ],
    ])('%s', async (_name, changes, message) => {
      const store = await open();
      const a = makeArticle(1);
      await store.commit({ added: [a], updated: [] });
      const before = await readFile(path.join(dataDir, 'library.json'));
      await expect(store.commit(changes(a))).rejects.toThrow(message);
      expect(await readFile(path.join(dataDir, 'library.json'))).toEqual(before);
      expect(await readdir(path.join(dataDir, 'bodies'))).toEqual(['pack-000001.jsonl']);
      expect(store.list()).toHaveLength(1);
      expect(await store.readArticle(a.id)).toEqual(a);
    });

    it('an update of an unknown id', async () => {
      const store = await open();
      await expect(store.commit({ added: [], updated: [makeArticle(1)] })).rejects.toBeInstanceOf(
        UnknownArticleError,
      );
      expect((await readdir(dataDir)).sort()).toEqual(['gazette.lock', 'library.json']);
      expect(store.list()).toEqual([]);
    });
  });

  it('says clearly when an id is unknown or a pack is damaged', async () => {
    const store = await open();
    const article = makeArticle(1);
    await store.commit({ added: [article], updated: [] });
    await expect(store.readBody('000000000000')).rejects.toThrow(
      `There is no article with id "000000000000" in the library at ${dataDir}.`,
    );
    await expect(store.readArticle('000000000000')).rejects.toBeInstanceOf(UnknownArticleError);

    const pack = path.join(dataDir, 'bodies', 'pack-000001.jsonl');
    await truncate(pack, 10);
    await expect(store.readBody(article.id)).rejects.toThrow(
      /The body pack .*pack-000001\.jsonl is damaged \(the body of article \w+: the file ends \d+ bytes early\)/,
    );
    await rm(pack);
    await expect(store.readBody(article.id)).rejects.toThrow(
      /could not be read \(the body of article \w+: the pack file is missing\)/,
    );
  });

  describe('a damaged library.json is reported and kept', () => {
    it.each([
      [
        'invalid JSON',
        '{"schemaVersion":1,"articles":{',
        StoreCorruptError,
        /The library file .*library\.json is damaged \(.*\) and was left as it is; Gazette will not overwrite it/,
      ],
      ['an empty file', '', StoreCorruptError, /is damaged \(the file is empty\)/],
      [
        'a schema violation',
        '{"schemaVersion":1,"articles":{"abc123abc123":{"id":"abc123abc123"}}}',
        StoreCorruptError,
        /is damaged \(at articles\.abc123abc123\.\w+: .*\)/,
      ],
      [
        'a record under the wrong key',
        JSON.stringify({
          schemaVersion: 1,
          articles: {
            '0123456789ab': { ...metaOf(makeArticle(1)), body: { pack: 1, offset: 0, length: 10 } },
          },
        }),
        StoreCorruptError,
        /stored as "0123456789ab" has the id/,
      ],
      [
        'an id that is not an article id (toString)',
        '{"schemaVersion":2,"articles":{"toString":{}}}',
        StoreCorruptError,
        /is damaged \(at articles\.toString: /,
      ],
      [
        'a newer schema version that does not read as this one',
        '{"schemaVersion":3,"shelves":[]}',
        StoreVersionError,
        /made by a newer version of Gazette \(schema version 3; this version knows 2\)/,
      ],
    ])('%s', async (_name, bytes, ErrorClass, message) => {
      const file = path.join(dataDir, 'library.json');
      await writeFile(file, bytes);
      for (const readOnly of [false, true]) {
        const error = await LibraryStore.open(dataDir, { readOnly }).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(ErrorClass);
        expect((error as Error).message).toMatch(message);
        expect((error as Error).message).toContain(file);
      }
      expect(await readFile(file, 'utf8')).toBe(bytes);
      // The failed open let go of its lock.
      expect((await readdir(dataDir)).sort()).toEqual(['library.json']);
    });
  });

  describe('one writer at a time', () => {
    it('refuses a second writer while the first is open, and lets it in after close', async () => {
      const first = await open();
      const error = await LibraryStore.open(dataDir).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(StoreLockedError);
      expect((error as Error).message).toBe(
        `Gazette is already open in another window or command (pid ${process.pid}), using the library at ${dataDir}. Close it and try again.`,
      );
      expect((error as StoreLockedError).pid).toBe(process.pid);
      // A reader needs no lock.
      const reader = await open({ readOnly: true });
      expect(reader.list()).toEqual([]);

      await first.close();
      await first.close(); // idempotent
      await expect(first.commit({ added: [makeArticle(1)], updated: [] })).rejects.toThrow(/is closed/);
      const second = await open();
      await second.commit({ added: [makeArticle(1)], updated: [] });
      expect(second.list()).toHaveLength(1);
    });

    it('refuses a writer while another process holds the lock, and takes a stale lock over', async () => {
      const repoRoot = path.resolve(import.meta.dirname, '../../..');
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, 'testing', 'child.ts'), 'hold-lock', dataDir],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const exited = new Promise((resolve) => child.on('close', resolve));
      try {
        await new Promise<void>((resolve, reject) => {
          child.stdout
            .setEncoding('utf8')
            .on('data', (chunk: string) => chunk.includes('locked') && resolve());
          child.on('error', reject);
          child.on('close', () => reject(new Error('the child exited before locking')));
        });
        await expect(LibraryStore.open(dataDir)).rejects.toBeInstanceOf(StoreLockedError);
      } finally {
        child.kill('SIGKILL'); // a crash: the lock stays behind
        await exited;
      }
      const lock = path.join(dataDir, 'gazette.lock');
      expect((await stat(lock)).isDirectory()).toBe(true);
      // The lock names its dead owner, so it is taken over at once, not after the stale time.
      const started = Date.now();
      const store = await open();
      expect(Date.now() - started).toBeLessThan(LOCK_STALE_MS / 4);
      await store.commit({ added: [makeArticle(1)], updated: [] });
      expect(store.list()).toHaveLength(1);
      await store.close();
      opened.splice(opened.indexOf(store), 1);

      // A lock without an owner (an older Gazette's) holds while fresh...
      await mkdir(lock);
      await expect(LibraryStore.open(dataDir)).rejects.toBeInstanceOf(StoreLockedError);
      // ...until it has not been touched for longer than the stale time.
      const old = new Date(Date.now() - LOCK_STALE_MS - 5_000);
      await utimes(lock, old, old);
      const again = await open();
      expect(again.list()).toHaveLength(1);
    }, 30_000);

    it('says in words when gazette.lock is a plain file, and leaves it', async () => {
      await writeFile(path.join(dataDir, 'gazette.lock'), 'not a lock');
      const error = await LibraryStore.open(dataDir).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect((error as Error).message).toMatch(
        /gazette\.lock should be Gazette's lock \(a folder\), but it is a file/,
      );
      expect((error as Error).message).not.toMatch(/ENOTDIR/);
      expect(await readFile(path.join(dataDir, 'gazette.lock'), 'utf8')).toBe('not a lock');
    });

    it('stops writing when its lock is taken away', async () => {
      const store = await open();
      await store.commit({ added: [makeArticle(1)], updated: [] });
      const before = await readFile(path.join(dataDir, 'library.json'));
      await rm(path.join(dataDir, 'gazette.lock'), { recursive: true });
      // The owner notices at its next touch of the lock (every 5 s).
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      await expect(store.commit({ added: [makeArticle(2)], updated: [] })).rejects.toThrow(
        /Gazette lost its lock on the library at .* and stopped writing to it/,
      );
      expect(await readFile(path.join(dataDir, 'library.json'))).toEqual(before);
      await store.close(); // nothing left to release; does not throw
    }, 20_000);
  });

  describe('read-only', () => {
    it('reads what a writer committed, takes no lock and refuses writes', async () => {
      const writer = await open();
      const article = makeArticle(1);
      await writer.commit({ added: [article], updated: [] });

      const reader = await open({ readOnly: true });
      expect(await reader.readArticle(article.id)).toEqual(article);
      await expect(reader.commit({ added: [makeArticle(2)], updated: [] })).rejects.toBeInstanceOf(
        StoreReadOnlyError,
      );
      await expect(reader.commit({ added: [], updated: [] })).rejects.toThrow(/opened read-only/);
      const settings = await reader.openUserFile(
        'settings',
        z.object({ schemaVersion: z.literal(1), theme: z.string() }),
        {
          schemaVersion: 1,
          theme: 'light',
        },
      );
      await expect(settings.write()).rejects.toBeInstanceOf(StoreReadOnlyError);
      await reader.close();
      expect((await readdir(dataDir)).sort()).toEqual(['bodies', 'gazette.lock', 'library.json']);
    });

    it('opens a missing folder as an empty library without creating it', async () => {
      const missing = path.join(dataDir, 'not-yet');
      const reader = await open({ readOnly: true }, missing);
      expect(reader.list()).toEqual([]);
      await expect(stat(missing)).rejects.toThrow(/ENOENT/);
    });
  });

  describe('soft removal', () => {
    const libraryFile = (): string => path.join(dataDir, 'library.json');
    const readLibrary = async () => JSON.parse(await readFile(libraryFile(), 'utf8'));

    it('removes articles from the library but keeps them, and their user data, until forgotten', async () => {
      const store = await open();
      const [a, b, c] = [makeArticle(1), makeArticle(2), makeArticle(3)] as [Article, Article, Article];
      await store.commit({ added: [a, b, c], updated: [] });
      const progress = await store.openUserFile('progress', progressSchema, {
        schemaVersion: 1,
        progress: {},
      });
      await progress.update((data) => (data.progress[a.id] = { block: 2 }));

      const when = new Date('2024-06-01T08:00:00.000Z');
      expect(await store.remove([a.id, 'unknown-id', a.id, b.id], when)).toEqual([a.id, b.id]);

      expect(store.list().map((meta) => meta.id)).toEqual([c.id]);
      expect(store.get(a.id)).toBeUndefined();
      expect(store.findByFingerprint(a.fingerprint)).toBeUndefined();
      await expect(store.readArticle(a.id)).rejects.toBeInstanceOf(UnknownArticleError);
      await expect(store.readBody(a.id)).rejects.toBeInstanceOf(UnknownArticleError);
      // Still known: by id, by source (its id is derived from it), and in the list of removed ones.
      expect(store.getIncludingRemoved(a.id)).toEqual({ ...metaOf(a), removedAt: when.toISOString() });
      expect(store.getIncludingRemoved(c.id)).toEqual(metaOf(c));
      expect(store.findBySource(a.source)?.removedAt).toBe(when.toISOString());
      expect(store.listRemoved().map((meta) => meta.id)).toEqual([a.id, b.id]);

      // On disk: a mark in the record, the body and the user file untouched.
      const library = await readLibrary();
      expect(library.schemaVersion).toBe(2);
      expect(library.articles[a.id].removedAt).toBe(when.toISOString());
      expect(library.articles[c.id]).not.toHaveProperty('removedAt');
      expect(progress.data.progress[a.id]).toEqual({ block: 2 });

      await store.close();
      const again = await open();
      expect(again.list().map((meta) => meta.id)).toEqual([c.id]);
      expect(again.listRemoved().map((meta) => meta.id)).toEqual([a.id, b.id]);
      const reader = await open({ readOnly: true });
      expect(reader.get(a.id)).toBeUndefined();
      expect(reader.getIncludingRemoved(a.id)?.removedAt).toBe(when.toISOString());
    });

    it('restores removed articles as they were', async () => {
      const store = await open();
      const [a, b] = [makeArticle(1), makeArticle(2)] as [Article, Article];
      await store.commit({ added: [a, b], updated: [] });
      await store.remove([a.id]);
      expect(await store.restore([a.id, b.id, 'unknown-id'])).toEqual([a.id]);
      expect(store.get(a.id)).toEqual(metaOf(a));
      expect(store.get(a.id)).not.toHaveProperty('removedAt');
      expect(store.list()).toHaveLength(2);
      expect(store.listRemoved()).toEqual([]);
      expect(store.findByFingerprint(a.fingerprint)?.id).toBe(a.id);
      expect(await store.readArticle(a.id)).toEqual(a);
      expect((await readLibrary()).articles[a.id]).not.toHaveProperty('removedAt');
    });

    it('writes nothing when nothing changes', async () => {
      const store = await open();
      const a = makeArticle(1);
      await store.commit({ added: [a], updated: [] });
      const before = await stat(libraryFile());
      expect(await store.restore([a.id])).toEqual([]);
      expect(await store.forget([a.id])).toEqual([]);
      expect(await store.remove(['unknown-id'])).toEqual([]);
      const after = await stat(libraryFile());
      expect(after.ino).toBe(before.ino);
      expect(after.mtimeMs).toBe(before.mtimeMs);
    });

    it('forgets only removed articles: records dropped, id and source free again, bodies left as garbage', async () => {
      const store = await open();
      const [a, b] = [makeArticle(1), makeArticle(2)] as [Article, Article];
      await store.commit({ added: [a, b], updated: [] });
      await store.remove([a.id]);
      expect(await store.forget([a.id, b.id])).toEqual([a.id]);
      expect(store.getIncludingRemoved(a.id)).toBeUndefined();
      expect(store.findBySource(a.source)).toBeUndefined();
      expect(store.listRemoved()).toEqual([]);
      expect(store.get(b.id)).toEqual(metaOf(b));
      expect(Object.keys((await readLibrary()).articles)).toEqual([b.id]);
      expect(await readdir(path.join(dataDir, 'bodies'))).toEqual(['pack-000001.jsonl']);

      // Gone for good: the same article can be added as new.
      await store.commit({ added: [a], updated: [] });
      expect(await store.readArticle(a.id)).toEqual(a);
    });

    it('brings a removed article back when it is updated, and refuses to add it again', async () => {
      const store = await open();
      const a = makeArticle(1);
      await store.commit({ added: [a], updated: [] });
      await store.remove([a.id]);
      await expect(store.commit({ added: [a], updated: [] })).rejects.toThrow(
        /a removed article has this id; pass it as updated/,
      );
      const newer: Article = { ...a, title: 'Back again', fingerprint: 'e'.repeat(64) };
      await store.commit({ added: [], updated: [newer] });
      expect(store.get(a.id)?.title).toBe('Back again');
      expect(store.listRemoved()).toEqual([]);
      expect((await readLibrary()).articles[a.id]).not.toHaveProperty('removedAt');
    });

    it('changes nothing in memory when the write fails', async () => {
      const store = await open();
      const [a, b] = [makeArticle(1), makeArticle(2)] as [Article, Article];
      await store.commit({ added: [a, b], updated: [] });
      await store.remove([b.id]);
      // A non-empty folder in library.json's place: the rename over it fails.
      await rm(libraryFile());
      await mkdir(path.join(libraryFile(), 'blocker'), { recursive: true });
      await expect(store.remove([a.id])).rejects.toThrow();
      await expect(store.restore([b.id])).rejects.toThrow();
      await expect(store.forget([b.id])).rejects.toThrow();
      expect(store.list().map((meta) => meta.id)).toEqual([a.id]);
      expect(store.listRemoved().map((meta) => meta.id)).toEqual([b.id]);
      expect(store.findByFingerprint(a.fingerprint)?.id).toBe(a.id);
      expect(store.findBySource(b.source)?.id).toBe(b.id);
    });

    it('refuses to remove, restore or forget when read-only', async () => {
      const writer = await open();
      const a = makeArticle(1);
      await writer.commit({ added: [a], updated: [] });
      const reader = await open({ readOnly: true });
      await expect(reader.remove([a.id])).rejects.toBeInstanceOf(StoreReadOnlyError);
      await expect(reader.restore([a.id])).rejects.toBeInstanceOf(StoreReadOnlyError);
      await expect(reader.forget([a.id])).rejects.toBeInstanceOf(StoreReadOnlyError);
      await writer.close();
      await expect(writer.remove([a.id])).rejects.toThrow(/is closed/);
    });

    it('reports a damaged removal mark', async () => {
      const store = await open();
      const a = makeArticle(1);
      await store.commit({ added: [a], updated: [] });
      await store.close();
      const library = await readLibrary();
      library.articles[a.id].removedAt = 'last week';
      await writeFile(libraryFile(), JSON.stringify(library));
      await expect(open()).rejects.toThrow(/library file .* is damaged \(at articles\.[0-9a-f]+\.removedAt/);
    });
  });

  it('gives an article id from the absolute source path', () => {
    const id = articleIdForSource('/news/business/001.txt');
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(articleIdForSource('/news/business/001.txt')).toBe(id);
    expect(articleIdForSource('/news/business/002.txt')).not.toBe(id);
    expect(articleIdForSource('001.txt')).toBe(articleIdForSource(path.resolve('001.txt')));
  });
});
