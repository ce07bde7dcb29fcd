/**
 * The application layer: one object with a method per use-case (import, list, read, progress,
 * annotate, export, back up, restore, search, tags and views, remove and forget, settings), built
 * from the stores of one data folder. The IPC handlers (gazette-handlers.ts) and the `gazette`
 * command line are thin adapters over it, so the order of the steps of a use-case (what is
 * written first when an article is forgotten, when the search index hears of a change) is written
 * here once.
 *
 * Start-up cost matters (`gazette list` is timed): the stores a list needs are imported here; the
 * import pipeline, the search index, exports and backups are imported on first use.
 *
 * Opening: the progress, settings, annotation and tag files are opened on first use, not when the
 * app is made, so a damaged one never stops the app from starting: each method that needs it
 * rejects with the file's `StoreCorruptError` (the file is kept; the message says how to
 * recover), and the next call reads the file again, so moving it away or fixing it works without
 * a restart. A damaged progress file fails `list` too, rather than show every article as unread.
 */
import path from 'node:path';
import type {
  ArticleAnnotations,
  Highlight,
  HighlightColor,
  Note,
  NotebookEntry,
} from '../../core/annotations/model';
import type { Article, ArticleMeta } from '../../core/article';
import type { RecleanReport } from '../../core/ipc/contract';
import type {
  BackupSummary,
  ExportedFile,
  ExportFormat,
  FileDialogRequest,
  RestoreReport,
  SavedExport,
} from '../../core/export';
import type { ImportProgress, ImportReport } from '../../core/import-report';
import type { LibraryStatus, LibraryWarning } from '../../core/library-status';
import {
  isUnfiltered,
  matchesFilters,
  type FilterableEntry,
  type LibraryFilters,
} from '../../core/library-filters';
import {
  readingState,
  type LibraryEntry,
  type ReadingPosition,
  type ReadingProgress,
} from '../../core/reading';
import type { RelatedArticle, SavedView, SearchIndexProgress, SearchResult } from '../../core/search/model';
import type { QueryError } from '../../core/search/query/ast';
import type { QueryEntry } from '../../core/search/query/match-entry';
import type { Settings } from '../../core/settings';
import type { TagCount } from '../../core/tags';
import { AnnotationStore } from '../annotations/annotation-store';
import type { NotebookFilter } from '../annotations/notebook';
import type { Backup } from '../backup/backup-format';
import type { UserData } from '../backup/write-backup';
import type { WrittenFile } from '../export/save-export';
import type { ParsePool } from '../import/parse-pool';
import { toLibraryEntry } from '../reading/library-entry';
import { ProgressStore } from '../reading/progress-store';
import { SETTINGS_FILE_NAME, SettingsStore } from '../reading/settings-store';
import type { SnapshotBuilder } from '../search/build-in-worker';
import type { QuerySearchAnswer, SearchIndex } from '../search/search-index';
import {
  LibraryStore,
  StoreCorruptError,
  StoreLockedError,
  StoreVersionError,
  UnknownArticleError,
  userFilePath,
} from '../store';
import { TagStore } from '../tags/tag-store';
import { ArticleReferenceError, BlockNotFoundError, WordsNotFoundError } from './errors';

/** What the host (the Electron main process, the test bridge, the command line) lends the app. */
export interface GazetteAppOptions {
  /** Asks the reader for files or a folder (a system dialog in the app); `null` if cancelled. */
  choosePaths?: (pick: 'files' | 'folder') => Promise<string[] | null>;
  /**
   * Asks the reader where to save an export or a backup, or which backup to restore (a system
   * dialog in the app); `null` if cancelled. Without it, every such request counts as cancelled.
   */
  chooseFile?: (request: FileDialogRequest) => Promise<string | null>;
  /** Progress of every import (an import may also be given its own listener). */
  onImportProgress?: (progress: ImportProgress) => void;
  /** Worker threads for large imports; without one, files are parsed on the calling thread. */
  parsePool?: ParsePool;
  /**
   * Builds the search index when its file is missing or damaged: a worker thread in the app
   * (`workerBuilder`), so the window never waits; on the calling thread by default.
   */
  searchBuilder?: SnapshotBuilder;
  /** Loading and rebuilding progress of the search index (for the UI's indicator). */
  onSearchIndexProgress?: (progress: SearchIndexProgress) => void;
  /** Open (load, or rebuild) the search index at once rather than at the first search. */
  startSearchIndex?: boolean;
  /** Delay before the search index file is written after a change of articles (ms; 5,000 by default). */
  searchPersistDelayMs?: number;
}

/** How `openGazetteApp` opens the library: for writing (taking its lock), read-only, or for writing if no one else holds it. */
export type LibraryAccess = 'write' | 'read' | 'write-if-free';

export interface OpenGazetteAppOptions extends GazetteAppOptions {
  dataDir: string;
  /** `write` by default. */
  access?: LibraryAccess;
}

