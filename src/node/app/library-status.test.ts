/**
 * `libraryStatus`: damage is named (file by file) while the library still lists, on real files in
 * a temporary data folder; a mended file is no longer named; a v1 library says it was migrated.
 */
import { cp, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptError } from '../store';
import { openGazetteApp, type GazetteApp } from './gazette-app';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BBC = path.join(ROOT, 'tests/fixtures/bbc-news/sport');
const V1_FIXTURE = path.join(ROOT, 'tests/fixtures/library-v1/data');

let tmp: string;
let dataDir: string;
let app: GazetteApp | undefined;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'gazette-status-'));
  dataDir = path.join(tmp, 'data');
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await rm(tmp, { recursive: true, force: true });
});

async function libraryWithArticles(): Promise<string[]> {
  app = await openGazetteApp({ dataDir });
  const report = await app.importPaths(['001.txt', '002.txt'].map((name) => path.join(BBC, name)));
  expect(report.imported).toBe(2);
  const ids = (await app.list()).map((entry) => entry.id);
  await app.setFinished(ids[0] ?? '', true);
  await app.setTags(ids[0] ?? '', ['economy'], []);
  await app.close();
  app = undefined;
  return ids;
}

describe('libraryStatus', () => {
  it('has nothing to say about a sound library', async () => {
    await libraryWithArticles();
    app = await openGazetteApp({ dataDir });
    expect(await app.libraryStatus()).toEqual({ readOnly: false, warnings: [] });
  });

  it('names a damaged progress file and a damaged tags file, while the library still lists', async () => {
    const ids = await libraryWithArticles();
    const progressFile = path.join(dataDir, 'user', 'progress.json');
    const tagsFile = path.join(dataDir, 'user', 'tags.json');
    const goodProgress = await readFile(progressFile, 'utf8');
    await writeFile(progressFile, '{ "schemaVersion": 1, "progress": ');
    await writeFile(tagsFile, 'not json');
    app = await openGazetteApp({ dataDir });
    expect((await app.list()).map((entry) => entry.id).sort()).toEqual([...ids].sort());
    const status = await app.libraryStatus();
    expect(status.readOnly).toBe(false);
    expect(status.warnings).toEqual([
      { code: 'progress-damaged', values: { file: progressFile } },
      { code: 'tags-damaged', values: { file: tagsFile } },
    ]);
    // The damaged files are kept as they are.
    expect(await readFile(tagsFile, 'utf8')).toBe('not json');
    // Mended while the app runs: no longer named.
    await writeFile(progressFile, goodProgress);
    await rm(tagsFile);
    expect((await app.libraryStatus()).warnings).toEqual([]);
    expect((await app.list()).find((entry) => entry.id === ids[0])?.state).toBe('finished');
  });

  it('names a body pack found damaged when an article was opened', async () => {
    const [id] = await libraryWithArticles();
    const bodies = path.join(dataDir, 'bodies');
    const [pack] = await readdir(bodies);
    await truncate(path.join(bodies, pack ?? ''), 10);
    app = await openGazetteApp({ dataDir });
    expect((await app.libraryStatus()).warnings).toEqual([]);
    await expect(app.article(id ?? '')).rejects.toThrow(StoreCorruptError);
    expect((await app.libraryStatus()).warnings).toEqual([
      { code: 'body-pack-damaged', values: { file: path.join(bodies, pack ?? '') } },
    ]);
  });

  it('says a version-1 library was migrated and where the old file is kept', async () => {
    await cp(V1_FIXTURE, dataDir, { recursive: true });
    app = await openGazetteApp({ dataDir });
    const keptAs = path.join(dataDir, 'library.v1.json');
    expect((await app.libraryStatus()).warnings).toEqual([{ code: 'migrated', values: { from: 1, keptAs } }]);
    expect(JSON.parse(await readFile(keptAs, 'utf8'))).toMatchObject({ schemaVersion: 1 });
  });

  it('says a library made by a newer Gazette is open read-only', async () => {
    await libraryWithArticles();
    const libraryFile = path.join(dataDir, 'library.json');
    const library = JSON.parse(await readFile(libraryFile, 'utf8')) as { schemaVersion: number };
    await writeFile(libraryFile, JSON.stringify({ ...library, schemaVersion: library.schemaVersion + 1 }));
    app = await openGazetteApp({ dataDir });
    expect(await app.libraryStatus()).toEqual({
      readOnly: true,
      warnings: [{ code: 'newer-library', values: { file: libraryFile } }],
    });
  });
});
