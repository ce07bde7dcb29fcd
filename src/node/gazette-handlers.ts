/**
 * The handlers behind every method of the IPC contract, as plain Node code over the real
 * store. The Electron main process registers them on ipcMain; the end-to-end test bridge
 * calls the very same functions, so the browser tests exercise the app's real services.
 */
import type { GazetteHandlers } from '../core/ipc/contract';
import type { ImportProgress } from '../core/import-report';
import { AnnotationStore, listNotebook, reanchorOnImport } from './annotations';
import { readBackup, restoreFromBackup, writeBackup, type UserData } from './backup';
import { exportArticle, exportLibrary } from './export';
import type { ParsePool } from './import/parse-pool';
import { importIntoLibrary } from './library/import-into-library';
import { ProgressStore, SettingsStore, toLibraryEntry } from './reading';
import { UnknownArticleError, type LibraryStore } from './store';

export interface HandlerHost {
  store: LibraryStore;
  /** Asks the reader for files or a folder (a system dialog in the app); `null` if cancelled. */
  choosePaths: (pick: 'files' | 'folder') => Promise<string[] | null>;
  onImportProgress: (progress: ImportProgress) => void;
  /** Worker threads for large imports; without one, files are parsed on the calling thread. */
  parsePool?: ParsePool;
}

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
  const { store } = host;
  const progressStore = openOnFirstUse(() => ProgressStore.open(store));
  const settingsStore = openOnFirstUse(() => SettingsStore.open(store));
  const annotationStore = openOnFirstUse(() => AnnotationStore.open(store));
  const userData = async (): Promise<UserData> => ({
    progress: await progressStore(),
    settings: await settingsStore(),
    annotations: await annotationStore(),
  });
  const importPaths = (paths: string[]) =>
    importIntoLibrary(store, paths, {
      onProgress: host.onImportProgress,
      parsePool: host.parsePool,
      // Highlights follow their words into an updated article's new text.
      onArticlesUpdated: reanchorOnImport(annotationStore),
    });

  /** Progress may be read and saved for a removed article too: it keeps its user data until forgotten. */
  const assertStored = (id: string): void => {
    if (!store.getIncludingRemoved(id)) throw new UnknownArticleError(id, store.dataDir);
  };

  return {
    listArticles: async ({ limit }) => {
      const progress = (await progressStore()).all();
      const annotations = await annotationStore();
      const metas = limit === undefined ? store.list() : store.list().slice(0, limit);
      return metas.map((meta) => toLibraryEntry(meta, progress.get(meta.id), annotations.counts(meta.id)));
    },
    getArticle: async ({ id }) => store.readArticle(id),
    importPaths: async ({ paths }) => importPaths(paths),
    chooseAndImport: async ({ pick }) => {
      const paths = await host.choosePaths(pick);
      return paths && paths.length > 0 ? importPaths(paths) : null;
    },
    getSettings: async () => (await settingsStore()).get(),
    updateSettings: async ({ patch }) => (await settingsStore()).update(patch),
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
    removeArticles: async ({ ids }) => ({ removed: await store.remove(ids) }),
    restoreArticles: async ({ ids }) => ({ restored: await store.restore(ids) }),
    forgetArticles: async ({ ids }) => {
      // Only removed articles are forgotten; articles in the library keep their data.
      const removed = ids.filter((id) => store.getIncludingRemoved(id)?.removedAt !== undefined);
      if (removed.length === 0) return { forgotten: [] };
      // User data first: if that write fails, nothing changed; if the library write then fails,
      // the articles stay removed without their progress, and forgetting them again finishes.
      // (The other order could leave progress behind for ids the library no longer knows.)
      await (await progressStore()).forget(removed);
      await (await annotationStore()).forget(removed);
      return { forgotten: await store.forget(removed) };
    },
    listAnnotations: async ({ id }) => {
      assertStored(id);
      return (await annotationStore()).list(id);
    },
    addHighlight: async ({ id, start, end, color, note }) =>
      (await annotationStore()).addHighlight(id, { start, end, color, note }),
    updateHighlight: async ({ id, highlightId, color, note }) =>
      (await annotationStore()).updateHighlight(id, highlightId, { color, note }),
    deleteHighlight: async ({ id, highlightId }) =>
      (await annotationStore()).deleteHighlight(id, highlightId),
    restoreHighlight: async ({ id, highlight }) => (await annotationStore()).restoreHighlight(id, highlight),
    addNote: async ({ id, text }) => (await annotationStore()).addNote(id, text),
    updateNote: async ({ id, noteId, text }) => (await annotationStore()).updateNote(id, noteId, text),
    deleteNote: async ({ id, noteId }) => (await annotationStore()).deleteNote(id, noteId),
    restoreNote: async ({ id, note }) => (await annotationStore()).restoreNote(id, note),
    listNotebook: async (filter) => listNotebook(store, await annotationStore(), filter),
    exportArticle: async ({ id, format }) => exportArticle(store, await annotationStore(), id, format),
    exportLibrary: async ({ format }) => exportLibrary(store, await annotationStore(), format),
    backupTo: async ({ path }) => writeBackup(store, await userData(), path),
    restoreFrom: async ({ path }) => {
      // Checked whole before any service is opened: a bad backup changes nothing.
      const backup = await readBackup(path);
      return restoreFromBackup(store, await userData(), backup);
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
