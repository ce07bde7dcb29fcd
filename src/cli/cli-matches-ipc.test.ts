/**
 * Each use-case run twice on real data folders holding the same articles: once through the IPC
 * `dispatch` (as the renderer calls it), once through the `gazette` command line; the results
 * must agree. Article ids come from the files' paths, so both folders share them; what differs
 * by nature (times, the random ids of highlights and notes, the folders' own paths) is set aside.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleText } from '../core/annotations/article-text';
import type { BackupSummary } from '../core/export';
import type { GazetteMethod, MethodResults } from '../core/ipc/contract';
import { dispatch } from '../core/ipc/dispatch';
import { queryFromFilters } from '../core/search/query';
import { snippetToPlainText } from '../core/search/snippet';
import { createGazetteServices, type GazetteServices } from '../node/gazette-handlers';
import { highlightRecord, noteRecord } from '../node/export/json-export';
import { articleIdForSource, LibraryStore } from '../node/store';
import { listEntry } from './list-command';
import { showEntry } from './show-command';
import { runGazette } from './testing/run-gazette';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BBC = path.join(ROOT, 'tests/fixtures/bbc-news');
const FILES = [
  path.join(ROOT, 'seeds'),
  ...['business/001.txt', 'business/047.txt', 'politics/001.txt', 'sport/005.txt', 'politics/002.txt'].map(
    (file) => path.join(BBC, file),
  ),
];
const TIME_WARNER = articleIdForSource(path.join(BBC, 'business/001.txt'));
const RYANAIR = articleIdForSource(path.join(BBC, 'business/047.txt'));
const POLITICS = articleIdForSource(path.join(BBC, 'politics/001.txt'));

let ipcDir: string;
const emptyFolders: string[] = [];

async function emptyFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gazette-parity-restore-'));
  emptyFolders.push(dir);
  return dir;
}

let cliDir: string;
let store: LibraryStore;
let services: GazetteServices;
let chosenFile: string | null = null;

async function ipc<M extends GazetteMethod>(method: M, payload: unknown): Promise<MethodResults[M]> {
  const envelope = await dispatch(services.handlers, method, payload);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as MethodResults[M];
}

/** `gazette <argv> --json` on the command line's folder; its JSON output. */
async function cli(...argv: string[]): Promise<unknown> {
  const run = await runGazette(cliDir, ...argv, '--json');
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as unknown;
}

const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;

/** `value` with times, the given annotation ids and the data folders' paths replaced by placeholders. */
function comparable(value: unknown, annotationIds: string[] = []): unknown {
  let text = JSON.stringify(value).replace(ISO_TIME, '<time>');
  for (const [index, id] of annotationIds.entries()) text = text.replaceAll(id, `<annotation ${index}>`);
  return JSON.parse(text.replaceAll(ipcDir, '<data>').replaceAll(cliDir, '<data>')) as unknown;
}

beforeAll(async () => {
  ipcDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-parity-ipc-'));
  cliDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-parity-cli-'));
  store = await LibraryStore.open(ipcDir);
  services = createGazetteServices({
    store,
    choosePaths: async () => null,
    chooseFile: async () => chosenFile,
    onImportProgress: () => {},
  });
}, 60_000);
afterAll(async () => {
  await services.close();
  await store.close();
  await rm(ipcDir, { recursive: true, force: true });
  await rm(cliDir, { recursive: true, force: true });
  for (const dir of emptyFolders) await rm(dir, { recursive: true, force: true });
});

