/**
 * The library format migration, on a REAL version-1 library made by the version-1 code and kept
 * as a fixture (tests/fixtures/library-v1, see its README): it opens, is migrated to the current
 * version, keeps every article, body, progress, highlight, note and tag, and the old file is kept
 * beside the new one.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationStore } from '../annotations';
import { ProgressStore } from '../reading';
import { TagStore } from '../tags';
import { StoreMissingLibraryError, StoreReadOnlyError } from './errors';
import { LibraryStore } from './library-store';
import { repairLibrary } from './repair-library';
import { LIBRARY_SCHEMA_VERSION } from './schemas';
import { snapshotFolder } from './testing/folder-snapshot';

const FIXTURE = path.resolve(import.meta.dirname, '../../../tests/fixtures/library-v1/data');
const SEED = '46aacdb43e01';
const TIME_WARNER = '59f683baa346';
const GREENSPAN = 'e7adaf13755b';

let dataDir: string;
let v1Text: string;
beforeEach(async () => {
  dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'gazette-v1-')), 'data');
  await cp(FIXTURE, dataDir, { recursive: true });
  v1Text = await readFile(path.join(dataDir, 'library.json'), 'utf8');
});
afterEach(async () => {
  await rm(path.dirname(dataDir), { recursive: true, force: true });
});

describe('a version-1 library made by the version-1 code', () => {
  it('opens, is migrated, keeps everything, and keeps the old file beside the new one', async () => {
    const v1 = JSON.parse(v1Text) as {
      schemaVersion: number;
      articles: Record<string, Record<string, unknown>>;
    };
    expect(v1.schemaVersion).toBe(1);
    expect(LIBRARY_SCHEMA_VERSION).toBeGreaterThan(1);

    const store = await LibraryStore.open(dataDir);
    try {
      expect(store.migratedFrom).toBe(1);
      // The old file, byte for byte, beside the new one.
      expect(await readFile(path.join(dataDir, 'library.v1.json'), 'utf8')).toBe(v1Text);
      const migrated = JSON.parse(await readFile(path.join(dataDir, 'library.json'), 'utf8')) as typeof v1;
      expect(migrated.schemaVersion).toBe(LIBRARY_SCHEMA_VERSION);
      // Every record kept, field for field.
      expect(migrated.articles).toEqual(v1.articles);

      expect(
        store
          .list()
          .map((meta) => meta.id)
          .sort(),
      ).toEqual(Object.keys(v1.articles).sort());
      for (const [id, record] of Object.entries(v1.articles)) {
        const { body: _body, ...meta } = record;
        expect(store.get(id)).toEqual(meta);
        const article = await store.readArticle(id);
        expect(article.blocks.length).toBeGreaterThan(0);
      }
      expect((await store.readArticle(SEED)).title).toBe(
        'Alep : vers un accord militaire entre les États-Unis et la Russie',
      );

      const progress = await ProgressStore.open(store);
      expect(progress.get(SEED)).toMatchObject({ fraction: 0.4, finished: false });
      expect(progress.get(GREENSPAN)).toMatchObject({ fraction: 1, finished: true });

      const tags = await TagStore.open(store);
      expect(tags.get(SEED)).toEqual(['syrie', 'diplomatie']);
      expect(tags.get(TIME_WARNER)).toEqual(['media']);

      const annotations = await AnnotationStore.open(store);
      const seed = await annotations.list(SEED);
      expect(seed.highlights).toHaveLength(1);
      expect(seed.highlights[0]).toMatchObject({
        color: 'green',
        note: 'À suivre : l’accord « militaire ».',
        anchor: { status: 'anchored' },
      });
      expect(seed.highlights[0]!.selectors[0].exact).toBe('des négociations étaient dans une');
      expect(seed.notes.map((note) => note.text)).toEqual(['Ma note sur *Alep*.']);
      expect((await annotations.list(TIME_WARNER)).highlights[0]!.selectors[0].exact).toBe(
        'Quarterly profits',
      );
      expect(annotations.counts(SEED)).toEqual({ highlights: 1, notes: 1 });

      // The migrated library takes new data as any other.
      await store.setCleaningOverrides(TIME_WARNER, { disabledRules: ['share-links'] });
      expect(store.cleaningOverrides(TIME_WARNER)).toEqual({ disabledRules: ['share-links'] });
    } finally {
      await store.close();
    }

    // Opened again: nothing more to migrate, and the kept copy is not touched.
    const again = await LibraryStore.open(dataDir);
    try {
      expect(again.migratedFrom).toBeUndefined();
      expect(again.cleaningOverrides(TIME_WARNER)).toEqual({ disabledRules: ['share-links'] });
      expect(await readFile(path.join(dataDir, 'library.v1.json'), 'utf8')).toBe(v1Text);
    } finally {
      await again.close();
    }
  });

  it('read-only, it is migrated in memory only', async () => {
    const before = await snapshotFolder(dataDir);
    const reader = await LibraryStore.open(dataDir, { readOnly: true });
    expect(reader.list()).toHaveLength(4);
    await reader.close();
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it('a migration that cannot keep the old file changes nothing', async () => {
    // A real failure: a folder where the old file's copy must go.
    await mkdir(path.join(dataDir, 'library.v1.json'));
    const before = await snapshotFolder(dataDir);
    await expect(LibraryStore.open(dataDir)).rejects.toThrow();
    expect(await snapshotFolder(dataDir)).toEqual(before);
    expect(await readFile(path.join(dataDir, 'library.json'), 'utf8')).toBe(v1Text);
  });

  it('a library from a newer Gazette opens read-only, with a message, and is never written', async () => {
    const newer = JSON.parse(v1Text) as Record<string, unknown>;
    newer.schemaVersion = LIBRARY_SCHEMA_VERSION + 1;
    newer.shelves = [{ name: 'later' }];
    const text = JSON.stringify(newer);
    await writeFile(path.join(dataDir, 'library.json'), text);
    const store = await LibraryStore.open(dataDir);
    try {
      expect(store.readOnly).toBe(true);
      expect(store.readOnlyReason).toMatch(
        new RegExp(
          `made by a newer version of Gazette \\(schema version ${LIBRARY_SCHEMA_VERSION + 1};.*open read-only`,
        ),
      );
      expect(store.list()).toHaveLength(4);
      expect((await store.readArticle(SEED)).blocks.length).toBeGreaterThan(0);
      await expect(store.remove([SEED])).rejects.toBeInstanceOf(StoreReadOnlyError);
      // It took no lock: another Gazette (the newer one) may write.
      const other = await LibraryStore.open(dataDir);
      await other.close();
    } finally {
      await store.close();
    }
    expect(await readFile(path.join(dataDir, 'library.json'), 'utf8')).toBe(text);
  });

  it('without library.json it is refused, not opened empty, and `repairLibrary` rebuilds it', async () => {
    await rm(path.join(dataDir, 'library.json'));
    const before = await snapshotFolder(dataDir);
    const error = await LibraryStore.open(dataDir).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StoreMissingLibraryError);
    expect((error as Error).message).toMatch(
      /library\.json is missing, but the folder still holds 1 body pack \(the articles' text\) and \d+ files of your own data in user\/.*gazette repair/,
    );
    await expect(LibraryStore.open(dataDir, { readOnly: true })).rejects.toBeInstanceOf(
      StoreMissingLibraryError,
    );
    expect(await snapshotFolder(dataDir)).toEqual(before);

    // Version-1 packs hold no metadata: the articles come back from their text, with their ids.
    const report = await repairLibrary(dataDir);
    expect(report).toMatchObject({ articles: 4, rebuiltFromText: 4, packs: 1, damagedLines: 0 });
    const store = await LibraryStore.open(dataDir);
    try {
      expect(
        store
          .list()
          .map((meta) => meta.id)
          .sort(),
      ).toEqual([GREENSPAN, SEED, TIME_WARNER, 'c1fdf0009d41'].sort());
      const seed = store.get(SEED)!;
      expect(seed.source).toBe(`repaired:${SEED}`);
      expect(seed.wordCount).toBeGreaterThan(400);
      // The reader's data is attached again, by id.
      expect((await ProgressStore.open(store)).get(SEED)).toMatchObject({ fraction: 0.4 });
      expect((await TagStore.open(store)).get(SEED)).toEqual(['syrie', 'diplomatie']);
      const seedNotes = await (await AnnotationStore.open(store)).list(SEED);
      expect(seedNotes.notes).toHaveLength(1);
      expect(seedNotes.highlights[0]!.anchor.status).toBe('anchored');
    } finally {
      await store.close();
    }
    // A library is there now: a second repair refuses and changes nothing.
    const after = await snapshotFolder(dataDir);
    await expect(repairLibrary(dataDir)).rejects.toThrow(/repairs only a missing one/);
    expect(await snapshotFolder(dataDir)).toEqual(after);
  });
});
