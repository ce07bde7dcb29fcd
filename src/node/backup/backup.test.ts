/**
 * Backup and restore on real files: a library of real articles with progress, settings, highlights
 * (one of them detached by an edit) and notes is backed up with `gazette backup`, restored with
 * `gazette restore` into an EMPTY data folder, and must read back the same through `gazette
 * annotations --json` and `list --json`; restoring again changes no byte; bad backups change nothing.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleText } from '../../core/annotations/article-text';
import type { GazetteMethod, MethodResults } from '../../core/ipc/contract';
import { dispatch } from '../../core/ipc/dispatch';
import { createGazetteHandlers } from '../gazette-handlers';
import { articleIdForSource, LibraryStore } from '../store';
import { BACKUP_FORMAT } from './backup-format';
import { runGazette } from '../../cli/testing/run-gazette';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SEED = path.join(ROOT, 'seeds', '000_fa55918c37a99e94.txt');
const BBC = path.join(ROOT, 'tests', 'fixtures', 'bbc-news');

let root: string;
let original: string;
let backupFile: string;
let business: string;
let seed: string;

const gazette = runGazette;

async function json(dataDir: string, ...argv: string[]): Promise<unknown> {
  const run = await gazette(dataDir, ...argv, '--json');
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out);
}

/** Every file of a data folder with a hash of its bytes (the lock left out): "changes nothing" means equal. */
async function snapshot(dataDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const full = path.join(dir, name);
      if (name === 'gazette.lock') continue;
      if ((await stat(full)).isDirectory()) await walk(full);
      else
        files[path.relative(dataDir, full)] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
    }
  };
  await walk(dataDir);
  return files;
}

