/**
 * Launches Gazette for an end-to-end spec and returns its page with the library shown.
 *
 * Two targets, chosen by the Playwright project:
 * - `browser`: the real built renderer (out/renderer) in Debian's Chromium. `window.gazette`
 *   is a bridge: each call goes through Playwright to this process, where the contract's own
 *   `dispatch` validates it and runs the real handlers on the real store in `dataDir`. The
 *   bridge carries calls; it never answers for the services. Like the app's preload and main
 *   process, it carries only the methods a window may call (`WINDOW_METHODS`), and files dropped
 *   on the window reach the services as one-time tokens from the app's own `DropGrants`, given
 *   only for the paths a spec dropped (`dropFiles`), as only the system can give a file a path.
 * - `electron`: the real app (out/main) through Playwright's Electron support, skipped with
 *   the reason printed where no Electron binary is installed.
 *
 * Every request the page attempts is recorded; `close()` fails the spec if any would have
 * left the app (Gazette is offline by promise).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  _electron,
  chromium,
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../src/core/content-security-policy';
import { EVENT_CHANNELS, WINDOW_METHODS, isWindowMethod } from '../../src/core/ipc/channels';
import type { Envelope } from '../../src/core/ipc/channels';
import type { GazetteHandlers } from '../../src/core/ipc/contract';
import { dispatch } from '../../src/core/ipc/dispatch';
import { DropGrants, DropRefusedError } from '../../src/main/drop-grants';
import { createGazetteHandlers } from '../../src/node/gazette-handlers';
import { searchWorkerFromSources, workerBuilder } from '../../src/node/search';
import { LibraryStore } from '../../src/node/store';
import { electronBinary } from './electron-binary';

export interface LaunchOptions {
  /** A data folder already holding a library (e.g. made with the command line). */
  dataDir: string;
  /** The system language the app should see, e.g. `fr-FR`. Default `en-GB`. */
  locale?: string;
  colorScheme?: 'light' | 'dark' | 'no-preference';
  viewport?: { width: number; height: number };
  /** What the system file dialog would return when the reader picks files or a folder to import. */
  dialogPaths?: string[] | null;
  /**
   * What the system file dialog would return when the reader chooses where to save an export or a
   * backup, or which backup to restore (`null`: the reader cancels).
   */
  chosenFile?: string | null;
  /** Where to run; by default the current Playwright project's target (benchmarks set it). */
  target?: 'browser' | 'electron';
}

export interface LaunchedApp {
  page: Page;
  /** URLs the page tried to reach outside the app (should stay empty). */
  offsiteRequests: string[];
  /** Changes what the system file dialog returns for exports, backups and restores from now on. */
  setChosenFile(file: string | null): Promise<void>;
  /**
   * Drops these files or folders on the window, as the system does when the reader drags them
   * there: the page gets `File`s and a drop event, and the preload alone can read their paths.
   */
  dropFiles(paths: string[]): Promise<void>;
  /** Closes the app and fails if the page tried to leave the app. */
  close(): Promise<void>;
}

const RENDERER_DIR = resolve('out/renderer');
const CHROMIUM = process.env['GAZETTE_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * Flags for Debian's Chromium: no sandbox as root, and none of the browser's own background
 * traffic (updates, field trials...) so that the offline check sees only the app's requests.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--metrics-recording-only',
  '--no-default-browser-check',
];

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

let sharedBrowser: Promise<Browser> | null = null;

/** What the bridge of one launched app answers with: its main-process side. */
interface BridgeHost {
  handlers: GazetteHandlers;
  /** The app's own one-time tokens for dropped files. */
  drops: DropGrants;
  /** Paths a spec dropped on the window and the preload has not handed over yet. */
  droppedByTheSystem: string[];
}

/** The main-process side of each launched app, by the launch's id in its bridge URL. */
const bridgeHosts = new Map<string, BridgeHost>();
let launches = 0;

