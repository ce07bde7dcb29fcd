/**
 * The preload: exposes `window.gazette`, named functions generated from the contract's method
 * list, never the raw ipcRenderer. It runs sandboxed, so it imports only `electron` and the
 * schema-free channel list.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  EVENT_CHANNELS,
  GAZETTE_METHODS,
  channelOf,
  unwrapEnvelope,
  type Envelope,
  type MenuCommand,
} from '../core/ipc/channels';
import type { GazetteApi, GazetteMethod } from '../core/ipc/contract';
import type { ImportProgress } from '../core/import-report';
import type { SearchIndexProgress } from '../core/search/model';

const invoke = async (method: (typeof GAZETTE_METHODS)[number], input: unknown): Promise<unknown> =>
  unwrapEnvelope((await ipcRenderer.invoke(channelOf(method), input)) as Envelope<unknown>);

const methods = Object.fromEntries(
  GAZETTE_METHODS.map((method) => [method, (input: unknown) => invoke(method, input)]),
);

function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: T): void => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

// The method functions are built from GAZETTE_METHODS, which contract.ts checks against
// GazetteApi's keys; the main process validates every payload, so a wrong shape is refused there.
const api: GazetteApi = {
  ...(methods as Pick<GazetteApi, GazetteMethod>),
  onImportProgress: (listener: (progress: ImportProgress) => void) =>
    subscribe(EVENT_CHANNELS.importProgress, listener),
  onMenuCommand: (listener: (command: MenuCommand) => void) =>
    subscribe(EVENT_CHANNELS.menuCommand, listener),
  onSearchIndexProgress: (listener: (progress: SearchIndexProgress) => void) =>
    subscribe(EVENT_CHANNELS.searchIndexProgress, listener),
  // Since Electron 32 a dropped File no longer carries its path; webUtils gives it, here only.
  pathForFile: (file: Blob) => (file instanceof File ? webUtils.getPathForFile(file) : ''),
};

contextBridge.exposeInMainWorld('gazette', api);
