import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgressStore } from '../reading';
import { articleIdForSource, LibraryStore } from '../store';
import { importIntoLibrary } from './import-into-library';

const BBC = fileURLToPath(new URL('../../../tests/fixtures/bbc-news/business', import.meta.url));

let root: string;
let newsDir: string;
let store: LibraryStore;
const first = () => new Date('2024-05-01T10:00:00.000Z');
const later = () => new Date('2024-07-01T10:00:00.000Z');

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gazette-import-'));
  newsDir = path.join(root, 'news', 'business');
  await mkdir(newsDir, { recursive: true });
  for (const name of ['001.txt', '002.txt', '003.txt'])
    await copyFile(path.join(BBC, name), path.join(newsDir, name));
  store = await LibraryStore.open(path.join(root, 'data'));
});
afterEach(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

describe('importIntoLibrary and removed articles', () => {
  it('brings a removed article back when its path is imported again, with its progress', async () => {
    expect(await importIntoLibrary(store, [newsDir], { now: first })).toMatchObject({ imported: 3 });
    const source = path.join(newsDir, '001.txt');
    const id = articleIdForSource(source);
    const progress = await ProgressStore.open(store);
    await progress.save(id, { blockIndex: 2, blockOffset: 0.5, fraction: 0.3 });

    await store.remove([id]);
    expect(store.list()).toHaveLength(2);

    const report = await importIntoLibrary(store, [newsDir], { now: later });
    expect(report).toMatchObject({ imported: 1, updated: 0, unchanged: 2, duplicates: [] });
    const back = store.get(id);
    expect(back?.source).toBe(source);
    // Imported again: listed with the newest.
    expect(back?.importedAt).toBe(later().toISOString());
    expect(store.list()[0]?.id).toBe(id);
    expect(store.listRemoved()).toEqual([]);
    expect((await store.readArticle(id)).title).toBe('Ad sales boost Time Warner profit');
    expect(progress.get(id)).toMatchObject({ fraction: 0.3, position: { blockIndex: 2 } });

    // And after a reopen.
    await store.close();
    store = await LibraryStore.open(path.join(root, 'data'));
    expect(store.get(id)?.importedAt).toBe(later().toISOString());
    expect((await ProgressStore.open(store)).get(id)?.fraction).toBe(0.3);
  });

  it('brings it back with its new text if the file changed', async () => {
    await importIntoLibrary(store, [newsDir], { now: first });
    const source = path.join(newsDir, '002.txt');
    const id = articleIdForSource(source);
    await store.remove([id]);
    const text = await readFile(source, 'utf8');
    await writeFile(source, text.replace(/^.*\n/, 'A corrected title\n'));

    const report = await importIntoLibrary(store, [source], { now: later });
    expect(report).toMatchObject({ imported: 1, updated: 0, unchanged: 0 });
    expect(store.get(id)?.title).toBe('A corrected title');
    expect((await store.readArticle(id)).title).toBe('A corrected title');
  });

  it('takes the same text at another path as new while the original is removed, and as a duplicate of it once back', async () => {
    await importIntoLibrary(store, [newsDir], { now: first });
    const source = path.join(newsDir, '003.txt');
    const id = articleIdForSource(source);
    await store.remove([id]);

    // Files are imported in path order: the copy's path sorts after the original's.
    const copyDir = path.join(root, 'zz-copies', 'business');
    await mkdir(copyDir, { recursive: true });
    await copyFile(source, path.join(copyDir, '003-copy.txt'));
    // One run: the removed original comes back first, so its copy is a duplicate of it.
    const both = await importIntoLibrary(store, [source, copyDir], { now: later });
    expect(both).toMatchObject({
      imported: 1,
      duplicates: [{ path: path.join(copyDir, '003-copy.txt'), of: id }],
    });

    await store.remove([id]);
    const copyOnly = await importIntoLibrary(store, [copyDir], { now: later });
    expect(copyOnly).toMatchObject({ imported: 1, duplicates: [] });
    expect(store.get(articleIdForSource(path.join(copyDir, '003-copy.txt')))).toBeDefined();
  });
});

describe('importIntoLibrary on awkward names and encodings (issue 9 §4)', () => {
  it('imports a file whose name is not valid UTF-8, under a readable, stable source', async () => {
    const text = await readFile(path.join(BBC, '004.txt'));
    // "caf\xE9.txt": a Latin-1 name from an old disk.
    const rawName = Buffer.concat([
      Buffer.from(newsDir + path.sep),
      Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      Buffer.from('.txt'),
    ]);
    await writeFile(rawName, text);
    const report = await importIntoLibrary(store, [newsDir], { now: first });
    expect(report.failed).toEqual([]);
    expect(report.imported).toBe(4);
    const source = path.join(newsDir, 'caf%E9.txt');
    const article = store.findBySource(source);
    expect(article?.title).toBe(text.toString('utf8').split('\n')[0]);
    // Imported again: the same source, so unchanged.
    expect(await importIntoLibrary(store, [newsDir], { now: later })).toMatchObject({
      imported: 0,
      unchanged: 4,
    });
  });

  it('imports UTF-16 files without a byte order mark, LE and BE', async () => {
    const text = 'Élection municipale\n\nLe dépouillement s’est achevé tard dans la nuit, sans incident.\n';
    const le = Buffer.from(text, 'utf16le');
    await writeFile(path.join(newsDir, 'le.txt'), le);
    await writeFile(path.join(newsDir, 'be.txt'), Buffer.from(le).swap16());
    const report = await importIntoLibrary(store, [
      path.join(newsDir, 'le.txt'),
      path.join(newsDir, 'be.txt'),
    ]);
    expect(report.failed).toEqual([]);
    expect(report.imported).toBe(1);
    expect(report.duplicates).toHaveLength(1);
    expect(store.findBySource(path.join(newsDir, 'be.txt'))?.encoding).toBe('utf-16be');
  });

  it("gives every failure a stable code beside its sentence, and skips a saved page's _files folder", async () => {
    await writeFile(path.join(newsDir, 'empty.txt'), '');
    await mkdir(path.join(newsDir, 'Page_files'));
    await writeFile(path.join(newsDir, 'Page_files', 'app.txt'), 'Not an article\n\nAt all.');
    await writeFile(path.join(newsDir, 'Page.html'), '<html><body><p>Short</p></body></html>');
    const report = await importIntoLibrary(store, [newsDir, path.join(root, 'missing.txt')]);
    expect(report.failed).toContainEqual({
      path: path.join(newsDir, 'empty.txt'),
      error: 'empty file',
      code: 'empty',
    });
    expect(report.failed).toContainEqual({
      path: path.join(root, 'missing.txt'),
      error: 'no such file or folder',
      code: 'missing',
    });
    expect(report.skipped).toContainEqual(
      expect.objectContaining({ path: path.join(newsDir, 'Page_files'), code: 'page-resources' }),
    );
    expect(store.findBySource(path.join(newsDir, 'Page_files', 'app.txt'))).toBeUndefined();
  });
});