/** Options of one import. */
export interface ImportCall {
  /** This import's progress (besides the app's `onImportProgress`). */
  onProgress?: (progress: ImportProgress) => void;
  /** Hears of each updated article whose highlights could not be moved to its new text yet. */
  onReanchorFailure?: (failure: { id: string; error: string }) => void;
}

/** A highlight to make on the words given rather than on offsets (the command line's way). */
export interface HighlightWords {
  /** The exact words, as the article's body text has them. */
  words: string;
  /** Which occurrence of them, from 1. */
  occurrence: number;
  color?: HighlightColor | undefined;
  note?: string | undefined;
}

/** Results a search returns when the caller gives no limit: a first page, as the app asks. */
export const DEFAULT_SEARCH_LIMIT = 20;

/** The name of a body pack file (`bodies/pack-000001.jsonl`). */
const BODY_PACK_NAME = /^pack-\d+\.jsonl$/;

/** Articles "More on this" lists on the reading page. */
export const RELATED_COUNT = 5;

/** A prefix shorter than this never stands for an id: too many articles would share it. */
const MIN_ID_PREFIX = 4;
/** Articles per write of a library re-clean: the import's batch size, for the same memory bound. */
const RECLEAN_BATCH = 500;

/** Opens the library of `options.dataDir` and the app over it; `close()` closes both. */
export async function openGazetteApp(options: OpenGazetteAppOptions): Promise<GazetteApp> {
  const { dataDir, access = 'write', ...appOptions } = options;
  let store: LibraryStore;
  if (access === 'write-if-free') {
    try {
      store = await LibraryStore.open(dataDir);
    } catch (error) {
      if (!(error instanceof StoreLockedError)) throw error;
      store = await LibraryStore.open(dataDir, { readOnly: true });
    }
  } else {
    store = await LibraryStore.open(dataDir, { readOnly: access === 'read' });
  }
  return new GazetteApp(store, appOptions, { ownsStore: true });
}

export class GazetteApp {
  readonly store: LibraryStore;
  readonly #options: GazetteAppOptions;
  readonly #ownsStore: boolean;
  readonly #progressStore: () => Promise<ProgressStore>;
  readonly #settingsStore: () => Promise<SettingsStore>;
  readonly #annotationStore: () => Promise<AnnotationStore>;
  readonly #tagStore: () => Promise<TagStore>;
  readonly #searchIndex: () => Promise<SearchIndex>;
  #searchOpened = false;
  /** Body packs found damaged when an article was read (named by `libraryStatus`). */
  readonly #damagedPacks = new Set<string>();