/** Builds the original library through the app's handlers. */
async function makeOriginal(): Promise<void> {
  const news = path.join(root, 'news');
  await mkdir(path.join(news, 'business'), { recursive: true });
  await mkdir(path.join(news, 'politics'), { recursive: true });
  await copyFile(SEED, path.join(news, path.basename(SEED)));
  await copyFile(path.join(BBC, 'business', '001.txt'), path.join(news, 'business', '001.txt'));
  await copyFile(path.join(BBC, 'politics', '001.txt'), path.join(news, 'politics', '001.txt'));
  seed = articleIdForSource(path.join(news, path.basename(SEED)));
  business = articleIdForSource(path.join(news, 'business', '001.txt'));

  const store = await LibraryStore.open(original);
  const handlers = createGazetteHandlers({
    store,
    choosePaths: async () => null,
    onImportProgress: () => {},
  });
  const ok = async <M extends GazetteMethod>(method: M, payload: unknown): Promise<MethodResults[M]> => {
    const envelope = await dispatch(handlers, method, payload);
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
    return envelope.value as MethodResults[M];
  };
  const mark = async (id: string, words: string, extra: Record<string, unknown> = {}) => {
    const start = articleText((await ok('getArticle', { id })).blocks).text.indexOf(words);
    return ok('addHighlight', { id, start, end: start + words.length, ...extra });
  };
  try {
    await ok('importPaths', { paths: [news] });
    await mark(business, 'jumped 76%', { color: 'green', note: 'Big *jump*' });
    await mark(business, 'It has already offered to pay $300m to settle charges', { note: 'to be detached' });
    await mark(seed, 'Sergueï Choïgou', { color: 'purple' });
    await ok('addNote', { id: seed, text: 'Relire **demain**.' });
    await ok('saveProgress', { id: business, position: { blockIndex: 2, blockOffset: 0.5, fraction: 0.4 } });
    await ok('updateSettings', { patch: { theme: 'sepia', textSize: 22 } });
    // An edit that detaches the second highlight and moves the first.
    const file = path.join(news, 'business', '001.txt');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text
        .replace('\n\n', '\n\nA first paragraph added later.\n\n')
        .replace(/\nTimeWarner is to restate[^\n]*\n/, '\n'),
    );
    await ok('importPaths', { paths: [file] });
  } finally {
    await store.close();
  }
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gazette-backup-'));
  original = path.join(root, 'original');
  backupFile = path.join(root, 'backups', 'gazette-backup.json');
  await makeOriginal();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores into an empty data folder the same library, annotations, progress and settings', async () => {
    const summary = (await json(original, 'backup', '--out', backupFile)) as Record<string, unknown>;
    expect(summary).toMatchObject({ file: backupFile, articles: 3, highlights: 3, notes: 1 });
    const backup = JSON.parse(await readFile(backupFile, 'utf8'));
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, formatVersion: 1 });
    expect(
      backup.articles.find((article: { id: string }) => article.id === seed).removed.length,
    ).toBeGreaterThan(0);

    const copy = path.join(root, 'empty');
    expect(await json(copy, 'restore', backupFile)).toEqual({
      articlesAdded: 3,
      articlesKept: 0,
      articlesBroughtBack: 0,
      progressRestored: 1,
      settingsRestored: true,
      highlightsAdded: 3,
      highlightsUpdated: 0,
      notesAdded: 1,
      notesUpdated: 0,
    });
    for (const id of [business, seed]) {
      expect(await json(copy, 'annotations', id)).toEqual(await json(original, 'annotations', id));
    }
    const business_ = (await json(copy, 'annotations', business)) as {
      highlights: Array<{ status: string }>;
    };
    expect(business_.highlights.map((highlight) => highlight.status)).toEqual(['moved', 'detached']);
    expect(await json(copy, 'list')).toEqual(await json(original, 'list'));
    expect(await json(copy, 'show', seed, business)).toEqual(await json(original, 'show', seed, business));
    const settings = JSON.parse(await readFile(path.join(copy, 'user', 'settings.json'), 'utf8'));
    expect(settings.settings).toMatchObject({ theme: 'sepia', textSize: 22 });
  });

  it('changes nothing when the same backup is restored a second time, into the copy or the original', async () => {
    await json(original, 'backup', '--out', backupFile);
    const copy = path.join(root, 'copy');
    await json(copy, 'restore', backupFile);
    for (const dataDir of [copy, original]) {
      const before = await snapshot(dataDir);
      expect(await json(dataDir, 'restore', backupFile)).toMatchObject({
        articlesAdded: 0,
        progressRestored: 0,
        settingsRestored: false,
        highlightsAdded: 0,
        highlightsUpdated: 0,
        notesAdded: 0,
        notesUpdated: 0,
      });
      expect(await snapshot(dataDir)).toEqual(before);
    }
  });

  it('merges: newer local edits win, deleted annotations and removed articles come back, nothing doubles', async () => {
    await json(original, 'backup', '--out', backupFile);
    const store = await LibraryStore.open(original);
    const handlers = createGazetteHandlers({
      store,
      choosePaths: async () => null,
      onImportProgress: () => {},
    });
    const call = async (method: string, payload: unknown) => {
      const envelope = await dispatch(handlers, method, payload);
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value;
    };
    const { highlights } = (await call('listAnnotations', {
      id: business,
    })) as MethodResults['listAnnotations'];
    await call('updateHighlight', {
      id: business,
      highlightId: highlights[0]!.id,
      note: 'edited after the backup',
    });
    await call('deleteHighlight', { id: business, highlightId: highlights[1]!.id });
    await call('removeArticles', { ids: [seed] });
    await store.close();

    const report = await json(original, 'restore', backupFile);
    expect(report).toMatchObject({
      articlesAdded: 0,
      articlesKept: 2,
      articlesBroughtBack: 1,
      highlightsAdded: 1,
      highlightsUpdated: 0,
    });
    const after = (await json(original, 'annotations', business)) as { highlights: Array<{ note: string }> };
    expect(after.highlights.map((highlight) => highlight.note)).toEqual([
      'edited after the backup',
      'to be detached',
    ]);
    expect(((await json(original, 'list')) as unknown[]).length).toBe(3);
  });

  it('matches an article the library holds at another path by its text, and puts the annotations on it', async () => {
    await json(original, 'backup', '--out', backupFile);
    const elsewhere = path.join(root, 'elsewhere');
    await mkdir(path.join(elsewhere, 'politics'), { recursive: true });
    await copyFile(path.join(BBC, 'politics', '001.txt'), path.join(elsewhere, 'politics', '001.txt'));
    await copyFile(SEED, path.join(elsewhere, 'seed.txt'));
    const other = path.join(root, 'other');
    expect(await json(other, 'import', elsewhere)).toMatchObject({ imported: 2 });
    const report = await json(other, 'restore', backupFile);
    expect(report).toMatchObject({ articlesAdded: 1, articlesKept: 2, highlightsAdded: 3, notesAdded: 1 });
    const localSeed = articleIdForSource(path.join(elsewhere, 'seed.txt'));
    const onLocal = (await json(other, 'annotations', localSeed)) as {
      highlights: unknown[];
      notes: unknown[];
    };
    expect(onLocal.highlights).toHaveLength(1);
    expect(onLocal.notes).toHaveLength(1);
    expect(((await json(other, 'list')) as unknown[]).length).toBe(3);
  });

  it.each([
    ['not JSON', 'this is not json', /is not a Gazette backup: it is not JSON/],
    ['empty', '', /not JSON \(the file is empty\)/],
    [
      'another JSON file',
      '{"schemaVersion":1,"articles":{}}',
      /is not a Gazette backup \(it has no "format": "gazette-backup"\)/,
    ],
    [
      'a newer format',
      '{"format":"gazette-backup","formatVersion":2}',
      /made by a newer version of Gazette \(format version 2; this version reads 1\)/,
    ],
  ])('refuses a bad backup (%s) with a clear error, changing nothing', async (_name, content, message) => {
    const bad = path.join(root, 'bad.json');
    await writeFile(bad, content);
    const before = await snapshot(original);
    const run = await gazette(original, 'restore', bad);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(message);
    expect(run.err).toMatch(/Nothing was changed\.$/);
    expect(await snapshot(original)).toEqual(before);
  });

  it('refuses a backup whose data fails the format anywhere, even after valid articles, changing nothing', async () => {
    await json(original, 'backup', '--out', backupFile);
    const valid = JSON.parse(await readFile(backupFile, 'utf8'));
    const cases: Array<[string, (backup: typeof valid) => void, RegExp]> = [
      [
        'a colour that does not exist',
        (b) => (b.annotations[business].highlights[0].color = 'red'),
        /annotations\.\w+\.highlights\.0\.color/,
      ],
      [
        'annotations of a missing article',
        (b) => (b.annotations.ffffffffffff = { highlights: [], notes: [] }),
        /annotations of an article the backup does not hold/,
      ],
      ['a broken article', (b) => delete b.articles[2].blocks, /articles\.2\.blocks/],
      ['an unknown field', (b) => (b.extra = true), /extra/],
    ];
    const empty = path.join(root, 'empty');
    for (const [name, damage, message] of cases) {
      const backup = structuredClone(valid);
      damage(backup);
      const bad = path.join(root, `bad-${name.replace(/\W+/g, '-')}.json`);
      await writeFile(bad, JSON.stringify(backup));
      for (const dataDir of [original, empty]) {
        const before = await snapshot(dataDir);
        const run = await gazette(dataDir, 'restore', bad);
        expect(run.code, name).toBe(1);
        expect(run.err, name).toMatch(/The backup .* is damaged \(/);
        expect(run.err, name).toMatch(message);
        expect(await snapshot(dataDir), name).toEqual(before);
      }
    }
    // The empty folder was not even created: the file was refused before the library was opened.
    await expect(stat(empty)).rejects.toThrow(/ENOENT/);
  });

  it('refuses to back up or export a library with a damaged annotation file, naming it', async () => {
    const file = path.join(original, 'user', 'annotations', `${seed}.json`);
    await writeFile(file, '{"schemaVersion":1,');
    // Even once the counts index no longer knows the article (rebuilt while the file was damaged).
    await rm(path.join(original, 'user', 'annotation-counts.json'));
    for (const argv of [
      ['backup', '--out', backupFile],
      ['export', '--format', 'json'],
    ]) {
      const run = await gazette(original, ...argv);
      expect(run.code, argv[0]).toBe(1);
      expect(run.err).toMatch(new RegExp(`annotation file .*${seed}\\.json is damaged`));
    }
    await expect(stat(backupFile)).rejects.toThrow(/ENOENT/);
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion":1,');
  });

  it('never writes a backup over a file that is not one, and leaves removed articles out', async () => {
    const precious = path.join(root, 'notes.txt');
    await writeFile(precious, 'my precious notes');
    const run = await gazette(original, 'backup', '--out', precious);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/already exists and is not a Gazette backup/);
    expect(await readFile(precious, 'utf8')).toBe('my precious notes');

    await json(original, 'backup', '--out', backupFile);
    const store = await LibraryStore.open(original);
    await store.remove([seed]);
    await store.close();
    // Replacing an older backup is fine.
    expect(await json(original, 'backup', '--out', backupFile)).toMatchObject({
      articles: 2,
      highlights: 2,
      notes: 0,
    });
    expect((await gazette(original, 'backup')).code).toBe(2);
  });
});