/** Reads a request's body as JSON. */
async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * One call over the bridge: `POST /__bridge/<launch>` with `{ method, payload }`, answered by
 * the contract's own `dispatch` on the real handlers, for the methods a window may call only
 * (the app's main process registers no other). JSON over loopback HTTP carries a 20,000-article
 * library in a fraction of the time Playwright's bindings take.
 *
 * `POST /__bridge/<launch>/drop` with `{ paths }` is the preload's drop channel: as in the app,
 * the paths get one-time tokens from `DropGrants`; here, as a page cannot give a file a path,
 * only paths the spec dropped (`dropFiles`) are accepted, each once.
 */
async function answerBridgeCall(
  request: IncomingMessage,
  response: ServerResponse,
  launch: string,
  channel: 'call' | 'drop',
): Promise<void> {
  const host = bridgeHosts.get(launch);
  if (!host) {
    response.writeHead(404).end();
    return;
  }
  const body = (await readJson(request)) as { method?: unknown; payload?: unknown; paths?: unknown };
  let envelope: Envelope<unknown>;
  if (channel === 'drop') {
    envelope = grantDrop(host, body.paths);
  } else if (!isWindowMethod(body.method)) {
    envelope = {
      ok: false,
      error: { code: 'UnknownMethod', message: `No such method for a window: ${String(body.method)}` },
    };
  } else {
    envelope = await dispatch(host.handlers, body.method, body.payload);
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(envelope));
}

/** The drop channel's answer (see `answerBridgeCall`). */
function grantDrop(host: BridgeHost, paths: unknown): Envelope<string[]> {
  try {
    const given = Array.isArray(paths) ? paths : [];
    const dropped = [...host.droppedByTheSystem];
    for (const path of given) {
      const at = dropped.indexOf(path as string);
      if (at === -1) throw new DropRefusedError('Only files dropped on the window have a path.');
      dropped.splice(at, 1);
    }
    const tokens = host.drops.grant(paths);
    host.droppedByTheSystem = dropped;
    return { ok: true, value: tokens };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: { code: name, message } };
  }
}
let sharedServer: Promise<{ server: Server; origin: string }> | null = null;

