/**
 * A parse worker: reads and parses the import files it is sent, off the main thread, and posts
 * each file's outcomes back as soon as they are ready (so the pool can time each file). Started
 * by `ParsePool`; see parse-pool.ts for why.
 */
import { parentPort } from 'node:worker_threads';
import type { ParseMessage, ParseRequest } from './parse-pool';
import type { FileOutcome } from './outcome';
import { crashed, readImportFile } from './read-import-file';

if (!parentPort) throw new Error('parse-worker.ts must run in a worker thread.');
const port = parentPort;
const post = (message: ParseMessage): void => port.postMessage(message);

/** Requests are read one after the other, in order: a zip's reading is asynchronous. */
let queue: Promise<void> = Promise.resolve();

async function handle(request: ParseRequest): Promise<void> {
  const tick = (): void => post({ kind: 'tick', id: request.id });
  for (const [offset, { path, raw }] of request.files.entries()) {
    let outcomes: FileOutcome[];
    try {
      // Blocking reads are right here: this thread does nothing else (see readArticleFileSync).
      outcomes = await readImportFile(path, raw, tick);
    } catch (error) {
      // readImportFile never throws for a bad file; this is a bug, reported for the file.
      outcomes = [crashed(path, error instanceof Error ? error.message : String(error))];
    }
    post({ kind: 'file', id: request.id, index: request.start + offset, outcomes });
  }
}

port.on('message', (request: ParseRequest) => {
  queue = queue.then(() => handle(request));
});
post({ kind: 'ready' });
