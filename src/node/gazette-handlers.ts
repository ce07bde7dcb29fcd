/**
 * The handlers behind every method of the IPC contract, as plain Node code over the real
 * store. The Electron main process registers them on ipcMain; the end-to-end test bridge
 * calls the very same functions, so the browser tests exercise the app's real services.
 */
import type { GazetteHandlers } from '../core/ipc/contract';
import type { FileDialogRequest } from '../core/export';
import type { ImportProgress } from '../core/import-report';
import type { ArticleMeta } from '../core/article';
import { readingState } from '../core/reading';
import type { SearchIndexProgress } from '../core/search/model';
import { tagKey } from '../core/tags';
import { AnnotationStore, listNotebook, reanchorOnImport } from './annotations';
import { readBackup, restoreFromBackup, writeBackup, type UserData } from './backup';
import { exportArticle, exportLibrary, writeExportedFile, writeExportedFiles } from './export';
import type { ParsePool } from './import/parse-pool';
import { importIntoLibrary } from './library/import-into-library';
import { ProgressStore, SETTINGS_FILE_NAME, SettingsStore, toLibraryEntry } from './reading';
import { SearchIndex, type SnapshotBuilder } from './search';
import {
  StoreCorruptError,
  StoreVersionError,
  UnknownArticleError,
  userFilePath,
  type LibraryStore,
} from './store';
import { TagStore } from './tags';

