/**
 * A parse worker: reads and parses the import files it is sent, off the main thread, and posts
 * each file's outcomes back as soon as they are ready (so the pool can time each file). Started
 * by `ParsePool`; see parse-pool.ts for why.
 */
import { parentPort } from 'node:worker_threads';
import type { ParseMessage, ParseRequest } from './parse-pool';
import { crashed, readImportFileSync } from './read-import-file';

if (!parentPort) throw new Error('parse-worker.ts must run in a worker thread.');
const port = parentPort;
const post = (message: ParseMessage): void => port.postMessage(message);

port.on('message', (request: ParseRequest) => {
  const tick = (): void => post({ kind: 'tick', id: request.id });
  request.files.forEach(({ path, raw }, offset) => {
    let outcomes;
    try {
      // Blocking reads are right here: this thread does nothing else (see readArticleFileSync).
      outcomes = readImportFileSync(path, raw, tick);
    } catch (error) {
      // readImportFileSync never throws for a bad file; this is a bug, reported for the file.
      outcomes = [crashed(path, error instanceof Error ? error.message : String(error))];
    }
    post({ kind: 'file', id: request.id, index: request.start + offset, outcomes });
  });
});
post({ kind: 'ready' });
