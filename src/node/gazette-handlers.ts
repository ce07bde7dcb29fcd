/**
 * The handlers behind every method of the IPC contract, as plain Node code over the real
 * store. The Electron main process registers them on ipcMain; the end-to-end test bridge
 * calls the very same functions, so the browser tests exercise the app's real services.
 */
import type { GazetteHandlers } from '../core/ipc/contract';
import type { ImportProgress } from '../core/import-report';
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
 * every article as unread. A damaged settings file fails only the settings methods.
 */
export function createGazetteHandlers(host: HandlerHost): GazetteHandlers {
  const { store } = host;
  const progressStore = openOnFirstUse(() => ProgressStore.open(store));
  const settingsStore = openOnFirstUse(() => SettingsStore.open(store));
  const importPaths = (paths: string[]) =>
    importIntoLibrary(store, paths, { onProgress: host.onImportProgress, parsePool: host.parsePool });

  /** Progress may be read and saved for a removed article too: it keeps its user data until forgotten. */
  const assertStored = (id: string): void => {
    if (!store.getIncludingRemoved(id)) throw new UnknownArticleError(id, store.dataDir);
  };

  return {
    listArticles: async ({ limit }) => {
      const progress = (await progressStore()).all();
      const metas = limit === undefined ? store.list() : store.list().slice(0, limit);
      return metas.map((meta) => toLibraryEntry(meta, progress.get(meta.id)));
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
      return { forgotten: await store.forget(removed) };
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
