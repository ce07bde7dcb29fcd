/**
 * A parse worker: reads and parses the article files it is sent, off the main thread, and
 * posts each outcome back. Started by `ParsePool`; see parse-pool.ts for why.
 */
import { parentPort } from 'node:worker_threads';
import { readArticleFileSync } from './read-article-file';
import type { ParseRequest, ParseResponse } from './parse-pool';

if (!parentPort) throw new Error('parse-worker.ts must run in a worker thread.');
const port = parentPort;

port.on('message', (request: ParseRequest) => {
  // Blocking reads are right here: this thread does nothing else (see readArticleFileSync).
  const response: ParseResponse = {
    id: request.id,
    outcomes: request.paths.map((path) => readArticleFileSync(path)),
  };
  port.postMessage(response);
});
