/**
 * The search index builder's thread: builds the snapshot of the data folder it is given
 * (build-search-index.ts), posting progress as it goes, then the snapshot's text. Started by
 * `buildInWorker`; the main process stays free while 20,000 articles are indexed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchSnapshot } from './build-search-index';
import type { BuildWorkerMessage } from './build-in-worker';

if (!parentPort) throw new Error('search-build-worker.ts must run in a worker thread.');
const port = parentPort;
const { dataDir } = workerData as { dataDir: string };

buildSearchSnapshot(dataDir, (done, total) => {
  port.postMessage({ type: 'progress', done, total } satisfies BuildWorkerMessage);
}).then(
  (text) => port.postMessage({ type: 'done', text } satisfies BuildWorkerMessage),
  (error: unknown) =>
    port.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    } satisfies BuildWorkerMessage),
);
