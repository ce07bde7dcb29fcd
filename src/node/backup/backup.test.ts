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
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './backup-format';
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
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION });
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
      conflicts: 0,
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
      '{"format":"gazette-backup","formatVersion":3}',
      /made by a newer version of Gazette \(format version 3; this version reads 2\)/,
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
  it('refuses whole a backup holding ids such as toString, constructor or __proto__, changing nothing', async () => {
    await json(original, 'backup', '--out', backupFile);
    const valid = await readFile(backupFile, 'utf8');
    const progressEntry = {
      position: null,
      fraction: 0.5,
      finished: false,
      updatedAt: '2024-01-01T00:00:00.000Z',
    };
    const cases: Array<[string, string]> = [
      ['an article id toString', valid.replace(`"id":"${business}"`, '"id":"toString"')],
      [
        'progress of constructor',
        valid.replace('"progress":{', `"progress":{"constructor":${JSON.stringify(progressEntry)},`),
      ],
      [
        'annotations of __proto__',
        valid.replace('"annotations":{', '"annotations":{"__proto__":{"highlights":[],"notes":[]},'),
      ],
      ['an id that is a word', valid.replaceAll(business, 'my-article')],
    ];
    const empty = path.join(root, 'empty');
    await json(empty, 'import', path.join(BBC, 'sport', '001.txt'));
    for (const [name, text] of cases) {
      expect(text, name).not.toBe(valid);
      const bad = path.join(root, `bad-${name.replace(/\W+/g, '-')}.json`);
      await writeFile(bad, text);
      for (const dataDir of [original, empty]) {
        const before = await snapshot(dataDir);
        const run = await gazette(dataDir, 'restore', bad);
        expect(run.code, name).toBe(1);
        expect(run.err, name).toMatch(
          /is damaged \(.*(not an article id|Invalid key|__proto__).*\)\. Nothing was changed\./,
        );
        expect(await snapshot(dataDir), name).toEqual(before);
        // The library still lists.
        expect((await gazette(dataDir, 'list', '--json')).code, name).toBe(0);
      }
    }
  });

  it('refuses an article whose text is over the import size limit', async () => {
    await json(original, 'backup', '--out', backupFile);
    const backup = JSON.parse(await readFile(backupFile, 'utf8'));
    backup.articles[0].blocks.push({ kind: 'paragraph', text: 'x'.repeat(5 * 1024 * 1024) });
    const bad = path.join(root, 'huge.json');
    await writeFile(bad, JSON.stringify(backup));
    const before = await snapshot(original);
    const run = await gazette(original, 'restore', bad);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/larger than an imported article may be \(5 MiB\)/);
    expect(await snapshot(original)).toEqual(before);
  });

  it('never replaces the reader’s words, even by a backup dated 2099: the backup’s text is kept beside as a conflict', async () => {
    await json(original, 'backup', '--out', backupFile);
    const backup = JSON.parse(await readFile(backupFile, 'utf8'));
    const highlight = backup.annotations[business].highlights.find(
      (h: { note: string }) => h.note === 'Big *jump*',
    );
    highlight.note = 'Rewritten in the backup';
    highlight.updatedAt = '2099-01-01T00:00:00.000Z';
    const note = backup.annotations[seed].notes[0];
    note.text = 'A different note';
    note.updatedAt = '2099-01-01T00:00:00.000Z';
    const edited = path.join(root, 'edited.json');
    await writeFile(edited, JSON.stringify(backup));

    expect(await json(original, 'restore', edited)).toMatchObject({
      highlightsUpdated: 0,
      notesUpdated: 0,
      conflicts: 2,
    });
    const business_ = (await json(original, 'annotations', business)) as {
      highlights: Array<{ note: string; conflicts?: Array<{ text: string; from: string }> }>;
    };
    const kept = business_.highlights.find((h) => h.note === 'Big *jump*');
    expect(kept?.conflicts).toEqual([
      expect.objectContaining({
        text: 'Rewritten in the backup',
        from: 'backup',
        updatedAt: '2099-01-01T00:00:00.000Z',
      }),
    ]);
    const seed_ = (await json(original, 'annotations', seed)) as {
      notes: Array<{ text: string; conflicts?: Array<{ text: string }> }>;
    };
    expect(seed_.notes[0]?.text).toBe('Relire **demain**.');
    expect(seed_.notes[0]?.conflicts?.map((conflict) => conflict.text)).toEqual(['A different note']);
    // Again: nothing more, no second copy of the conflict.
    const before = await snapshot(original);
    expect(await json(original, 'restore', edited)).toMatchObject({ conflicts: 0 });
    expect(await snapshot(original)).toEqual(before);
    // A new backup carries the conflicts, and restores them elsewhere.
    const second = path.join(root, 'backups', 'second.json');
    await json(original, 'backup', '--out', second);
    const copy = path.join(root, 'copy');
    await json(copy, 'restore', second);
    expect(await json(copy, 'annotations', seed)).toEqual(await json(original, 'annotations', seed));
  });

  it('a restore that fails at a later step leaves the library exactly as it was', async () => {
    await json(original, 'backup', '--out', backupFile);
    // A library with some articles of its own, the backup's articles not yet in it…
    const target = path.join(root, 'target');
    await json(target, 'import', path.join(BBC, 'sport', '001.txt'), path.join(BBC, 'sport', '002.txt'));
    await json(target, 'tag', articleIdForSource(path.join(BBC, 'sport', '001.txt')), '--add', 'football');
    // …and a real failure waiting at the tags step, after the articles, progress and annotations:
    // the tags file is damaged (kept as it is; its error stops the restore).
    const tagsFile = path.join(target, 'user', 'tags.json');
    const tagsBytes = await readFile(tagsFile, 'utf8');
    await writeFile(tagsFile, tagsBytes.replace('"tags"', '"tags": 7, "x"'));
    const backup = JSON.parse(await readFile(backupFile, 'utf8'));
    backup.tags = { [business]: ['later'] };
    const withTags = path.join(root, 'with-tags.json');
    await writeFile(withTags, JSON.stringify(backup));

    const before = await snapshot(target);
    const listed = await json(target, 'list');
    const run = await gazette(target, 'restore', withTags);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /could not restore the backup \(.*tags file .* is damaged.*\)\. Nothing was changed\./,
    );
    expect(await snapshot(target)).toEqual(before);
    expect(await json(target, 'list')).toEqual(listed);

    // Mended, the same restore goes through whole.
    await writeFile(tagsFile, tagsBytes);
    expect(await json(target, 'restore', withTags)).toMatchObject({ articlesAdded: 3, tagsRestored: 1 });
  });

  it('carries the daily review: a graded highlight survives backup → restore into an empty folder, and the JSON export', async () => {
    const [first] = ((await json(original, 'annotations', seed)) as { highlights: Array<{ id: string }> })
      .highlights;
    expect(first).toBeDefined();
    const graded = (await json(original, 'review', 'grade', first!.id, 'good')) as { reps: number };
    expect(graded.reps).toBe(1);
    await json(original, 'backup', '--out', backupFile);
    const backup = JSON.parse(await readFile(backupFile, 'utf8'));
    expect(backup.review.records[first!.id]).toMatchObject({ articleId: seed, card: { reps: 1 } });

    const copy = path.join(root, 'empty');
    expect(await json(copy, 'restore', backupFile)).toMatchObject({ articlesAdded: 3, reviewRestored: 1 });
    const restored = JSON.parse(await readFile(path.join(copy, 'user', 'review.json'), 'utf8'));
    expect(restored.records[first!.id]).toEqual(backup.review.records[first!.id]);
    // The restored grade counts: the highlight is not due again today, as in the original.
    const sessionOf = async (dir: string) =>
      (await json(dir, 'review')) as { items: Array<{ annotationId: string }>; reviewedToday: number };
    expect((await sessionOf(copy)).items.map((item) => item.annotationId)).toEqual(
      (await sessionOf(original)).items.map((item) => item.annotationId),
    );
    // Restoring again adds nothing; an older backup never rolls back a newer grade.
    expect(await json(copy, 'restore', backupFile)).toMatchObject({ reviewRestored: 0 });
    await json(copy, 'review', 'grade', first!.id, 'easy');
    expect(await json(copy, 'restore', backupFile)).toMatchObject({ reviewRestored: 0 });
    const after = JSON.parse(await readFile(path.join(copy, 'user', 'review.json'), 'utf8'));
    expect(after.records[first!.id].history.map((grade: { rating: string }) => grade.rating)).toEqual([
      'good',
      'easy',
    ]);

    // The JSON export of highlights carries the grade too.
    const run = await gazette(original, 'export', seed, '--format', 'json');
    expect(run.code, run.err).toBe(0);
    const exported = JSON.parse(run.out);
    const highlight = exported.articles[0].highlights.find((item: { id: string }) => item.id === first!.id);
    expect(highlight.review).toMatchObject({ reps: 1, history: [{ rating: 'good' }] });
    expect(exported.articles[0].notes[0].review).toBeUndefined();
  });

  it('a restore that fails after the review step leaves review.json exactly as it was', async () => {
    const [first] = ((await json(original, 'annotations', seed)) as { highlights: Array<{ id: string }> })
      .highlights;
    await json(original, 'review', 'grade', first!.id, 'hard');
    await json(original, 'backup', '--out', backupFile);
    // The target already holds the seed with a grade of its own, and a damaged tags file.
    const target = path.join(root, 'target');
    await json(target, 'restore', backupFile);
    await json(target, 'review', 'grade', first!.id, 'again');
    const reviewFile = path.join(target, 'user', 'review.json');
    const reviewBefore = await readFile(reviewFile, 'utf8');
    const backup = JSON.parse(await readFile(backupFile, 'utf8'));
    // The backup's record now has more grades than the target's, so the merge would replace it.
    const record = backup.review.records[first!.id];
    record.history.push(
      { rating: 'good', reviewedAt: '2026-01-01T00:00:00.000Z' },
      { rating: 'good', reviewedAt: '2026-01-02T00:00:00.000Z' },
    );
    backup.tags = { [business]: ['later'] };
    const edited = path.join(root, 'edited.json');
    await writeFile(edited, JSON.stringify(backup));
    const tagsFile = path.join(target, 'user', 'tags.json');
    await json(target, 'tag', seed, '--add', 'x');
    const tagsBytes = await readFile(tagsFile, 'utf8');
    await writeFile(tagsFile, tagsBytes.replace('"tags"', '"tags": 7, "x"'));

    const before = await snapshot(target);
    const run = await gazette(target, 'restore', edited);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/Nothing was changed\./);
    expect(await readFile(reviewFile, 'utf8')).toBe(reviewBefore);
    expect(await snapshot(target)).toEqual(before);

    // Mended, the restore goes through and the backup's longer history wins.
    await writeFile(tagsFile, tagsBytes);
    expect(await json(target, 'restore', edited)).toMatchObject({ reviewRestored: 1 });
    const after = JSON.parse(await readFile(reviewFile, 'utf8'));
    expect(after.records[first!.id].history).toHaveLength(3);
  });

  it('refuses a backup whose review names an article it does not hold, changing nothing', async () => {
    const [first] = ((await json(original, 'annotations', seed)) as { highlights: Array<{ id: string }> })
      .highlights;
    await json(original, 'review', 'grade', first!.id, 'good');
    await json(original, 'backup', '--out', backupFile);
    const backup = JSON.parse(await readFile(backupFile, 'utf8'));
    backup.review.records[first!.id].articleId = 'abcdefabcdef';
    await writeFile(backupFile, JSON.stringify(backup));
    const copy = path.join(root, 'copy');
    const run = await gazette(copy, 'restore', backupFile);
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/review of an article the backup does not hold/);
  });

  it('restores a format-1 backup made by the version-1 code (tests/fixtures/library-v1)', async () => {
    const v1 = path.join(ROOT, 'tests', 'fixtures', 'library-v1', 'backup-v1.json');
    expect(JSON.parse(await readFile(v1, 'utf8')).formatVersion).toBe(1);
    const copy = path.join(root, 'from-v1');
    expect(await json(copy, 'restore', v1)).toMatchObject({
      articlesAdded: 4,
      progressRestored: 2,
      highlightsAdded: 2,
      notesAdded: 1,
      tagsRestored: 2,
    });
    expect(await json(copy, 'annotations', '46aacdb43e01')).toMatchObject({
      notes: [expect.objectContaining({ text: 'Ma note sur *Alep*.' })],
    });
  });
});