export interface HandlerHost {
  store: LibraryStore;
  /** Asks the reader for files or a folder (a system dialog in the app); `null` if cancelled. */
  choosePaths: (pick: 'files' | 'folder') => Promise<string[] | null>;
  onImportProgress: (progress: ImportProgress) => void;
  /**
   * Asks the reader where to save an export or a backup, or which backup to restore (a system
   * dialog in the app); `null` if cancelled. Without it, every such request counts as cancelled.
   */
  chooseFile?: (request: FileDialogRequest) => Promise<string | null>;
  /** Shows a file in the system's file manager (the app's `shell.showItemInFolder`); absent in tests. */
  revealFile?: (file: string) => void;
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

/** Results a search returns when the caller gives no limit: a first page, as the app asks. */
const DEFAULT_SEARCH_LIMIT = 20;

/**
 * The handlers over `host.store`. The progress and settings files are opened on first use, not
 * here, so a damaged one never stops the app from starting: each method that needs it rejects
 * with the file's `StoreCorruptError` (the file is kept; the message says how to recover), the
 * renderer shows it, and the next call reads the file again, so moving it away or fixing it
 * works without a restart. A damaged progress file fails `listArticles` too, rather than show
 * every article as unread. A damaged settings file fails only the settings methods. A damaged
 * annotation file fails the methods on that article's annotations (and exports that include it);
 * the annotation counts of the library list come from an index that is rebuilt if damaged.
 */
export function createGazetteHandlers(host: HandlerHost): GazetteHandlers {
  return createGazetteServices(host).handlers;
}

/** The handlers, and `close`, which writes what is pending (the search index) before the app quits. */
export interface GazetteServices {
  handlers: GazetteHandlers;
  close(): Promise<void>;
}

export function createGazetteServices(host: HandlerHost): GazetteServices {
  const { store } = host;
  const chooseFile = host.chooseFile ?? (async () => null);
  const progressStore = openOnFirstUse(() => ProgressStore.open(store));
  const settingsStore = openOnFirstUse(() => SettingsStore.open(store));
  const annotationStore = openOnFirstUse(() => AnnotationStore.open(store));
  const tagStore = openOnFirstUse(() => TagStore.open(store));
  let searchOpened = false;
  const searchIndex = openOnFirstUse(() => {
    searchOpened = true;
    return SearchIndex.open(store, {
      annotations: annotationStore,
      builder: host.searchBuilder,
      onProgress: host.onSearchIndexProgress,
      persistDelayMs: host.searchPersistDelayMs,
    });
  });
  if (host.startSearchIndex) void searchIndex().catch(() => undefined);
  /**
   * Applies a change to the search index if it is open (or opening). If it is not, there is
   * nothing to do: opening it compares it with the library and the annotation files. A failure
   * here never fails the change itself, which is on disk; the next open catches the index up.
   */
  const toIndex = async (change: (index: SearchIndex) => Promise<void>): Promise<void> => {
    if (!searchOpened) return;
    try {
      await change(await searchIndex());
    } catch {
      // See above: the files are the truth and the index is reconciled with them at open.
    }
  };
  /** After a highlight or note change: the article's annotations as saved, into the index. */
  const annotationsChanged = async <T>(id: string, result: T): Promise<T> => {
    await toIndex(async (index) => index.annotationsChanged(id, await (await annotationStore()).list(id)));
    return result;
  };
  const userData = async (): Promise<UserData> => ({
    progress: await progressStore(),
    settings: await settingsStore(),
    annotations: await annotationStore(),
    tags: await tagStore(),
  });
  const importPaths = (paths: string[]) =>
    importIntoLibrary(store, paths, {
      onProgress: host.onImportProgress,
      parsePool: host.parsePool,
      // Highlights follow their words into an updated article's new text.
      onArticlesUpdated: reanchorOnImport(annotationStore),
      onArticlesCommitted: (articles) => toIndex((index) => index.articlesImported(articles)),
    });

  /** Progress may be read and saved for a removed article too: it keeps its user data until forgotten. */
  const assertStored = (id: string): void => {
    if (!store.getIncludingRemoved(id)) throw new UnknownArticleError(id, store.dataDir);
  };

  const handlers: GazetteHandlers = {
    listArticles: async ({ limit }) => {
      const progress = (await progressStore()).all();
      const annotations = await annotationStore();
      const tags = (await tagStore()).all();
      const metas = limit === undefined ? store.list() : store.list().slice(0, limit);
      return metas.map((meta) =>
        toLibraryEntry(meta, progress.get(meta.id), annotations.counts(meta.id), tags[meta.id]),
      );
    },
    getArticle: async ({ id }) => store.readArticle(id),
    importPaths: async ({ paths }) => importPaths(paths),
    chooseAndImport: async ({ pick }) => {
      const paths = await host.choosePaths(pick);
      return paths && paths.length > 0 ? importPaths(paths) : null;
    },
    getSettings: async () => (await settingsStore()).get(),
    updateSettings: async ({ patch }) => (await settingsStore()).update(patch),
    resetSettings: async () => {
      try {
        return { settings: await (await settingsStore()).reset(), keptAs: null };
      } catch (error) {
        // Only a file that cannot be read is set aside; any other failure is reported as it is.
        if (!(error instanceof StoreCorruptError || error instanceof StoreVersionError)) throw error;
      }
      const keptAs = await SettingsStore.setAside(store);
      return { settings: (await settingsStore()).get(), keptAs };
    },
    revealSettingsFile: async () => {
      const file = userFilePath(store.dataDir, SETTINGS_FILE_NAME);
      if (!host.revealFile) return { shown: false, file };
      host.revealFile(file);
      return { shown: true, file };
    },
    getProgress: async ({ id }) => {
      assertStored(id);
      return (await progressStore()).get(id);
    },
    saveProgress: async ({ id, position }) => {
      assertStored(id);
      return (await progressStore()).save(id, position);
    },
    setFinished: async ({ id, finished }) => {
      assertStored(id);
      return (await progressStore()).setFinished(id, finished);
    },
    removeArticles: async ({ ids }) => {
      const removed = await store.remove(ids);
      await toIndex((index) => index.articlesRemoved(removed));
      return { removed };
    },
    restoreArticles: async ({ ids }) => {
      const restored = await store.restore(ids);
      await toIndex((index) => index.articlesChanged(restored));
      return { restored };
    },
    forgetArticles: async ({ ids }) => {
      // Only removed articles are forgotten; articles in the library keep their data.
      const removed = ids.filter((id) => store.getIncludingRemoved(id)?.removedAt !== undefined);
      if (removed.length === 0) return { forgotten: [] };
      // User data first: if that write fails, nothing changed; if the library write then fails,
      // the articles stay removed without their progress, and forgetting them again finishes.
      // (The other order could leave progress behind for ids the library no longer knows.)
      await (await progressStore()).forget(removed);
      await (await annotationStore()).forget(removed);
      await (await tagStore()).forget(removed);
      const forgotten = await store.forget(removed);
      await toIndex((index) => index.articlesForgotten(forgotten));
      return { forgotten };
    },
    listAnnotations: async ({ id }) => {
      assertStored(id);
      return (await annotationStore()).list(id);
    },
    // Each change is in the search index before the call resolves, so a search right after finds it.
    addHighlight: async ({ id, start, end, color, note }) =>
      annotationsChanged(id, await (await annotationStore()).addHighlight(id, { start, end, color, note })),
    updateHighlight: async ({ id, highlightId, color, note }) =>
      annotationsChanged(
        id,
        await (await annotationStore()).updateHighlight(id, highlightId, { color, note }),
      ),
    deleteHighlight: async ({ id, highlightId }) =>
      annotationsChanged(id, await (await annotationStore()).deleteHighlight(id, highlightId)),
    restoreHighlight: async ({ id, highlight }) =>
      annotationsChanged(id, await (await annotationStore()).restoreHighlight(id, highlight)),
    addNote: async ({ id, text }) =>
      annotationsChanged(id, await (await annotationStore()).addNote(id, text)),
    updateNote: async ({ id, noteId, text }) =>
      annotationsChanged(id, await (await annotationStore()).updateNote(id, noteId, text)),
    deleteNote: async ({ id, noteId }) =>
      annotationsChanged(id, await (await annotationStore()).deleteNote(id, noteId)),
    restoreNote: async ({ id, note }) =>
      annotationsChanged(id, await (await annotationStore()).restoreNote(id, note)),
    listNotebook: async (filter) => listNotebook(store, await annotationStore(), filter),
    exportArticle: async ({ id, format }) =>
      exportArticle(store, await annotationStore(), id, format, { tags: (await tagStore()).all() }),
    exportLibrary: async ({ format }) =>
      exportLibrary(store, await annotationStore(), format, { tags: (await tagStore()).all() }),
    saveExport: async ({ id, format }) => {
      const annotations = await annotationStore();
      const options = { tags: (await tagStore()).all() };
      const files =
        id === undefined
          ? await exportLibrary(store, annotations, format, options)
          : [await exportArticle(store, annotations, id, format, options)];
      // Nothing annotated yet: say so rather than ask where to put nothing.
      if (files.length === 0) return { files: [] };
      const [only] = files;
      if (files.length === 1 && only && (id !== undefined || format !== 'markdown')) {
        const target = await chooseFile({ kind: 'save-export', defaultName: only.name, format });
        return target === null ? null : { files: [(await writeExportedFile(only, target)).file] };
      }
      // The library as Markdown: one file per article, into a folder the reader chooses.
      const dir = await chooseFile({ kind: 'export-folder' });
      return dir === null
        ? null
        : { files: (await writeExportedFiles(files, dir)).map((written) => written.file) };
    },
    backupLibrary: async () => {
      const day = new Date().toISOString().slice(0, 10);
      const target = await chooseFile({ kind: 'save-backup', defaultName: `gazette-backup-${day}.json` });
      return target === null ? null : writeBackup(store, await userData(), target);
    },
    restoreLibrary: async () => {
      const source = await chooseFile({ kind: 'open-backup' });
      if (source === null) return null;
      // Checked whole before any service is opened: a bad backup changes nothing.
      const backup = await readBackup(source);
      const report = await restoreFromBackup(store, await userData(), backup);
      // A restore adds articles and annotations: the index compares itself with the files again.
      await toIndex((index) => index.refresh());
      return report;
    },
    search: async ({ query, section, state, tags, hasAnnotations, limit }) => {
      const filters: Array<(meta: ArticleMeta) => boolean> = [];
      if (section !== undefined) filters.push((meta) => meta.section === section);
      if (state !== undefined) {
        const progress = (await progressStore()).all();
        filters.push((meta) => readingState(progress.get(meta.id)) === state);
      }
      if (tags !== undefined && tags.length > 0) {
        const tagged = (await tagStore()).all();
        const wanted = tags.map(tagKey);
        filters.push((meta) => {
          const own = new Set((tagged[meta.id] ?? []).map(tagKey));
          return wanted.every((tag) => own.has(tag));
        });
      }
      if (hasAnnotations !== undefined) {
        const annotations = await annotationStore();
        filters.push((meta) => {
          const { highlights, notes } = annotations.counts(meta.id);
          return highlights + notes > 0 === hasAnnotations;
        });
      }
      return (await searchIndex()).search({
        query,
        limit: limit ?? DEFAULT_SEARCH_LIMIT,
        accept: (meta) => filters.every((filter) => filter(meta)),
      });
    },
    setTags: async ({ id, add, remove }) => {
      assertStored(id);
      return { id, tags: await (await tagStore()).setTags(id, add ?? [], remove ?? []) };
    },
    renameTag: async ({ from, to }) => ({ changed: await (await tagStore()).renameTag(from, to) }),
    deleteTag: async ({ tag }) => ({ changed: await (await tagStore()).deleteTag(tag) }),
    listTags: async () => (await tagStore()).list(),
    listViews: async () => (await tagStore()).listViews(),
    saveView: async (view) => (await tagStore()).saveView(view),
    deleteView: async ({ name }) => (await tagStore()).deleteView(name),
  };
  return {
    handlers,
    async close() {
      if (!searchOpened) return;
      // An index that failed to open has nothing to write; the next start rebuilds it.
      const index = await searchIndex().catch(() => null);
      await index?.close();
    },
  };
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
