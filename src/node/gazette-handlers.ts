/**
 * The handlers behind every method of the IPC contract: a table from each contract method to the
 * use-case of the application layer (src/node/app) that answers it, with no logic of its own. The
 * Electron main process registers them on ipcMain; the end-to-end test bridge calls the very same
 * functions, so the browser tests exercise the app's real services.
 */
import type { GazetteHandlers } from '../core/ipc/contract';
import type { ImportProgress } from '../core/import-report';
import { GazetteApp, type GazetteAppOptions } from './app';
import { createReviewHandlers } from './review/review-handlers';
import { createSpeechServices } from './speech/speech-handlers';
import type { SpeechSynthesizer } from './speech/speech-synthesizer';
import type { LibraryStore } from './store';

export interface HandlerHost extends GazetteAppOptions {
  store: LibraryStore;
  /** Asks the reader for files or a folder (a system dialog in the app); `null` if cancelled. */
  choosePaths: (pick: 'files' | 'folder') => Promise<string[] | null>;
  onImportProgress: (progress: ImportProgress) => void;
  /**
   * The paths of files dropped on the window, from the one-time tokens the host gave for them
   * (`DropGrants` in the app); throws if a token is unknown. Without it, drops are refused.
   */
  redeemDroppedFiles?: (tokens: string[]) => string[];
  /** Shows a file in the system's file manager (the app's `shell.showItemInFolder`); absent in tests. */
  revealFile?: (file: string) => void;
  /** The shipped voice on its built worker (the app); from sources under tsx by default. */
  speech?: SpeechSynthesizer;
}

/** The handlers over `host.store` (see `GazetteApp` for how damaged files are reported). */
export function createGazetteHandlers(host: HandlerHost): GazetteHandlers {
  return createGazetteServices(host).handlers;
}

/** The handlers, and `close`, which writes what is pending (the search index) before the app quits. */
export interface GazetteServices {
  handlers: GazetteHandlers;
  app: GazetteApp;
  close(): Promise<void>;
}

/** The app over `host.store` (which the host keeps and closes) and its handler table. */
export function createGazetteServices(host: HandlerHost): GazetteServices {
  const { store, redeemDroppedFiles, revealFile, speech: synthesizer, ...options } = host;
  const app = new GazetteApp(store, options);
  const speech = createSpeechServices(synthesizer);
  const handlers: GazetteHandlers = {
    ...gazetteHandlers(app, { redeemDroppedFiles, revealFile }),
    ...speech.handlers,
    ...createReviewHandlers({ store, annotations: () => app.annotationStore(), tags: () => app.tagStore() }),
  };
  return {
    handlers,
    app,
    async close() {
      await speech.close();
      await app.close();
    },
  };
}

/** The methods answered by the speech and review services built beside the app. */
type SpeechAndReviewMethod =
  | 'prepareSpeech'
  | 'synthesizeSentence'
  | 'reviewSession'
  | 'gradeReview'
  | 'retireReview'
  | 'setReviewFrequency';

/** Each contract method, answered by its use-case; inputs arrive validated by `dispatch`. */
export function gazetteHandlers(
  app: GazetteApp,
  { redeemDroppedFiles, revealFile }: Pick<HandlerHost, 'redeemDroppedFiles' | 'revealFile'> = {},
): Omit<GazetteHandlers, SpeechAndReviewMethod> {
  return {
    listArticles: ({ limit, ...filters }) => app.list(filters, limit),
    getArticle: ({ id }) => app.article(id),
    setBlockCleaning: ({ id, text, choice }) => app.setBlockCleaning(id, text, choice),
    recleanArticles: ({ id }) => app.reclean(id),
    importPaths: ({ paths }) => app.importPaths(paths),
    importDropped: async ({ tokens }) => {
      if (!redeemDroppedFiles) throw new Error('Files dropped on the window are not accepted here.');
      return app.importPaths(redeemDroppedFiles(tokens));
    },
    chooseAndImport: ({ pick }) => app.chooseAndImport(pick),
    getSettings: () => app.settings(),
    updateSettings: ({ patch }) => app.updateSettings(patch),
    resetSettings: () => app.resetSettings(),
    revealSettingsFile: async () => {
      const file = app.settingsFile();
      if (!revealFile) return { shown: false, file };
      revealFile(file);
      return { shown: true, file };
    },
    libraryStatus: () => app.libraryStatus(),
    getProgress: ({ id }) => app.progress(id),
    saveProgress: ({ id, position }) => app.saveProgress(id, position),
    setFinished: ({ id, finished }) => app.setFinished(id, finished),
    removeArticles: async ({ ids }) => ({ removed: await app.remove(ids) }),
    restoreArticles: async ({ ids }) => ({ restored: await app.restore(ids) }),
    forgetArticles: async ({ ids }) => ({ forgotten: await app.forget(ids) }),
    listAnnotations: ({ id }) => app.annotations(id),
    addHighlight: ({ id, start, end, color, note }) => app.addHighlight(id, { start, end, color, note }),
    updateHighlight: ({ id, highlightId, color, note }) =>
      app.updateHighlight(id, highlightId, { color, note }),
    deleteHighlight: ({ id, highlightId }) => app.deleteHighlight(id, highlightId),
    restoreHighlight: ({ id, highlight }) => app.restoreHighlight(id, highlight),
    addNote: ({ id, text }) => app.addNote(id, text),
    updateNote: ({ id, noteId, text }) => app.updateNote(id, noteId, text),
    deleteNote: ({ id, noteId }) => app.deleteNote(id, noteId),
    restoreNote: ({ id, note }) => app.restoreNote(id, note),
    listNotebook: (filter) => app.notebook(filter),
    exportArticle: ({ id, format }) => app.exportArticle(id, format),
    exportLibrary: ({ format }) => app.exportLibrary(format),
    saveExport: ({ id, format }) => app.saveExport(id, format),
    backupLibrary: () => app.backupToChosenFile(),
    restoreLibrary: () => app.restoreFromChosenFile(),
    search: ({ query, limit, ...filters }) => app.search(query, filters, limit),
    searchQuery: ({ query, limit, offset }) => app.searchQuery(query, limit, offset),
    queryIds: ({ query }) => app.queryIds(query),
    relatedArticles: ({ id }) => app.relatedArticles(id),
    setTags: async ({ id, add, remove }) => ({ id, tags: await app.setTags(id, add ?? [], remove ?? []) }),
    renameTag: async ({ from, to }) => ({ changed: await app.renameTag(from, to) }),
    deleteTag: async ({ tag }) => ({ changed: await app.deleteTag(tag) }),
    listTags: () => app.listTags(),
    listViews: () => app.views(),
    saveView: (view) => app.saveView(view),
    deleteView: ({ name }) => app.deleteView(name),
  };
}
