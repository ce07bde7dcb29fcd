/**
 * The handlers end to end, through `dispatch`, as the renderer calls them: payloads validated
 * against the contract, real files in a temporary data folder.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../core/ipc/channels';
import type { GazetteMethod, MethodResults } from '../core/ipc/contract';
import { dispatch } from '../core/ipc/dispatch';
import type { LibraryEntry } from '../core/reading';
import { articleText } from '../core/annotations/article-text';
import type { FileDialogRequest } from '../core/export';
import { DEFAULT_SETTINGS } from '../core/settings';
import { createGazetteHandlers } from './gazette-handlers';
import { articleIdForSource, LibraryStore } from './store';

const BBC = fileURLToPath(new URL('../../tests/fixtures/bbc-news/sport', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../seeds', import.meta.url));
const FILES = ['001.txt', '002.txt', '003.txt'].map((name) => path.join(BBC, name));
const [first, second, third] = FILES.map((file) => articleIdForSource(file)) as [string, string, string];

let dataDir: string;
let store: LibraryStore;
let handlers: ReturnType<typeof createGazetteHandlers>;
/** What the "system dialog" answers for exports and backups, and what it was asked. */
let dialogAnswer: string | null = null;
let dialogRequests: FileDialogRequest[] = [];

async function openApp(): Promise<void> {
  store = await LibraryStore.open(dataDir);
  handlers = createGazetteHandlers({
    store,
    choosePaths: async () => null,
    chooseFile: async (request) => {
      dialogRequests.push(request);
      return dialogAnswer;
    },
    onImportProgress: () => {},
  });
}

