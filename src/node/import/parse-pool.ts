/**
 * Reads and parses article files on worker threads, one per core.
 *
 * Parsing an article (decoding, structure, boilerplate, language detection, hashing) costs
 * about 150 µs of CPU, most of the import's time: on one thread a large import cannot keep
 * up with the disk. A pool lets a 2-core machine parse two files at once. Workers start
 * lazily, take ~200 ms to load (mostly the language model), and are unref'd so they never
 * keep a process alive; a pool is worth it for large imports only (see `POOL_MIN_FILES`).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readArticleFile, type FileOutcome } from './read-article-file';

/** Below this many files, parsing in the calling thread is quicker than starting workers. */
export const POOL_MIN_FILES = 200;

/** Files sent to a worker in one message: fewer round trips, still fine-grained. */
const FILES_PER_MESSAGE = 16;

export interface ParseRequest {
  id: number;
  paths: string[];
}
export interface ParseResponse {
  id: number;
  outcomes: FileOutcome[];
}

export class ParsePool {
  readonly #workerUrl: URL;
  readonly #size: number;
  #workers: { worker: Worker | null; busy: number }[] = [];
  readonly #local = { worker: null, busy: 0 };
  readonly #useCallingThread: boolean;
  #pending = new Map<
    number,
    { resolve: (outcomes: FileOutcome[]) => void; reject: (error: Error) => void }
  >();
  #nextId = 0;

  /**
   * @param workerUrl the parse worker's script: the built `parse-worker.js` in the app, or
   *   `parse-worker.ts` from TypeScript sources (see `ParsePool.forSources`).
   */
  constructor(workerUrl: URL, options: { size?: number; useCallingThread?: boolean } = {}) {
    this.#workerUrl = workerUrl;
    this.#useCallingThread = options.useCallingThread ?? false;
    this.#size = options.size ?? Math.max(1, Math.min(availableParallelism(), 4));
  }

  /**
   * A pool running the TypeScript worker from sources (the command line and the benchmarks):
   * tsx registers its loader per thread, so each worker registers it again first.
   */
  static forSources(): ParsePool {
    return new ParsePool(new URL('./parse-worker-from-sources.mjs', import.meta.url));
  }

  /** Parses `paths` (in order) on the least busy worker. */
  parseMany(paths: string[]): Promise<FileOutcome[]> {
    const slot = this.#leastBusy();
    const id = this.#nextId++;
    slot.busy += 1;
    if (!slot.worker) {
      return Promise.all(paths.map((path) => readArticleFile(path))).finally(() => (slot.busy -= 1));
    }
    const worker = slot.worker;
    return new Promise<FileOutcome[]>((resolve, reject) => {
      this.#pending.set(id, {
        resolve: (outcomes) => {
          slot.busy -= 1;
          resolve(outcomes);
        },
        reject,
      });
      const request: ParseRequest = { id, paths };
      worker.postMessage(request);
    });
  }

  /**
   * Parses every path, keeping `inFlight` messages of `FILES_PER_MESSAGE` files under way, and
   * hands each outcome to `onOutcome` in the order of `paths`.
   */
  async parseInOrder(
    paths: string[],
    onOutcome: (outcome: FileOutcome) => Promise<void> | void,
  ): Promise<void> {
    const chunks: string[][] = [];
    for (let start = 0; start < paths.length; start += FILES_PER_MESSAGE) {
      chunks.push(paths.slice(start, start + FILES_PER_MESSAGE));
    }
    const window = this.#size * 4;
    const inFlight: Promise<FileOutcome[]>[] = [];
    let next = 0;
    const launch = (): void => {
      while (inFlight.length < window && next < chunks.length)
        inFlight.push(this.parseMany(chunks[next++] ?? []));
    };
    launch();
    while (inFlight.length > 0) {
      const outcomes = await (inFlight.shift() as Promise<FileOutcome[]>);
      launch();
      for (const outcome of outcomes) await onOutcome(outcome);
    }
  }

  /** Stops the workers; a later call starts new ones. */
  async close(): Promise<void> {
    const workers = this.#workers;
    this.#workers = [];
    await Promise.all(workers.map(({ worker }) => worker?.terminate()));
  }

  #leastBusy(): { worker: Worker | null; busy: number } {
    if (this.#workers.length < this.#size) {
      const worker = new Worker(this.#workerUrl);
      worker.unref();
      worker.on('message', (response: ParseResponse) => {
        const pending = this.#pending.get(response.id);
        this.#pending.delete(response.id);
        pending?.resolve(response.outcomes);
      });
      worker.on('error', (error) => this.#failAll(error));
      const slot = { worker, busy: 0 };
      this.#workers.push(slot);
      return slot;
    }
    const slots = this.#useCallingThread ? [this.#local, ...this.#workers] : this.#workers;
    return slots.reduce((best, slot) => (slot.busy < best.busy ? slot : best));
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