// The tests run in order, each on the folders the previous ones left.
describe('the command line and the IPC handlers give the same answers', () => {
  it('import', async () => {
    // One path at a time, so both libraries list the articles in the same order (newest first).
    for (const file of FILES) {
      const viaIpc = await ipc('importPaths', { paths: [file] });
      expect(viaIpc.failed).toEqual([]);
      expect(comparable(await cli('import', file))).toEqual(comparable(viaIpc));
    }
    // Again, all at once: everything unchanged, on both sides.
    const again = await ipc('importPaths', { paths: FILES });
    expect(again).toMatchObject({ imported: 0, unchanged: 6 });
    expect(comparable(await cli('import', ...FILES))).toEqual(comparable(again));
  });

  it('list', async () => {
    const viaIpc = (await ipc('listArticles', {})).map(listEntry);
    expect(viaIpc).toHaveLength(6);
    expect(comparable(await cli('list'))).toEqual(comparable(viaIpc));
  });

  it('show', async () => {
    const viaIpc = showEntry(await ipc('getArticle', { id: POLITICS }));
    expect(comparable(await cli('show', POLITICS))).toEqual(comparable([viaIpc]));
  });

  it('progress: finished, a fraction, unread', async () => {
    await ipc('setFinished', { id: TIME_WARNER, finished: true });
    await cli('progress', TIME_WARNER, '--finished');
    // The app saves a position; the command line sets the fraction: the same state either way.
    await ipc('saveProgress', { id: POLITICS, position: { blockIndex: 1, blockOffset: 0, fraction: 0.4 } });
    await cli('progress', POLITICS, '--set', '0.4');
    const states = (entries: Array<{ id: string; progress: number; state: string }>) =>
      entries.map(({ id, progress, state }) => ({ id, progress, state }));
    const viaIpc = states(await ipc('listArticles', {}));
    expect(viaIpc).toContainEqual({ id: TIME_WARNER, progress: 1, state: 'finished' });
    expect(viaIpc).toContainEqual({ id: POLITICS, progress: 0.4, state: 'reading' });
    expect(states((await cli('list')) as Parameters<typeof states>[0])).toEqual(viaIpc);
  });

  it('highlight and note, then the annotations', async () => {
    const words = 'jumped 76%';
    const text = articleText((await ipc('getArticle', { id: TIME_WARNER })).blocks).text;
    const start = text.indexOf(words);
    const viaIpc = await ipc('addHighlight', {
      id: TIME_WARNER,
      start,
      end: start + words.length,
      color: 'green',
      note: 'big',
    });
    const viaCli = (await cli(
      'highlight',
      TIME_WARNER,
      '--text',
      words,
      '--color',
      'green',
      '--note',
      'big',
    )) as {
      id: string;
    };
    expect(comparable(viaCli, [viaCli.id])).toEqual(comparable(highlightRecord(viaIpc, text), [viaIpc.id]));

    const ipcNote = await ipc('addNote', { id: TIME_WARNER, text: 'Check the *figures*' });
    const cliNote = (await cli('note', TIME_WARNER, '--text', 'Check the *figures*')) as { id: string };
    expect(comparable(cliNote, [cliNote.id])).toEqual(comparable(noteRecord(ipcNote), [ipcNote.id]));

    const listed = await ipc('listAnnotations', { id: TIME_WARNER });
    const records = {
      highlights: listed.highlights.map((highlight) => highlightRecord(highlight, text)),
      notes: listed.notes.map(noteRecord),
    };
    expect(comparable(await cli('annotations', TIME_WARNER), [viaCli.id, cliNote.id])).toEqual(
      comparable(records, [viaIpc.id, ipcNote.id]),
    );
  });

  it('tag', async () => {
    const viaIpc = await ipc('setTags', { id: RYANAIR, add: ['Aviation', 'deals'] });
    expect(viaIpc).toEqual({ id: RYANAIR, tags: ['Aviation', 'deals'] });
    expect(await cli('tag', RYANAIR, '--add', 'Aviation', '--add', 'deals')).toEqual(viaIpc);
    await ipc('setTags', { id: TIME_WARNER, add: ['deals'] });
    await cli('tag', TIME_WARNER, '--add', 'deals');
    expect(await cli('tag', RYANAIR, '--remove', 'deals')).toEqual(
      await ipc('setTags', { id: RYANAIR, remove: ['deals'] }),
    );
  });

  it.each([
    ['no filter', 'profit', {}, []],
    ['a section', 'said', { section: 'business' }, ['--section', 'business']],
    ['a tag', 'said', { tags: ['DEALS'] }, ['--tag', 'DEALS']],
    ['the reading state', 'said', { state: 'reading' }, ['--state', 'reading']],
    ['the finished state', 'profit', { state: 'finished' }, ['--state', 'finished']],
    ['the unread state', 'said', { state: 'unread' }, ['--state', 'unread']],
    ['annotations', 'said', { hasAnnotations: true }, ['--annotated']],
    [
      'everything at once',
      'profit',
      { section: 'business', state: 'finished', tags: ['deals'], hasAnnotations: true },
      ['--section', 'business', '--state', 'finished', '--tag', 'deals', '--annotated'],
    ],
    ['a limit', 'said', { limit: 2 }, ['--limit', '2']],
  ] as const)('search with %s', async (_, query, filters, options) => {
    // The flags are the query's field terms: the CLI answers as the app's search box does.
    const { limit, ...sidebar } = { limit: undefined, ...filters };
    const tags = 'tags' in sidebar ? [...sidebar.tags] : undefined;
    const asked = {
      query: queryFromFilters(query, { ...sidebar, tags }),
      ...(limit !== undefined && { limit }),
    };
    const viaIpc = (await ipc('searchQuery', asked)).results.map(({ id, title, score, matches }) => ({
      id,
      title,
      score,
      matches: matches.map(({ field, snippet }) => ({ field, snippet: snippetToPlainText(snippet) })),
    }));
    const viaCli = await cli('search', query, ...options);
    expect(viaCli).toEqual(viaIpc);
    // Every filter narrows to the articles that match it in the library list.
    const listed = await ipc('listArticles', sidebar);
    const allowed = new Set(listed.map((entry) => entry.id));
    for (const { id } of viaIpc) expect(allowed.has(id)).toBe(true);
    if ('state' in filters) expect(viaIpc.length).toBeGreaterThan(0);
  });

  it('export, in every format', async () => {
    for (const format of ['markdown', 'json', 'w3c'] as const) {
      const one = await ipc('exportArticle', { id: TIME_WARNER, format });
      const run = await runGazette(cliDir, 'export', TIME_WARNER, '--format', format);
      expect(run.code, run.err).toBe(0);
      const ids = async (dir: 'ipc' | 'cli') => {
        const annotations =
          dir === 'ipc'
            ? await ipc('listAnnotations', { id: TIME_WARNER })
            : ((await cli('annotations', TIME_WARNER)) as {
                highlights: Array<{ id: string }>;
                notes: Array<{ id: string }>;
              });
        return [...annotations.highlights, ...annotations.notes].map((annotation) => annotation.id);
      };
      expect(comparable(run.out, await ids('cli'))).toEqual(
        comparable(one.content.replace(/\n$/, ''), await ids('ipc')),
      );
    }
    const library = await ipc('exportLibrary', { format: 'markdown' });
    const run = await runGazette(cliDir, 'export');
    expect(run.out.split('\n---\ntitle: ').length).toBe(library.length);
  });

  it('backup and restore', async () => {
    chosenFile = path.join(ipcDir, 'ipc-backup.json');
    const viaIpc = await ipc('backupLibrary', {});
    const cliFile = path.join(cliDir, 'cli-backup.json');
    const viaCli = (await cli('backup', '--out', cliFile)) as BackupSummary;
    expect(viaCli.file).toBe(cliFile);
    const counts = ({
      articles,
      highlights,
      notes,
    }: {
      articles: number;
      highlights: number;
      notes: number;
    }) => ({
      articles,
      highlights,
      notes,
    });
    expect(viaIpc).not.toBeNull();
    expect(counts(viaCli)).toEqual(counts(viaIpc!));
    // The two backups hold the same library (but for times and annotation ids).
    const ipcBackup = JSON.parse(await readFile(chosenFile, 'utf8')) as { articles: unknown[] };
    const cliBackup = JSON.parse(await readFile(cliFile, 'utf8')) as { articles: unknown[] };
    expect(comparable(cliBackup.articles)).toEqual(comparable(ipcBackup.articles));

    // The same backup restored into two empty folders, one through each side: the same report,
    // the same library.
    const [ipcTarget, cliTarget] = [await emptyFolder(), await emptyFolder()];
    const targetStore = await LibraryStore.open(ipcTarget);
    try {
      const target = createGazetteServices({
        store: targetStore,
        choosePaths: async () => null,
        chooseFile: async () => cliFile,
        onImportProgress: () => {},
      });
      const restoredViaIpc = await dispatch(target.handlers, 'restoreLibrary', {});
      const restoredViaCli = await runGazette(cliTarget, 'restore', cliFile, '--json');
      expect(restoredViaCli.code, restoredViaCli.err).toBe(0);
      expect(restoredViaIpc).toEqual({ ok: true, value: JSON.parse(restoredViaCli.out) });
      expect(restoredViaIpc).toMatchObject({
        value: { articlesAdded: 6, progressRestored: 2, notesAdded: 1 },
      });
      const listed = await target.app.list();
      expect(comparable(listed.map(listEntry))).toEqual(
        comparable(JSON.parse((await runGazette(cliTarget, 'list', '--json')).out)),
      );
      await target.close();
    } finally {
      await targetStore.close();
    }
  });
});