beforeEach(async () => {
  dialogAnswer = null;
  dialogRequests = [];
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-handlers-'));
  await openApp();
  const report = await ok('importPaths', { paths: [SEEDS, ...FILES] });
  expect(report).toMatchObject({ imported: 4, failed: [] });
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

function call(method: string, payload: unknown): Promise<Envelope<unknown>> {
  return dispatch(handlers, method, payload);
}

async function ok<M extends GazetteMethod>(method: M, payload: unknown): Promise<MethodResults[M]> {
  const envelope = await call(method, payload);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as MethodResults[M];
}

async function failure(method: string, payload: unknown): Promise<{ code: string; message: string }> {
  const envelope = await call(method, payload);
  if (envelope.ok) throw new Error(`${method} succeeded with ${JSON.stringify(envelope.value)}`);
  return envelope.error;
}

async function entry(id: string): Promise<LibraryEntry | undefined> {
  return (await ok('listArticles', {})).find((article) => article.id === id);
}

async function reopenApp(): Promise<void> {
  await store.close();
  await openApp();
}

describe('gazette handlers, through dispatch', () => {
  it('lists every article with its progress and reading state', async () => {
    const entries = await ok('listArticles', {});
    expect(entries).toHaveLength(4);
    for (const listed of entries) {
      expect(listed).toMatchObject({ progress: 0, state: 'unread', highlights: 0, notes: 0 });
      expect(listed).not.toHaveProperty('body');
    }
    expect(entries.map((listed) => listed.id)).toEqual(expect.arrayContaining([first, second, third]));
  });

  it('saves and gives back the reading progress, across a restart', async () => {
    expect(await ok('getProgress', { id: first })).toBeNull();
    const position = { blockIndex: 2, blockOffset: 0.5, fraction: 0.4 };
    const saved = await ok('saveProgress', { id: first, position });
    expect(saved).toMatchObject({ position, fraction: 0.4, finished: false });
    expect(await entry(first)).toMatchObject({ progress: 0.4, state: 'reading' });

    await reopenApp();
    expect(await ok('getProgress', { id: first })).toEqual(saved);
    expect(await entry(first)).toMatchObject({ progress: 0.4, state: 'reading' });
  });

  it('finishes at the threshold or by hand, and marks unread', async () => {
    await ok('saveProgress', { id: first, position: { blockIndex: 9, blockOffset: 0.9, fraction: 0.99 } });
    expect(await entry(first)).toMatchObject({ progress: 1, state: 'finished' });
    expect(await ok('setFinished', { id: second, finished: true })).toMatchObject({
      fraction: 1,
      finished: true,
    });
    expect(await entry(second)).toMatchObject({ progress: 1, state: 'finished' });
    expect(await ok('setFinished', { id: first, finished: false })).toMatchObject({
      fraction: 0,
      finished: false,
      position: null,
    });
    expect(await entry(first)).toMatchObject({ progress: 0, state: 'unread' });
    expect(await ok('getProgress', { id: first })).toBeNull();
  });

  it.each([
    [
      'saveProgress',
      { id: 'aaaaaaaaaaaa', position: { blockIndex: 0, blockOffset: 0, fraction: 1.5 } },
      /fraction/,
    ],
    [
      'saveProgress',
      { id: 'not-an-id', position: { blockIndex: 0, blockOffset: 0, fraction: 0.5 } },
      /not an article id/,
    ],
    [
      'saveProgress',
      { id: 'aaaaaaaaaaaa', position: { blockIndex: 0.5, blockOffset: 0, fraction: 0.5 } },
      /blockIndex/,
    ],
    ['setFinished', { id: 'aaaaaaaaaaaa', finished: 'yes' }, /finished/],
    ['getProgress', { id: 'aaaaaaaaaaaa', extra: 1 }, /extra/],
    ['updateSettings', { patch: { textSize: 31 } }, /textSize/],
    ['updateSettings', { patch: { fontSize: 20 } }, /fontSize/],
    ['removeArticles', { ids: [] }, /ids/],
    ['forgetArticles', {}, /ids/],
    ['addHighlight', { id: 'aaaaaaaaaaaa', start: 5, end: 5 }, /end must be after start/],
    ['addHighlight', { id: 'aaaaaaaaaaaa', start: -1, end: 5 }, /start/],
    ['addHighlight', { id: 'aaaaaaaaaaaa', start: 0, end: 5, color: 'red' }, /color/],
    ['addHighlight', { id: 'aaaaaaaaaaaa', start: 0, end: 5, note: 'x'.repeat(20_001) }, /note/],
    ['updateHighlight', { id: 'aaaaaaaaaaaa', highlightId: 'h1' }, /give a color or a note/],
    ['updateHighlight', { id: 'aaaaaaaaaaaa', highlightId: '../../etc', note: '' }, /not an annotation id/],
    ['addNote', { id: 'aaaaaaaaaaaa', text: 'x'.repeat(20_001) }, /text/],
    ['restoreHighlight', { id: 'aaaaaaaaaaaa', highlight: { id: 'h1' } }, /highlight/],
    ['listNotebook', { color: 'gold' }, /color/],
    ['exportArticle', { id: 'aaaaaaaaaaaa', format: 'pdf' }, /format/],
    ['saveExport', { format: 'markdown', path: '/tmp/x' }, /path/],
    ['backupLibrary', { path: '/tmp/x' }, /path/],
    ['restoreLibrary', { path: '/tmp/x' }, /path/],
  ])('rejects %s %j with InvalidInput', async (method, payload, message) => {
    const error = await failure(method, payload);
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toMatch(new RegExp(`^Invalid input for ${method}: `));
    expect(error.message).toMatch(message);
  });

  it('refuses progress for an article it does not know, and unknown methods', async () => {
    const position = { blockIndex: 0, blockOffset: 0, fraction: 0.5 };
    for (const [method, payload] of [
      ['saveProgress', { id: 'aaaaaaaaaaaa', position }],
      ['getProgress', { id: 'aaaaaaaaaaaa' }],
      ['setFinished', { id: 'aaaaaaaaaaaa', finished: true }],
    ] as const) {
      expect(await failure(method, payload)).toEqual({
        code: 'UnknownArticleError',
        message: expect.stringMatching(/no article with id "aaaaaaaaaaaa"/),
      });
    }
    expect((await failure('deleteEverything', {})).code).toBe('UnknownMethod');
  });

  it('gives the settings and saves valid updates, across a restart', async () => {
    expect(await ok('getSettings', {})).toEqual(DEFAULT_SETTINGS);
    const updated = await ok('updateSettings', { patch: { theme: 'sepia', textSize: 24 } });
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', textSize: 24 });
    await reopenApp();
    expect(await ok('getSettings', {})).toEqual(updated);
  });

  it('removes, restores and forgets articles, with their progress', async () => {
    await ok('saveProgress', { id: first, position: { blockIndex: 1, blockOffset: 0, fraction: 0.3 } });
    await ok('saveProgress', { id: second, position: { blockIndex: 1, blockOffset: 0, fraction: 0.6 } });

    expect(await ok('removeArticles', { ids: [first, second] })).toEqual({ removed: [first, second] });
    expect(await ok('removeArticles', { ids: [first] })).toEqual({ removed: [] });
    expect(await entry(first)).toBeUndefined();
    expect((await failure('getArticle', { id: first })).code).toBe('UnknownArticleError');
    // A removed article keeps its progress, and a late save from the reader is still taken.
    expect(await ok('getProgress', { id: first })).toMatchObject({ fraction: 0.3 });
    await ok('saveProgress', { id: first, position: { blockIndex: 2, blockOffset: 0, fraction: 0.35 } });

    expect(await ok('restoreArticles', { ids: [first, third] })).toEqual({ restored: [first] });
    expect(await entry(first)).toMatchObject({ progress: 0.35, state: 'reading' });
    expect((await ok('getArticle', { id: first })).id).toBe(first);

    // Forgetting touches removed articles only.
    expect(await ok('forgetArticles', { ids: [first, second, third] })).toEqual({ forgotten: [second] });
    expect(await ok('getProgress', { id: first })).toMatchObject({ fraction: 0.35 });
    expect((await failure('getProgress', { id: second })).code).toBe('UnknownArticleError');
    const onDisk = JSON.parse(await readFile(path.join(dataDir, 'user', 'progress.json'), 'utf8'));
    expect(Object.keys(onDisk.progress)).toEqual([first]);
    const library = JSON.parse(await readFile(path.join(dataDir, 'library.json'), 'utf8'));
    expect(library.articles).not.toHaveProperty(second);

    // Forgotten for good: importing it again makes a new, unread article.
    expect(await ok('importPaths', { paths: [FILES[1]] })).toMatchObject({ imported: 1 });
    expect(await entry(second)).toMatchObject({ progress: 0, state: 'unread' });
  });

  it('brings a removed article back with its progress when it is imported again', async () => {
    await ok('saveProgress', { id: third, position: { blockIndex: 3, blockOffset: 0.2, fraction: 0.5 } });
    await ok('removeArticles', { ids: [third] });
    expect(await ok('importPaths', { paths: [FILES[2]] })).toMatchObject({ imported: 1 });
    expect(await entry(third)).toMatchObject({ progress: 0.5, state: 'reading' });
  });

  it('reports a damaged settings file, keeps it, goes on working, and recovers once it is moved away', async () => {
    const file = path.join(dataDir, 'user', 'settings.json');
    await mkdir(path.dirname(file), { recursive: true });
    const text = '{ "schemaVersion": 1, "settings": { "theme": "dark", "sparkles": true } }';
    await writeFile(file, text);
    await reopenApp();

    for (const [method, payload] of [
      ['getSettings', {}],
      ['updateSettings', { patch: { theme: 'light' } }],
    ] as const) {
      const error = await failure(method, payload);
      expect(error.code).toBe('StoreCorruptError');
      expect(error.message).toMatch(/settings file .*settings\.json is damaged .*"sparkles".* left as it is/);
    }
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(await ok('listArticles', {})).toHaveLength(4);
    const position = { blockIndex: 0, blockOffset: 0.5, fraction: 0.1 };
    expect(await ok('saveProgress', { id: first, position })).toMatchObject({ fraction: 0.1 });

    await rename(file, `${file}.damaged`);
    expect(await ok('getSettings', {})).toEqual(DEFAULT_SETTINGS);
    expect((await ok('updateSettings', { patch: { theme: 'light' } })).theme).toBe('light');
  });

  it('reports a damaged progress file from every method that needs it, keeps it, and still lists the library', async () => {
    const file = path.join(dataDir, 'user', 'progress.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{ "schemaVersion": 1, "progress": ');
    await reopenApp();
    // The library still lists (progress unknown, so unread); the damage is named by the others.
    expect((await ok('listArticles', {})).map((entry) => entry.state)).not.toContain('reading');
    for (const [method, payload] of [
      ['getProgress', { id: first }],
      ['saveProgress', { id: first, position: { blockIndex: 0, blockOffset: 0, fraction: 0.2 } }],
    ] as const) {
      const error = await failure(method, payload);
      expect(error.code).toBe('StoreCorruptError');
      expect(error.message).toMatch(/progress file .*progress\.json is damaged/);
    }
    await ok('removeArticles', { ids: [first] });
    expect((await failure('forgetArticles', { ids: [first] })).code).toBe('StoreCorruptError');
    expect(await readFile(file, 'utf8')).toBe('{ "schemaVersion": 1, "progress": ');
    // Nothing forgotten: the article is still there to restore.
    expect(await ok('restoreArticles', { ids: [first] })).toEqual({ restored: [first] });
    expect(await ok('getSettings', {})).toEqual(DEFAULT_SETTINGS);
  });

  it('saves highlights and notes, counts them in the library, and undoes a delete', async () => {
    const text = articleText((await ok('getArticle', { id: first })).blocks).text;
    const start = text.indexOf(' ') + 1;
    const highlight = await ok('addHighlight', {
      id: first,
      start,
      end: start + 12,
      color: 'pink',
      note: 'why',
    });
    expect(highlight).toMatchObject({
      articleId: first,
      color: 'pink',
      note: 'why',
      anchor: { status: 'anchored', start },
    });
    const note = await ok('addNote', { id: first, text: 'A *note*' });
    expect(await entry(first)).toMatchObject({ highlights: 1, notes: 1 });
    expect(
      await ok('updateHighlight', { id: first, highlightId: highlight.id, color: 'blue' }),
    ).toMatchObject({
      color: 'blue',
      note: 'why',
    });
    expect(await ok('updateNote', { id: first, noteId: note.id, text: 'A *note*, edited' })).toMatchObject({
      text: 'A *note*, edited',
    });

    const deleted = await ok('deleteHighlight', { id: first, highlightId: highlight.id });
    expect(await entry(first)).toMatchObject({ highlights: 0, notes: 1 });
    await ok('restoreHighlight', { id: first, highlight: deleted });
    const deletedNote = await ok('deleteNote', { id: first, noteId: note.id });
    await ok('restoreNote', { id: first, note: deletedNote });

    await reopenApp();
    expect(await ok('listAnnotations', { id: first })).toEqual({
      articleId: first,
      highlights: [deleted],
      notes: [deletedNote],
    });
    expect(await entry(first)).toMatchObject({ highlights: 1, notes: 1 });
    expect((await failure('deleteNote', { id: first, noteId: 'nope' })).code).toBe('UnknownAnnotationError');
    expect((await failure('addNote', { id: 'aaaaaaaaaaaa', text: 'x' })).code).toBe('UnknownArticleError');
    expect((await failure('addHighlight', { id: first, start: 0, end: 10_000_000 })).code).toBe(
      'InvalidAnnotationError',
    );
  });

  it('lists the notebook newest first, by colour and section', async () => {
    const mark = async (id: string, color: string) => {
      const text = articleText((await ok('getArticle', { id })).blocks).text;
      return ok('addHighlight', { id, start: 0, end: text.indexOf(' '), color });
    };
    // Each made in a later millisecond than the one before, so "newest first" has one answer.
    const tick = () => new Promise((resolve) => setTimeout(resolve, 2));
    const a = await mark(first, 'yellow');
    await tick();
    const noteOnSecond = await ok('addNote', { id: second, text: 'sport note' });
    await tick();
    const b = await mark(third, 'green');
    await tick();
    const seed = (await ok('listArticles', {})).find((listed) => listed.section === 'seeds')!;
    const c = await mark(seed.id, 'green');

    const all = await ok('listNotebook', {});
    expect(all.map((item) => (item.kind === 'note' ? item.note.id : item.highlight.id))).toEqual([
      c.id,
      b.id,
      noteOnSecond.id,
      a.id,
    ]);
    expect(all[0]).toMatchObject({
      kind: 'highlight',
      article: { id: seed.id, section: 'seeds' },
      quote: expect.any(String),
    });
    expect(
      (await ok('listNotebook', { color: 'green' })).map(
        (item) => item.kind === 'highlight' && item.highlight.id,
      ),
    ).toEqual([c.id, b.id]);
    expect((await ok('listNotebook', { section: 'sport' })).length).toBe(3);
    expect(await ok('listNotebook', { section: 'sport', color: 'pink' })).toEqual([]);
  });

  it('forgets the highlights and notes of forgotten articles', async () => {
    await ok('addNote', { id: second, text: 'n' });
    await ok('removeArticles', { ids: [second] });
    // A removed article keeps its annotations until it is forgotten.
    expect((await ok('listAnnotations', { id: second })).notes).toHaveLength(1);
    await ok('forgetArticles', { ids: [second] });
    await expect(readFile(path.join(dataDir, 'user', 'annotations', `${second}.json`))).rejects.toThrow(
      /ENOENT/,
    );
    expect((await failure('listAnnotations', { id: second })).code).toBe('UnknownArticleError');
  });

  it('exports, backs up and restores through the contract, to paths the reader chose', async () => {
    await ok('addNote', { id: first, text: 'kept' });
    expect((await ok('exportArticle', { id: first, format: 'markdown' })).content).toContain('kept');
    expect(await ok('exportLibrary', { format: 'markdown' })).toHaveLength(1);
    const outside = await mkdtemp(path.join(os.tmpdir(), 'gazette-chosen-'));
    try {
      // Cancelled dialogs write nothing and resolve to null.
      expect(await ok('saveExport', { id: first, format: 'markdown' })).toBeNull();
      expect(await ok('backupLibrary', {})).toBeNull();
      expect(await ok('restoreLibrary', {})).toBeNull();
      expect(await readdir(outside)).toEqual([]);

      // One article: a save dialog suggesting the export's own name.
      dialogAnswer = path.join(outside, 'chosen.md');
      expect(await ok('saveExport', { id: first, format: 'markdown' })).toEqual({ files: [dialogAnswer] });
      expect(await readFile(dialogAnswer, 'utf8')).toContain('kept');
      expect(dialogRequests.at(-1)).toMatchObject({ kind: 'save-export', format: 'markdown' });
      expect((dialogRequests.at(-1) as { defaultName: string }).defaultName).toMatch(/\.md$/);

      // The library as Markdown: a folder, one file per annotated article.
      dialogAnswer = path.join(outside, 'notes');
      const saved = await ok('saveExport', { format: 'markdown' });
      expect(dialogRequests.at(-1)).toEqual({ kind: 'export-folder' });
      expect(saved?.files).toHaveLength(1);
      expect(await readdir(dialogAnswer)).toEqual([path.basename(saved?.files[0] ?? '')]);

      // The library as W3C JSON-LD: one file.
      dialogAnswer = path.join(outside, 'annotations.jsonld');
      await ok('saveExport', { format: 'w3c' });
      expect(JSON.parse(await readFile(dialogAnswer, 'utf8'))).toMatchObject({
        type: 'AnnotationCollection',
      });

      dialogAnswer = path.join(outside, 'backup.json');
      expect(await ok('backupLibrary', {})).toMatchObject({ file: dialogAnswer, articles: 4, notes: 1 });
      expect(dialogRequests.at(-1)).toMatchObject({ kind: 'save-backup' });
      expect(await ok('restoreLibrary', {})).toMatchObject({
        articlesAdded: 0,
        articlesKept: 4,
        notesAdded: 0,
      });
      expect(dialogRequests.at(-1)).toEqual({ kind: 'open-backup' });

      // A file that is not a backup is refused with a clear error, and is never replaced by one.
      dialogAnswer = path.join(dataDir, 'library.json');
      const before = await readFile(dialogAnswer, 'utf8');
      expect((await failure('restoreLibrary', {})).code).toBe('BackupError');
      expect((await failure('backupLibrary', {})).code).toBe('BackupError');
      expect(await readFile(dialogAnswer, 'utf8')).toBe(before);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('says there is nothing to export without asking where to put it', async () => {
    expect(await ok('saveExport', { format: 'markdown' })).toEqual({ files: [] });
    expect(dialogRequests).toEqual([]);
  });

  it('takes article ids by the one rule of core/article-id.ts, on every method that names one', async () => {
    for (const id of [
      'my-article',
      '__proto__',
      'constructor',
      '../library',
      'ABCDEF012345',
      first.slice(0, 11),
    ]) {
      for (const [method, payload] of [
        ['getArticle', { id }],
        ['getProgress', { id }],
        ['listAnnotations', { id }],
        ['setTags', { id, add: ['x'] }],
        ['removeArticles', { ids: [first, id] }],
      ] as const) {
        const error = await failure(method, payload);
        expect(error.code).toBe('InvalidInput');
        expect(error.message).toContain('not an article id');
      }
    }
    expect(await entry(first)).toBeDefined();
  });

  it('lists the library through the same filters as the search, the reading state included', async () => {
    await ok('setFinished', { id: first, finished: true });
    await ok('saveProgress', { id: second, position: { blockIndex: 1, blockOffset: 0, fraction: 0.3 } });
    await ok('setTags', { id: second, add: ['Later'] });
    await ok('addNote', { id: third, text: 'noted' });
    const ids = async (payload: object) => (await ok('listArticles', payload)).map((listed) => listed.id);
    expect(await ids({ state: 'finished' })).toEqual([first]);
    expect(await ids({ state: 'reading' })).toEqual([second]);
    expect((await ids({ state: 'unread' })).sort()).toEqual(
      (await ids({})).filter((id) => id !== first && id !== second).sort(),
    );
    expect(await ids({ tags: ['later'] })).toEqual([second]);
    expect(await ids({ hasAnnotations: true })).toEqual([third]);
    expect(await ids({ section: 'sport', state: 'reading', tags: ['LATER'] })).toEqual([second]);
    expect(await ids({ section: 'seeds', state: 'finished' })).toEqual([]);
    expect(await ids({ limit: 1, state: 'unread' })).toHaveLength(1);
    expect((await failure('listArticles', { state: 'done' })).code).toBe('InvalidInput');
  });
});