/** Serves the built renderer on loopback, with the app's own Content-Security-Policy. */
function rendererServer(): Promise<{ server: Server; origin: string }> {
  sharedServer ??= new Promise((resolvePromise, reject) => {
    const root = normalize(RENDERER_DIR + sep);
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const bridge = /^\/__bridge\/(\d+)(\/drop)?$/.exec(path);
      if (bridge && request.method === 'POST') {
        answerBridgeCall(request, response, bridge[1] ?? '', bridge[2] ? 'drop' : 'call').catch(
          (error: unknown) => {
            response.writeHead(500).end(String(error));
          },
        );
        return;
      }
      const file = normalize(join(root, decodeURIComponent(path === '/' ? '/index.html' : path)));
      if (!file.startsWith(root)) {
        response.writeHead(404).end();
        return;
      }
      readFile(file).then(
        (body) => {
          response.writeHead(200, {
            'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
            'content-security-policy': CONTENT_SECURITY_POLICY,
          });
          response.end(body);
        },
        () => response.writeHead(404).end(),
      );
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
  return sharedServer;
}

function browser(): Promise<Browser> {
  sharedBrowser ??= chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return sharedBrowser;
}

/** Runs in the page before its scripts: defines `window.gazette` over the Playwright binding. */
function installBridge({
  methods,
  events,
  endpoint,
}: {
  methods: string[];
  events: Record<string, string>;
  endpoint: string;
}): void {
  type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
  const scope = globalThis as unknown as Record<string | symbol, unknown>;
  const post = async (url: string, body: unknown): Promise<Envelope> => {
    const response = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
    return (await response.json()) as Envelope;
  };
  const call = (method: string, payload: unknown): Promise<Envelope> => post(endpoint, { method, payload });
  const unwrap = (envelope: Envelope): unknown => {
    if (envelope.ok) return envelope.value;
    const error = new Error(envelope.error.message);
    error.name = envelope.error.code;
    throw error;
  };
  // What Electron's webUtils.getPathForFile knows: the paths of the files the system dropped
  // (here, `dropFiles` through the symbol below), kept out of the page's reach in this closure.
  const systemPaths = new WeakMap<Blob, string>();
  scope[Symbol.for('gazette.e2e.systemFiles')] = (paths: string[]): File[] =>
    paths.map((path) => {
      const file = new File([], path.split(/[\\/]/).pop() ?? path);
      systemPaths.set(file, path);
      return file;
    });
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const subscribe = (channel: string, listener: (payload: unknown) => void): (() => void) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  };
  const api: Record<string, unknown> = {
    onImportProgress: (listener: (payload: unknown) => void) =>
      subscribe(events['importProgress'] ?? '', listener),
    onMenuCommand: (listener: (payload: unknown) => void) => subscribe(events['menuCommand'] ?? '', listener),
    onSearchIndexProgress: (listener: (payload: unknown) => void) =>
      subscribe(events['searchIndexProgress'] ?? '', listener),
    // As the preload: the paths of the dropped files go to the main side, tokens come back.
    dropTokens: async (files: readonly Blob[]) => {
      const paths = (Array.isArray(files) ? files : [])
        .map((file) => systemPaths.get(file) ?? '')
        .filter((path) => path !== '');
      return paths.length === 0 ? [] : unwrap(await post(`${endpoint}/drop`, { paths }));
    },
  };
  for (const method of methods) {
    api[method] = async (input: unknown) => unwrap(await call(method, input));
  }
  scope['__gazetteEmit'] = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
  Object.defineProperty(globalThis, 'gazette', { value: Object.freeze(api), enumerable: true });
}

function targetOfCurrentTest(): 'browser' | 'electron' {
  return test.info().project.metadata['target'] === 'electron' ? 'electron' : 'browser';
}

function watchRequests(page: Page, isAppUrl: (url: string) => boolean): string[] {
  const offsite: string[] = [];
  page.on('request', (request) => {
    if (!isAppUrl(request.url())) offsite.push(request.url());
  });
  return offsite;
}

/** Uncaught exceptions in the page: a spec that provokes one fails, even if its assertions pass. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    errors.push(error.message);
    console.error(`[page error] ${error.stack ?? error.message}`);
  });
  return errors;
}

async function showLibrary(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: /library|bibliothèque/i })).toBeVisible();
}

async function launchInBrowser(options: LaunchOptions): Promise<LaunchedApp> {
  const [{ origin }, chromiumBrowser] = await Promise.all([rendererServer(), browser()]);
  const context: BrowserContext = await chromiumBrowser.newContext({
    locale: options.locale ?? 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1200, height: 820 },
  });
  const store = await LibraryStore.open(options.dataDir);
  let chosenFile = options.chosenFile ?? null;
  let page: Page | null = null;
  const emit = (channel: string, payload: unknown): void => {
    page
      ?.evaluate(
        ([name, data]) => {
          const emitter = (globalThis as unknown as Record<string, (c: unknown, p: unknown) => void>)[
            '__gazetteEmit'
          ];
          emitter?.(name, data);
        },
        [channel, payload] as const,
      )
      // A service may still report progress (a search index built on a worker) after the spec
      // closed its page, as the app's services may after its window closed: nobody is listening.
      .catch((error: unknown) => {
        if (!page?.isClosed()) throw error;
      });
  };
  const drops = new DropGrants();
  const handlers = createGazetteHandlers({
    store,
    choosePaths: async () => options.dialogPaths ?? null,
    redeemDroppedFiles: (tokens) => drops.redeem(tokens),
    chooseFile: async () => chosenFile,
    onImportProgress: (progress) => emit(EVENT_CHANNELS.importProgress, progress),
    onSearchIndexProgress: (progress) => emit(EVENT_CHANNELS.searchIndexProgress, progress),
    // As in the app, a missing index is built on a worker thread, so the bridge keeps answering.
    // (It opens at the first search rather than at launch, which keeps benchmarks of other screens quiet.)
    searchBuilder: workerBuilder(searchWorkerFromSources()),
  });
  const launch = String((launches += 1));
  const bridgeHost: BridgeHost = { handlers, drops, droppedByTheSystem: [] };
  bridgeHosts.set(launch, bridgeHost);
  // tsx (which runs the benchmarks) compiles functions with esbuild's keepNames, whose
  // `__name` helper then travels inside functions sent to the page; give the page a no-op one.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  await context.addInitScript(installBridge, {
    methods: [...WINDOW_METHODS],
    events: { ...EVENT_CHANNELS },
    endpoint: `${origin}/__bridge/${launch}`,
  });
  // Anything that is not the app's own server is refused, as the app's session does.
  const isAppUrl = (url: string): boolean => url.startsWith(`${origin}/`) || /^(data|blob):/.test(url);
  await context.route(
    (url) => !isAppUrl(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  page = await context.newPage();
  const offsiteRequests = watchRequests(page, isAppUrl);
  const pageErrors = watchErrors(page);
  await page.goto(`${origin}/index.html`);
  await showLibrary(page);
  return {
    page,
    offsiteRequests,
    async setChosenFile(file) {
      chosenFile = file;
    },
    async dropFiles(paths) {
      const absolute = paths.map((path) => resolve(path));
      bridgeHost.droppedByTheSystem.push(...absolute);
      await page?.evaluate((dropped) => {
        const systemFiles = (globalThis as unknown as Record<symbol, (paths: string[]) => File[]>)[
          Symbol.for('gazette.e2e.systemFiles')
        ];
        dispatchDrop(systemFiles?.(dropped) ?? []);
        function dispatchDrop(files: File[]): void {
          const data = new DataTransfer();
          for (const file of files) data.items.add(file);
          for (const type of ['dragenter', 'dragover', 'drop']) {
            document.body.dispatchEvent(
              new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
            );
          }
        }
      }, absolute);
    },
    async close() {
      await context.close();
      bridgeHosts.delete(launch);
      await store.close();
      expect(offsiteRequests, 'requests that tried to leave the app').toEqual([]);
      expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    },
  };
}

async function launchInElectron(options: LaunchOptions): Promise<LaunchedApp> {
  const binary = electronBinary();
  if (!binary.path) {
    test.skip(true, binary.reason);
    throw new Error(binary.reason);
  }
  const app = await _electron.launch({
    executablePath: binary.path ?? undefined,
    args: [resolve('out/main/index.js'), `--lang=${options.locale ?? 'en-GB'}`],
    env: { ...process.env, GAZETTE_DATA_DIR: options.dataDir } as Record<string, string>,
  });
  // Only the system dialogs are replaced: what the reader would pick goes into the real app's code.
  const answerDialogs = (file: string | null) =>
    app.evaluate(
      ({ dialog }, answers) => {
        const picked = (paths: string[] | null) => ({ canceled: paths === null, filePaths: paths ?? [] });
        dialog.showOpenDialog = (async (...args: unknown[]) => {
          const options = args.at(-1) as { properties?: string[] };
          // Imports allow several files or folders; a restore or an export folder is one path.
          if (options.properties?.includes('multiSelections')) return picked(answers.importPaths);
          return picked(answers.file === null ? null : [answers.file]);
        }) as typeof dialog.showOpenDialog;
        dialog.showSaveDialog = (async () => ({
          canceled: answers.file === null,
          filePath: answers.file ?? '',
        })) as typeof dialog.showSaveDialog;
      },
      { importPaths: options.dialogPaths ?? null, file },
    );
  await answerDialogs(options.chosenFile ?? null);
  const page = await app.firstWindow();
  if (options.viewport) await page.setViewportSize(options.viewport);
  await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
  const offsiteRequests = watchRequests(page, (url) => /^(gazette|data|blob|devtools):/.test(url));
  const pageErrors = watchErrors(page);
  await showLibrary(page);
  return {
    page,
    offsiteRequests,
    setChosenFile: answerDialogs,
    async dropFiles(paths) {
      // Files from a file input are the system's, with their paths (as a drop's are): the real
      // preload reads them with webUtils. (Files only: an input cannot hold a folder.)
      const input = await page.evaluateHandle(() => {
        const element = document.createElement('input');
        element.type = 'file';
        element.multiple = true;
        element.hidden = true;
        document.body.append(element);
        return element;
      });
      await input.setInputFiles(paths.map((path) => resolve(path)));
      await input.evaluate((element) => {
        const data = new DataTransfer();
        for (const file of element.files ?? []) data.items.add(file);
        element.remove();
        for (const type of ['dragenter', 'dragover', 'drop']) {
          document.body.dispatchEvent(
            new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
          );
        }
      });
    },
    async close() {
      await app.close();
      expect(offsiteRequests, 'requests that tried to leave the app').toEqual([]);
      expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    },
  };
}

/** Closes the Chromium and the file server that launches share (for scripts outside Playwright Test). */
export async function closeSharedBrowser(): Promise<void> {
  const [browserInstance, server] = await Promise.all([sharedBrowser, sharedServer]);
  await browserInstance?.close();
  server?.server.close();
  sharedBrowser = null;
  sharedServer = null;
}

/** Launches the app on `options.dataDir` (see `LaunchOptions.target`). */
export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  const target = options.target ?? targetOfCurrentTest();
  return target === 'electron' ? launchInElectron(options) : launchInBrowser(options);
}
