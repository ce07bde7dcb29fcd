/**
 * Gazette's main process: Electron wiring only. The window, the security policy, the typed
 * IPC handlers and the first-run import of the bundled seeds; everything else is a plain
 * Node service under src/node, shared with the command line and the tests.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, dialog, shell } from 'electron';
import { EVENT_CHANNELS } from '../core/ipc/channels';
import type { GazetteHandlers } from '../core/ipc/contract';
import { uiLocaleFor, type UiLocale } from '../core/settings';
import { createGazetteServices, type GazetteServices } from '../node/gazette-handlers';
import { ParsePool } from '../node/import/parse-pool';
import { SpeechSynthesizer } from '../node/speech/speech-synthesizer';
import { workerBuilder } from '../node/search';
import { importSeedsOnFirstRun } from '../node/library/first-run';
import { LibraryStore } from '../node/store';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { DropGrants } from './drop-grants';
import { registerIpcHandlers } from './ipc';
import { fileDialogs } from './file-dialogs';
import { installMenu } from './menu';
import { applySecurityPolicy } from './security';
import { mainStrings } from './strings';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
const seedsDir = app.isPackaged ? join(process.resourcesPath, 'seeds') : join(app.getAppPath(), 'seeds');

// GAZETTE_DATA_DIR moves the library, as it does for the command line.
if (process.env['GAZETTE_DATA_DIR']) app.setPath('userData', process.env['GAZETTE_DATA_DIR']);

registerAppScheme();

let mainWindow: BrowserWindow | null = null;
let store: LibraryStore | null = null;
let services: GazetteServices | null = null;
let quitting = false;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 560,
    minHeight: 420,
    show: false,
    title: 'Gazette',
    backgroundColor: '#faf8f3',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // No DevTools in the packaged app (issue 9 §5); development keeps them.
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  const devServer = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
  void window.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  return window;
}

/** The interface language of the menu and dialogs: the reader's choice, else the system's. */
async function localeOf(handlers: GazetteHandlers | null): Promise<UiLocale> {
  const choice = await handlers
    ?.getSettings({})
    .then((settings) => settings.locale)
    .catch(() => 'system' as const); // a damaged settings file: the renderer says so
  return uiLocaleFor(choice ?? 'system', app.getPreferredSystemLanguages());
}

async function start(): Promise<void> {
  applySecurityPolicy();
  serveRenderer(rendererDir);
  try {
    store = await LibraryStore.open(app.getPath('userData'));
  } catch (error) {
    // A locked or damaged library: say so and stop; the files are left as they are.
    dialog.showErrorBox(
      mainStrings(await localeOf(null)).cannotOpenLibrary,
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
    return;
  }
  await importSeedsOnFirstRun(store, seedsDir);
  let handlers: GazetteHandlers | null = null;
  const strings = async () => mainStrings(await localeOf(handlers));
  const dialogs = fileDialogs(() => mainWindow, strings);
  // Paths reach the services from the dialogs above, or as tokens for files dropped on the window.
  const drops = new DropGrants();
  const opened = createGazetteServices({
    store,
    parsePool: new ParsePool(new URL('./parse-worker.js', import.meta.url)),
    choosePaths: dialogs.choosePaths,
    redeemDroppedFiles: (tokens) => drops.redeem(tokens),
    chooseFile: dialogs.chooseFile,
    revealFile: (file) => shell.showItemInFolder(file),
    onImportProgress: (progress) => mainWindow?.webContents.send(EVENT_CHANNELS.importProgress, progress),
    // The search index is loaded (or rebuilt, on a worker thread) at start-up, not at the first search.
    searchBuilder: workerBuilder(new URL('./search-build-worker.js', import.meta.url)),
    startSearchIndex: true,
    // Read-aloud's shipped voice (eSpeak NG) on its own worker thread, started at the first use.
    speech: new SpeechSynthesizer(new URL('./speech-worker.js', import.meta.url)),
    onSearchIndexProgress: (progress) =>
      mainWindow?.webContents.send(EVENT_CHANNELS.searchIndexProgress, progress),
  });
  services = opened;
  handlers = {
    ...opened.handlers,
    // The menu follows a change of interface language at once.
    updateSettings: async (input) => {
      const settings = await opened.handlers.updateSettings(input);
      if (mainWindow) installMenu(mainWindow, await strings());
      return settings;
    },
  };
  registerIpcHandlers(handlers, drops);
  mainWindow = createWindow();
  installMenu(mainWindow, await strings());
  mainWindow.on('closed', () => (mainWindow = null));
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would fight over the library's lock: hand over to the first one.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (store && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  // Writes what is pending (the search index) and releases the library's lock before quitting.
  app.on('will-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    const closing = async (): Promise<void> => {
      await services?.close().catch(() => undefined);
      await store?.close().catch(() => undefined);
    };
    void closing().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
