/**
 * Runs `buildSearchSnapshot` on a worker thread: the index is built off the main process's
 * thread, which only receives progress and, at the end, the snapshot's text.
 */
import { Worker } from 'node:worker_threads';
import type { BuildProgress } from './build-search-index';

export type BuildWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; text: string }
  | { type: 'error'; message: string };

/** Builds the snapshot text of `dataDir` with what a `SearchIndex` calls a builder. */
export type SnapshotBuilder = (dataDir: string, onProgress: BuildProgress) => Promise<string>;

/**
 * A builder running the worker at `workerUrl`: the built `search-build-worker.js` in the app, or
 * `searchWorkerFromSources()` under tsx.
 */
export function workerBuilder(workerUrl: URL): SnapshotBuilder {
  return (dataDir, onProgress) =>
    new Promise<string>((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData: { dataDir } });
      let settled = false;
      const settle = (action: () => void): void => {
        if (settled) return;
        settled = true;
        action();
        void worker.terminate();
      };
      worker.on('message', (message: BuildWorkerMessage) => {
        if (message.type === 'progress') onProgress(message.done, message.total);
        else if (message.type === 'done') settle(() => resolve(message.text));
        else settle(() => reject(new Error(`The search index could not be built: ${message.message}`)));
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) =>
        settle(() => reject(new Error(`The search index builder stopped (exit code ${code}).`))),
      );
    });
}

/** The worker script from TypeScript sources (tsx registers its loader in the thread first). */
export function searchWorkerFromSources(): URL {
  return new URL('./search-build-worker-from-sources.mjs', import.meta.url);
}