  /**
   * The app over an opened `store`. The caller keeps the store (and closes it) unless
   * `ownsStore` says the app's `close` should.
   */
  constructor(store: LibraryStore, options: GazetteAppOptions = {}, { ownsStore = false } = {}) {
    this.store = store;
    this.#options = options;
    this.#ownsStore = ownsStore;
    this.#progressStore = openOnFirstUse(() => ProgressStore.open(store));
    this.#settingsStore = openOnFirstUse(() => SettingsStore.open(store));
    this.#annotationStore = openOnFirstUse(() => AnnotationStore.open(store));
    this.#tagStore = openOnFirstUse(() => TagStore.open(store));
    this.#searchIndex = openOnFirstUse(async () => {
      this.#searchOpened = true;
      const { SearchIndex } = await import('../search/search-index');
      return SearchIndex.open(store, {
        annotations: this.#annotationStore,
        builder: options.searchBuilder,
        onProgress: options.onSearchIndexProgress,
        persistDelayMs: options.searchPersistDelayMs,
      });
    });
    if (options.startSearchIndex) void this.#searchIndex().catch(() => undefined);
  }

  get dataDir(): string {
    return this.store.dataDir;
  }

  // ── The library ────────────────────────────────────────────────────────────────────────────

  /**
   * The library, newest imports first, each article with its progress, state, annotation counts
   * and tags; only those matching `filters`, and the first `limit` of them if given.
   */
  async list(filters: LibraryFilters = {}, limit?: number): Promise<LibraryEntry[]> {
    const progress = (await this.#progressStore()).all();
    const annotations = await this.#annotationStore();
    const tags = (await this.#tagStore()).all();
    const toEntry = (meta: ReturnType<LibraryStore['list']>[number]) =>
      toLibraryEntry(meta, progress.get(meta.id), annotations.counts(meta.id), tags[meta.id]);
    if (isUnfiltered(filters)) {
      // A first screen asks for a few of many: make entries for those only.
      const metas = limit === undefined ? this.store.list() : this.store.list().slice(0, limit);
      return metas.map(toEntry);
    }
    const matching = this.store
      .list()
      .map(toEntry)
      .filter((entry) => matchesFilters(entry, filters));
    return limit === undefined ? matching : matching.slice(0, limit);
  }

  /**
   * The id of the article `idOrPrefix` names: its id, or the start of one (4 characters or more)
   * that no other article in the library shares. @throws ArticleReferenceError
   */
  resolveArticleId(idOrPrefix: string): string {
    return resolveArticleId(this.store, idOrPrefix);
  }

  /** The article as it reads. @throws UnknownArticleError; StoreCorruptError for a damaged body pack (then named by `libraryStatus`). */
  async article(id: string): Promise<Article> {
    try {
      return await this.store.readArticle(id);
    } catch (error) {
      if (error instanceof StoreCorruptError && BODY_PACK_NAME.test(path.basename(error.file))) {
        this.#damagedPacks.add(error.file);
      }
      throw error;
    }
  }

  /**
   * Imports files and folders. Updated articles keep their highlights on their words; the search
   * index, if open, hears of every commit before this resolves.
   */
  async importPaths(paths: string[], call: ImportCall = {}): Promise<ImportReport> {
    const [{ importIntoLibrary }, { reanchorOnImport }, { takeReaderData }] = await Promise.all([
      import('../library/import-into-library'),
      import('../annotations/reanchor-on-import'),
      import('../library/take-reader-data'),
    ]);
    const hostProgress = this.#options.onImportProgress;
    return importIntoLibrary(this.store, paths, {
      onProgress: (progress) => {
        hostProgress?.(progress);
        call.onProgress?.(progress);
      },
      parsePool: this.#options.parsePool,
      // Highlights follow their words into an updated article's new text.
      onArticlesUpdated: reanchorOnImport(this.#annotationStore, call.onReanchorFailure),
      onArticlesCommitted: (articles) => this.#toIndex((index) => index.articlesImported(articles)),
      // Another reader's state, labels and highlights (Omnivore, Wallabag) go to their stores.
      onReaderData: async (entries) => {
        const [annotations, progress, tags] = await Promise.all([
          this.#annotationStore(),
          this.#progressStore(),
          this.#tagStore(),
        ]);
        await takeReaderData(entries, { annotations, progress, tags });
        // Carried highlights and notes are searchable like the reader's own.
        for (const { id, readerData } of entries)
          if (readerData.highlights.length > 0) await this.#annotationsChanged(id, null);
      },
    });
  }

  /** Asks the reader for files or a folder and imports them; `null` if they chose nothing. */
  async chooseAndImport(pick: 'files' | 'folder'): Promise<ImportReport | null> {
    const paths = (await this.#options.choosePaths?.(pick)) ?? null;
    return paths && paths.length > 0 ? this.importPaths(paths) : null;
  }

  /** Takes articles out of the library; their user data stays until `forget`. Resolves to the ids removed. */
  /** The annotation store (opened on first use), for services built beside the app (review). */
  annotationStore(): Promise<AnnotationStore> {
    return this.#annotationStore();
  }

  /** The tag store (opened on first use), for services built beside the app (review). */
  tagStore(): Promise<TagStore> {
    return this.#tagStore();
  }

  async remove(ids: readonly string[]): Promise<string[]> {
    const removed = await this.store.remove([...ids]);
    await this.#toIndex((index) => index.articlesRemoved(removed));
    return removed;
  }

  /** Undoes `remove`. Resolves to the ids brought back. */
  async restore(ids: readonly string[]): Promise<string[]> {
    const restored = await this.store.restore([...ids]);
    await this.#toIndex((index) => index.articlesChanged(restored));
    return restored;
  }

  /**
   * Deletes removed articles for good, with their progress, highlights, notes and tags. Articles
   * still in the library are left alone. Resolves to the ids forgotten.
   */
  async forget(ids: readonly string[]): Promise<string[]> {
    const removed = ids.filter((id) => this.store.getIncludingRemoved(id)?.removedAt !== undefined);
    if (removed.length === 0) return [];
    // User data first: if that write fails, nothing changed; if the library write then fails,
    // the articles stay removed without their progress, and forgetting them again finishes.
    // (The other order could leave progress behind for ids the library no longer knows.)
    await (await this.#progressStore()).forget(removed);
    await (await this.#annotationStore()).forget(removed);
    await (await this.#tagStore()).forget(removed);
    const forgotten = await this.store.forget(removed);
    await this.#toIndex((index) => index.articlesForgotten(forgotten));
    return forgotten;
  }

  // ── Reading progress and settings ──────────────────────────────────────────────────────────

  /** `null` for an article never opened. @throws UnknownArticleError */
  async progress(id: string): Promise<ReadingProgress | null> {
    this.#assertStored(id);
    return (await this.#progressStore()).get(id);
  }

  /** Saves where the reader is. @throws UnknownArticleError */
  async saveProgress(id: string, position: ReadingPosition): Promise<ReadingProgress> {
    this.#assertStored(id);
    return (await this.#progressStore()).save(id, position);
  }

  /** Sets the fraction read (0 is unread, from the finished threshold on it is finished). */
  async setProgressFraction(id: string, fraction: number): Promise<ReadingProgress> {
    this.#assertStored(id);
    return (await this.#progressStore()).setFraction(id, fraction);
  }

  /** Marks finished, or unread. @throws UnknownArticleError */
  async setFinished(id: string, finished: boolean): Promise<ReadingProgress> {
    this.#assertStored(id);
    return (await this.#progressStore()).setFinished(id, finished);
  }

  async settings(): Promise<Settings> {
    return (await this.#settingsStore()).get();
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    return (await this.#settingsStore()).update(patch);
  }

  /**
   * Puts the settings back to their defaults. A settings file that cannot be read (damaged, or
   * from a newer Gazette) is set aside under a new name, never deleted; `keptAs` names it.
   */
  async resetSettings(): Promise<{ settings: Settings; keptAs: string | null }> {
    try {
      return { settings: await (await this.#settingsStore()).reset(), keptAs: null };
    } catch (error) {
      // Only a file that cannot be read is set aside; any other failure is reported as it is.
      if (!(error instanceof StoreCorruptError || error instanceof StoreVersionError)) throw error;
    }
    const keptAs = await SettingsStore.setAside(this.store);
    return { settings: (await this.#settingsStore()).get(), keptAs };
  }

  /**
   * What the window should tell the reader about the library: damaged progress, tags or views
   * files (each kept as it is while the rest works), a library made by a newer Gazette (open
   * read-only), a migration from an older version (the old file kept beside), body packs found
   * damaged when an article was opened. A damaged file is read again first, so one the reader
   * mended is no longer named. Codes with values: the window words them in its language.
   */
  async libraryStatus(): Promise<LibraryStatus> {
    const warnings: LibraryWarning[] = [];
    const progress = await this.#progressStore();
    if (progress.damage) await progress.reload();
    if (progress.damage) warnings.push({ code: 'progress-damaged', values: { file: progress.damage.file } });
    const tags = await this.#tagStore();
    if (tags.damage.length > 0) await tags.reload();
    for (const damage of tags.damage) {
      const isViews = path.basename(damage.file).startsWith('views');
      warnings.push({ code: isViews ? 'views-damaged' : 'tags-damaged', values: { file: damage.file } });
    }
    if (this.store.readOnlyReason !== undefined) {
      warnings.push({ code: 'newer-library', values: { file: path.join(this.dataDir, 'library.json') } });
    }
    const from = this.store.migratedFrom;
    if (from !== undefined) {
      // Where DurableJsonFile keeps the old version (a `-2` suffix only if an earlier upgrade left one).
      const keptAs = path.join(this.dataDir, `library.v${from}.json`);
      warnings.push({ code: 'migrated', values: { from, keptAs } });
    }
    for (const file of this.#damagedPacks) warnings.push({ code: 'body-pack-damaged', values: { file } });
    return { readOnly: this.store.readOnly, warnings };
  }

  /** Where the settings file lives (shown to the reader when it is damaged). */
  settingsFile(): string {
    return userFilePath(this.store.dataDir, SETTINGS_FILE_NAME);
  }

  // ── Highlights and notes ───────────────────────────────────────────────────────────────────
  // Each change is in the search index before the call resolves, so a search right after finds it.

  /** An article's highlights (reading order, anchored on its current text) and notes. */
  async annotations(id: string): Promise<ArticleAnnotations> {
    this.#assertStored(id);
    return (await this.#annotationStore()).list(id);
  }

  /** Highlights `start`–`end` of the article's body text (its blocks joined by a blank line). */
  async addHighlight(
    id: string,
    highlight: { start: number; end: number; color?: HighlightColor | undefined; note?: string | undefined },
  ): Promise<Highlight> {
    return this.#annotationsChanged(id, await (await this.#annotationStore()).addHighlight(id, highlight));
  }

  /**
   * Highlights the `occurrence`-th time the exact `words` occur in the article's body text;
   * resolves to the highlight and that text. @throws WordsNotFoundError
   */
  async highlightWords(id: string, request: HighlightWords): Promise<{ highlight: Highlight; text: string }> {
    const [{ articleText }, { exactOccurrences }] = await Promise.all([
      import('../../core/annotations/article-text'),
      import('../../core/annotations/match-quote'),
    ]);
    const text = articleText((await this.store.readArticle(id)).blocks).text;
    const { words, occurrence } = request;
    const found = exactOccurrences(text, words);
    if (found.length === 0) {
      throw new WordsNotFoundError(
        `The words "${words}" are not in article ${id}, as "gazette show ${id}" gives it (paragraphs are separated by a blank line).`,
      );
    }
    const start = found[occurrence - 1];
    if (start === undefined) {
      throw new WordsNotFoundError(
        `"${words}" occurs ${found.length} time${found.length === 1 ? '' : 's'} in article ${id}; --occurrence ${occurrence} is past the last.`,
      );
    }
    const end = start + words.length;
    const highlight = await this.addHighlight(id, { start, end, color: request.color, note: request.note });
    return { highlight, text };
  }

  /** The article's body text (what highlight offsets count) and its annotations. */
  async annotationsWithText(id: string): Promise<{ text: string; annotations: ArticleAnnotations }> {
    const { articleText } = await import('../../core/annotations/article-text');
    const text = articleText((await this.store.readArticle(id)).blocks).text;
    return { text, annotations: await this.annotations(id) };
  }

  async updateHighlight(
    id: string,
    highlightId: string,
    change: { color?: HighlightColor | undefined; note?: string | undefined },
  ): Promise<Highlight> {
    const store = await this.#annotationStore();
    return this.#annotationsChanged(id, await store.updateHighlight(id, highlightId, change));
  }

  /** Resolves to the deleted highlight: give it to `restoreHighlight` to undo. */
  async deleteHighlight(id: string, highlightId: string): Promise<Highlight> {
    return this.#annotationsChanged(
      id,
      await (await this.#annotationStore()).deleteHighlight(id, highlightId),
    );
  }

  async restoreHighlight(id: string, highlight: Highlight): Promise<Highlight> {
    return this.#annotationsChanged(
      id,
      await (await this.#annotationStore()).restoreHighlight(id, highlight),
    );
  }

  async addNote(id: string, text: string): Promise<Note> {
    return this.#annotationsChanged(id, await (await this.#annotationStore()).addNote(id, text));
  }

  async updateNote(id: string, noteId: string, text: string): Promise<Note> {
    return this.#annotationsChanged(id, await (await this.#annotationStore()).updateNote(id, noteId, text));
  }

  /** Resolves to the deleted note: give it to `restoreNote` to undo. */
  async deleteNote(id: string, noteId: string): Promise<Note> {
    return this.#annotationsChanged(id, await (await this.#annotationStore()).deleteNote(id, noteId));
  }

  async restoreNote(id: string, note: Note): Promise<Note> {
    return this.#annotationsChanged(id, await (await this.#annotationStore()).restoreNote(id, note));
  }

  /** Every highlight and note across the library, newest first, by colour or section if asked. */
  async notebook(filter: NotebookFilter): Promise<NotebookEntry[]> {
    const { listNotebook } = await import('../annotations/notebook');
    return listNotebook(this.store, await this.#annotationStore(), filter);
  }

  // ── Export, backup, restore ────────────────────────────────────────────────────────────────

  /** One article's highlights and notes as a file's text. @throws UnknownArticleError */
  async exportArticle(id: string, format: ExportFormat): Promise<ExportedFile> {
    const { exportArticle } = await import('../export/export-annotations');
    const tags = (await this.#tagStore()).all();
    return exportArticle(this.store, await this.#annotationStore(), id, format, { tags });
  }

  /** Every annotated article: one Markdown file each, or one JSON or JSON-LD file for them all. */
  async exportLibrary(format: ExportFormat): Promise<ExportedFile[]> {
    const { exportLibrary } = await import('../export/export-annotations');
    const tags = (await this.#tagStore()).all();
    return exportLibrary(this.store, await this.#annotationStore(), format, { tags });
  }

  /** `exportArticle` for an id, `exportLibrary` without one. */
  async exportFiles(id: string | undefined, format: ExportFormat): Promise<ExportedFile[]> {
    return id === undefined ? this.exportLibrary(format) : [await this.exportArticle(id, format)];
  }

  /** Writes exported files into the folder `dir`; resolves to each file written. */
  async writeExportFiles(files: ExportedFile[], dir: string): Promise<WrittenFile[]> {
    const { writeExportedFiles } = await import('../export/save-export');
    return writeExportedFiles(files, dir);
  }

  /**
   * Exports to files the reader chooses (`chooseFile`): one file for one article or a library in
   * JSON or JSON-LD, a folder for the library in Markdown. `null` if they cancelled; no files when
   * there was nothing to export (they are not asked where to put nothing).
   */
  async saveExport(id: string | undefined, format: ExportFormat): Promise<SavedExport | null> {
    const files = await this.exportFiles(id, format);
    if (files.length === 0) return { files: [] };
    const [only] = files;
    if (files.length === 1 && only && (id !== undefined || format !== 'markdown')) {
      const target = await this.#chooseFile({ kind: 'save-export', defaultName: only.name, format });
      if (target === null) return null;
      const { writeExportedFile } = await import('../export/save-export');
      return { files: [(await writeExportedFile(only, target)).file] };
    }
    // The library as Markdown: one file per article, into a folder the reader chooses.
    const dir = await this.#chooseFile({ kind: 'export-folder' });
    return dir === null
      ? null
      : { files: (await this.writeExportFiles(files, dir)).map((written) => written.file) };
  }

  /** Writes a full backup to `target` (never over a file that is not a Gazette backup). */
  async backup(target: string): Promise<BackupSummary> {
    const { writeBackup } = await import('../backup/write-backup');
    return writeBackup(this.store, await this.#userData(), target);
  }

  /** Backs up to a file the reader chooses, named after the day by default; `null` if cancelled. */
  async backupToChosenFile(now: Date = new Date()): Promise<BackupSummary | null> {
    const target = await this.#chooseFile({ kind: 'save-backup', defaultName: backupFileName(now) });
    return target === null ? null : this.backup(target);
  }

  /**
   * Merges a backup into the library: the file `source` (checked whole before anything is
   * written: a bad backup changes nothing), or a backup `readBackupFile` already checked.
   * @throws BackupError
   */
  async restoreBackup(source: string | Backup): Promise<RestoreReport> {
    const backup = typeof source === 'string' ? await readBackupFile(source) : source;
    const { restoreFromBackup } = await import('../backup/restore-backup');
    const report = await restoreFromBackup(this.store, await this.#userData(), backup);
    // A restore adds articles and annotations: the index compares itself with the files again.
    await this.#toIndex((index) => index.refresh());
    return report;
  }

  /** Restores a backup the reader chooses; `null` if cancelled. */
  async restoreFromChosenFile(): Promise<RestoreReport | null> {
    const source = await this.#chooseFile({ kind: 'open-backup' });
    return source === null ? null : this.restoreBackup(source);
  }

  // ── The reader's cleaning choices ─────────────────────────────────────────────────────────

  /**
   * The reader's choice on one block of article `id`: `keep` puts a removed block back, `remove`
   * marks a kept block as site text. The choice is stored with the article (kept across
   * re-imports and re-cleans), the article is cleaned again from its stored text with all its
   * choices, and its highlights are anchored on the new text. Resolves to the article as it reads.
   * @throws UnknownArticleError; BlockNotFoundError when `text` is no removed (for `keep`) or kept
   *   (for `remove`) block of the article; EmptyArticleError when no paragraph would be left.
   *   Nothing is changed then.
   */
  async setBlockCleaning(id: string, text: string, choice: 'keep' | 'remove'): Promise<Article> {
    const { overrideKey } = await import('../../core/parse/reader-choices');
    const { recleanStoredArticle, withStoredChoice } = await import('../cleaning/reader-cleaning');
    const article = await this.store.readArticle(id);
    const key = overrideKey(text);
    const candidates: ReadonlyArray<{ text: string }> = choice === 'keep' ? article.removed : article.blocks;
    if (!candidates.some((block) => overrideKey(block.text) === key)) {
      throw new BlockNotFoundError(
        choice === 'keep'
          ? 'That text is not among the site text removed from this article; nothing was changed.'
          : 'That text is not a paragraph of this article; nothing was changed.',
      );
    }
    const before = this.store.cleaningOverrides(id);
    const overrides = withStoredChoice(before, text, choice);
    const next = recleanStoredArticle(article, overrides);
    // The choice first, then the text: if the text's write fails, the choice is taken back, so
    // the library is as it was (and a stored choice never disagrees with the text for long).
    await this.store.setCleaningOverrides(id, overrides);
    try {
      await this.#commitRecleaned([next]);
    } catch (error) {
      await this.store.setCleaningOverrides(id, before).catch(() => undefined);
      throw error;
    }
    return this.store.readArticle(id);
  }

  /**
   * Cleans article `id` again (every article of the library without one) from its stored text
   * with the current rules, never undoing a reader's choice; highlights follow their words.
   * Articles whose text does not change are not written. An article that would be left with no
   * paragraph is left as it is and reported in `failed`.
   * @throws UnknownArticleError for an `id` not in the library.
   */
  async reclean(id?: string): Promise<RecleanReport> {
    const { recleanStoredArticle, sameBody } = await import('../cleaning/reader-cleaning');
    const ids = id === undefined ? this.store.list().map((meta) => meta.id) : [id];
    const report: RecleanReport = { recleaned: [], unchanged: 0, failed: [] };
    let batch: Article[] = [];
    for (const articleId of ids) {
      const article = await this.store.readArticle(articleId);
      let next: Article;
      try {
        next = recleanStoredArticle(article, this.store.cleaningOverrides(articleId));
      } catch (error) {
        report.failed.push({ id: articleId, error: error instanceof Error ? error.message : String(error) });
        continue;
      }
      if (sameBody(article, next)) {
        report.unchanged += 1;
        continue;
      }
      batch.push(next);
      report.recleaned.push(articleId);
      // One pack and one library write per batch, as the import does.
      if (batch.length >= RECLEAN_BATCH) {
        await this.#commitRecleaned(batch);
        batch = [];
      }
    }
    await this.#commitRecleaned(batch);
    return report;
  }

  /** Stores re-cleaned articles, anchors their highlights again and tells the search index. */
  async #commitRecleaned(articles: Article[]): Promise<void> {
    if (articles.length === 0) return;
    await this.store.commit({ added: [], updated: articles });
    const { reanchorOnImport } = await import('../annotations/reanchor-on-import');
    await reanchorOnImport(this.#annotationStore)(articles);
    await this.#toIndex((index) => index.articlesImported(articles));
  }

  // ── Search, tags and views ─────────────────────────────────────────────────────────────────

  /**
   * Full-text search over titles, article text, highlights and notes, keeping the articles that
   * match `filters` (core/library-filters.ts); best first, at most `limit` (20 by default).
   */
  async search(
    query: string,
    filters: LibraryFilters = {},
    limit = DEFAULT_SEARCH_LIMIT,
  ): Promise<SearchResult[]> {
    const entryOf = await this.#filterEntries(filters);
    return (await this.#searchIndex()).search({
      query,
      limit,
      accept: entryOf && ((meta) => matchesFilters(entryOf(meta.id, meta.section), filters)),
    });
  }

  /**
   * A query of the search language (src/core/search/query): words, phrases, `OR`, negation and
   * field terms (`tag:`, `is:`, `published:>…`), best first, a page of `limit` (20 by default)
   * after `offset`. What the query holds that is not understood is left out of the search and
   * returned in `errors` (code and position), never thrown.
   */
  async searchQuery(query: string, limit = DEFAULT_SEARCH_LIMIT, offset = 0): Promise<QuerySearchAnswer> {
    const entry = await this.#queryEntries();
    return (await this.#searchIndex()).searchQuery(query, { limit, offset, entry });
  }

  /** Every article a query of the search language finds, best first, without snippets. */
  async queryIds(query: string): Promise<{ ids: string[]; errors: QueryError[] }> {
    const entry = await this.#queryEntries();
    return (await this.#searchIndex()).queryIds(query, entry);
  }

  /**
   * The `count` (5 by default) articles closest to article `id` by shared distinctive terms, for
   * "More on this". @throws UnknownArticleError
   */
  async relatedArticles(id: string, count = RELATED_COUNT): Promise<RelatedArticle[]> {
    this.#assertStored(id);
    return (await this.#searchIndex()).relatedArticles(id, count);
  }

  /**
   * Opens the search index now if its file exists, so that the changes that follow (an import
   * from the command line) are written into it at `close`. A missing index is left to the first
   * search, which builds it from the files anyway.
   */
  async openSearchIndexIfSaved(): Promise<void> {
    const { snapshotPath } = await import('../search/search-snapshot');
    const { access } = await import('node:fs/promises');
    const saved = await access(snapshotPath(this.dataDir)).then(
      () => true,
      () => false,
    );
    if (saved) await this.#searchIndex();
  }

  /** An article's tags. @throws UnknownArticleError */
  async tags(id: string): Promise<string[]> {
    this.#assertStored(id);
    return (await this.#tagStore()).get(id);
  }

  /** Adds and removes tags of an article; resolves to its tags. @throws UnknownArticleError */
  async setTags(id: string, add: readonly string[], remove: readonly string[]): Promise<string[]> {
    this.#assertStored(id);
    return (await this.#tagStore()).setTags(id, add, remove);
  }

  /** Renames a tag everywhere; resolves to the number of articles and views changed. */
  async renameTag(from: string, to: string): Promise<number> {
    return (await this.#tagStore()).renameTag(from, to);
  }

  async deleteTag(tag: string): Promise<number> {
    return (await this.#tagStore()).deleteTag(tag);
  }

  /** Every tag with its number of articles, by name. */
  async listTags(): Promise<TagCount[]> {
    return (await this.#tagStore()).list();
  }

  async views(): Promise<SavedView[]> {
    return (await this.#tagStore()).listViews();
  }

  /** Saves a named query and filters (replacing a view of that name); resolves to every view. */
  async saveView(view: SavedView): Promise<SavedView[]> {
    return (await this.#tagStore()).saveView(view);
  }

  async deleteView(name: string): Promise<SavedView[]> {
    return (await this.#tagStore()).deleteView(name);
  }

  /** Writes what is pending (the search index), and closes the library if the app opened it. */
  async close(): Promise<void> {
    try {
      if (this.#searchOpened) {
        // An index that failed to open has nothing to write; the next start rebuilds it.
        const index = await this.#searchIndex().catch(() => null);
        await index?.close();
      }
    } finally {
      if (this.#ownsStore) await this.store.close();
    }
  }

  // ── Inside ─────────────────────────────────────────────────────────────────────────────────

  /** Progress may be read and saved for a removed article too: it keeps its user data until forgotten. */
  #assertStored(id: string): void {
    if (!this.store.getIncludingRemoved(id)) throw new UnknownArticleError(id, this.store.dataDir);
  }

  #chooseFile(request: FileDialogRequest): Promise<string | null> {
    return this.#options.chooseFile?.(request) ?? Promise.resolve(null);
  }

  async #userData(): Promise<UserData> {
    return {
      progress: await this.#progressStore(),
      settings: await this.#settingsStore(),
      annotations: await this.#annotationStore(),
      tags: await this.#tagStore(),
    };
  }

  /**
   * What the filters look at for an article, reading only the files the given filters need (so a
   * damaged progress file fails only a search by reading state); `undefined` without filters.
   */
  async #filterEntries(
    filters: LibraryFilters,
  ): Promise<((id: string, section: string) => FilterableEntry) | undefined> {
    if (isUnfiltered(filters)) return undefined;
    const progress = filters.state === undefined ? undefined : (await this.#progressStore()).all();
    const tags = (filters.tags ?? []).length === 0 ? undefined : (await this.#tagStore()).all();
    const annotations = filters.hasAnnotations === undefined ? undefined : await this.#annotationStore();
    return (id, section) => {
      const counts = annotations?.counts(id);
      return {
        section,
        state: readingState(progress?.get(id)),
        tags: tags?.[id] ?? [],
        highlights: counts?.highlights ?? 0,
        notes: counts?.notes ?? 0,
      };
    };
  }

  /**
   * Each article's library entry as the search language's field terms read it (`SearchIndex.
   * searchQuery`'s `entry`): progress, tags and annotation counts read once per query, the entry
   * made only for the articles the words did not already turn down.
   */
  async #queryEntries(): Promise<(meta: ArticleMeta) => QueryEntry> {
    const progress = (await this.#progressStore()).all();
    const annotations = await this.#annotationStore();
    const tags = (await this.#tagStore()).all();
    return (meta) => {
      const saved = progress.get(meta.id);
      const counts = annotations.counts(meta.id);
      return {
        section: meta.section,
        language: meta.language,
        site: meta.site,
        author: meta.author,
        publishedAt: meta.publishedAt,
        importedAt: meta.importedAt,
        readingMinutes: meta.readingMinutes,
        progress: saved?.fraction ?? 0,
        state: readingState(saved),
        highlights: counts.highlights,
        notes: counts.notes,
        tags: tags[meta.id] ?? [],
      };
    };
  }

  /**
   * Applies a change to the search index if it is open (or opening). If it is not, there is
   * nothing to do: opening it compares it with the library and the annotation files. A failure
   * here never fails the change itself, which is on disk; the next open catches the index up.
   */
  async #toIndex(change: (index: SearchIndex) => Promise<void>): Promise<void> {
    if (!this.#searchOpened) return;
    try {
      await change(await this.#searchIndex());
    } catch {
      // See above: the files are the truth and the index is reconciled with them at open.
    }
  }

  /** After a highlight or note change: the article's annotations as saved, into the index. */
  async #annotationsChanged<T>(id: string, result: T): Promise<T> {
    await this.#toIndex(async (index) =>
      index.annotationsChanged(id, await (await this.#annotationStore()).list(id)),
    );
    return result;
  }
}

/**
 * Reads and checks a backup file whole, before any library is opened (the command line checks
 * it before taking the library's lock). @throws BackupError
 */
export async function readBackupFile(file: string): Promise<Backup> {
  const { readBackup } = await import('../backup/restore-backup');
  return readBackup(file);
}

/**
 * The id of the article in `store` that `idOrPrefix` names: its id, or the start of one (4
 * characters or more) that no other article in the library shares. @throws ArticleReferenceError
 */
export function resolveArticleId(store: Pick<LibraryStore, 'get' | 'list'>, idOrPrefix: string): string {
  if (store.get(idOrPrefix)) return idOrPrefix;
  const matches =
    idOrPrefix.length >= MIN_ID_PREFIX ? store.list().filter((meta) => meta.id.startsWith(idOrPrefix)) : [];
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length > 1) {
    throw new ArticleReferenceError(`"${idOrPrefix}" names ${matches.length} articles; give more of the id.`);
  }
  throw new ArticleReferenceError(`No article has the id "${idOrPrefix}"; "gazette list" shows the ids.`);
}

/** The backup file name offered by default: `gazette-backup-YYYY-MM-DD.json` (UTC day). */
export function backupFileName(now: Date): string {
  return `gazette-backup-${now.toISOString().slice(0, 10)}.json`;
}

/** Opens a store on the first call and shares it; after a failed open, the next call tries again. */
function openOnFirstUse<T>(open: () => Promise<T>): () => Promise<T> {
  let opening: Promise<T> | undefined;
  return () => {
    opening ??= open().catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
}
