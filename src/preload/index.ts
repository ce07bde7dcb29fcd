/**
 * The preload: exposes `window.gazette`, named functions generated from the list of methods a
 * window may call (`WINDOW_METHODS`), never the raw ipcRenderer. It runs sandboxed, so it imports
 * only `electron` and the schema-free channel list.
 *
 * It is also the one place a dropped file's path is read (`webUtils.getPathForFile`): the path
 * goes to the main process, which answers with a one-time token; the page only ever holds tokens.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  DROP_GRANT_CHANNEL,
  EVENT_CHANNELS,
  WINDOW_METHODS,
  channelOf,
  unwrapEnvelope,
  type Envelope,
  type MenuCommand,
  type WindowMethodName,
} from '../core/ipc/channels';
import type { GazetteApi } from '../core/ipc/contract';
import type { ImportProgress } from '../core/import-report';
import type { SearchIndexProgress } from '../core/search/model';

const invoke = async (channel: string, input: unknown): Promise<unknown> =>
  unwrapEnvelope((await ipcRenderer.invoke(channel, input)) as Envelope<unknown>);

const methods = Object.fromEntries(
  WINDOW_METHODS.map((method) => [method, (input: unknown) => invoke(channelOf(method), input)]),
);

function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: T): void => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

/**
 * The system paths of dropped files: only a `File` the system gave (a drop, a file input) has
 * one; a `File` a script made gets '' and is left out.
 */
function droppedPaths(files: readonly Blob[]): string[] {
  if (!Array.isArray(files)) return [];
  return files
    .map((file) => (file instanceof File ? webUtils.getPathForFile(file) : ''))
    .filter((path) => path !== '');
}

// The method functions are built from WINDOW_METHODS, which contract.ts checks against
// GazetteApi's keys; the main process validates every payload, so a wrong shape is refused there.
const api: GazetteApi = {
  ...(methods as Pick<GazetteApi, WindowMethodName>),
  onImportProgress: (listener: (progress: ImportProgress) => void) =>
    subscribe(EVENT_CHANNELS.importProgress, listener),
  onMenuCommand: (listener: (command: MenuCommand) => void) =>
    subscribe(EVENT_CHANNELS.menuCommand, listener),
  onSearchIndexProgress: (listener: (progress: SearchIndexProgress) => void) =>
    subscribe(EVENT_CHANNELS.searchIndexProgress, listener),
  dropTokens: async (files: readonly Blob[]) => {
    const paths = droppedPaths(files);
    return paths.length === 0 ? [] : ((await invoke(DROP_GRANT_CHANNEL, paths)) as string[]);
  },
};

contextBridge.exposeInMainWorld('gazette', api);
