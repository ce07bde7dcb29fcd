/**
 * Reads and parses import files on worker threads, never on the calling thread.
 *
 * Parsing is the import's CPU work, and a pathological file can make it slow: on the calling
 * thread (the Electron main process, or the command line) a slow file would freeze the window,
 * stop the library lock's refresh and make the command line deaf to Ctrl-C. So every file, in
 * imports of any size, is parsed in a worker, under a time budget per file (or per record of a
 * multi-record file): past it the worker is terminated and replaced, the file is reported as
 * "took too long to read", and the rest of the import goes on. A worker that dies (out of
 * memory, a crash) is replaced the same way, and the file that killed it reported.
 *
 * Workers start lazily, take ~200 ms to load (mostly the language model), and are held by the
 * process only while they have work: an idle pool never keeps a process alive.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileOutcome } from './outcome';
import { crashed, tooSlow } from './read-import-file';

/** Files sent to a worker in one message: fewer round trips, still fine-grained. */
const FILES_PER_MESSAGE = 16;

/**
 * Time a worker may spend on one file (or one record of a multi-record file) before it is
 * replaced: 5 s. Any file within the size limits parses in well under a second (the goal of
 * issue 9); five times that leaves room for a machine busy with other work.
 */
export const DEFAULT_TIME_BUDGET_MS = 5_000;

/** One file to read: its path, and its real bytes when its name is not valid UTF-8. */
export interface ImportFile {
  path: string;
  raw?: Uint8Array;
}

/** Sent to a worker: read `files`, which are the job's files from index `start` on. */
export interface ParseRequest {
  id: number;
  start: number;
  files: ImportFile[];
}

/** Sent by a worker: loaded; one file done (its index in the job); a record of a long file done. */
export type ParseMessage =
  | { kind: 'ready' }
  | { kind: 'file'; id: number; index: number; outcomes: FileOutcome[] }
  | { kind: 'tick'; id: number };

interface Job {
  id: number;
  files: ImportFile[];
  /** Outcomes per file, in order; its length is the index of the file being read. */
  results: FileOutcome[][];
  resolve: (outcomes: FileOutcome[][]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Jobs sent to this worker, in the order it reads them: the first is under way. */
  jobs: Job[];
  timer: NodeJS.Timeout | null;
}

export interface ParsePoolOptions {
  /** Worker threads; defaults to the cores available, at most 4. */
  size?: number;
  /** See `DEFAULT_TIME_BUDGET_MS`. Tests pass a tiny one to see a file go over it. */
  timeBudgetMs?: number;
}

export class ParsePool {
  readonly #workerUrl: URL;
  readonly #size: number;
  readonly #budgetMs: number;
  #slots: Slot[] = [];
  #nextId = 0;

  /**
   * @param workerUrl the parse worker's script: the built `parse-worker.js` in the app, or
   *   `parse-worker.ts` from TypeScript sources (see `ParsePool.forSources`).
   */
  constructor(workerUrl: URL, options: ParsePoolOptions = {}) {
    this.#workerUrl = workerUrl;
    this.#size = options.size ?? Math.max(1, Math.min(availableParallelism(), 4));
    this.#budgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  }

  /**
   * A pool running the TypeScript worker from sources (the command line, tests and benchmarks):
   * tsx registers its loader per thread, so each worker registers it again first.
   */
  static forSources(options: ParsePoolOptions = {}): ParsePool {
    return new ParsePool(new URL('./parse-worker-from-sources.mjs', import.meta.url), options);
  }

  /** Reads `files` (in order) on the least busy worker; every outcome of every file, in order. */
  async parseMany(files: readonly (string | ImportFile)[]): Promise<FileOutcome[]> {
    return (await this.#parseChunk(files)).flat();
  }

  /** Reads `files` (in order) on the least busy worker; the outcomes of each file. */
  #parseChunk(files: readonly (string | ImportFile)[]): Promise<FileOutcome[][]> {
    const slot = this.#leastBusy();
    return new Promise<FileOutcome[][]>((resolve, reject) => {
      const job: Job = {
        id: this.#nextId++,
        files: files.map((file) => (typeof file === 'string' ? { path: file } : file)),
        results: [],
        resolve,
        reject,
      };
      if (job.files.length === 0) return resolve([]);
      slot.jobs.push(job);
      slot.worker.ref();
      this.#send(slot, job);
      if (slot.jobs.length === 1) this.#arm(slot);
    });
  }

  /**
   * Reads every file, keeping `4 × size` messages of `FILES_PER_MESSAGE` files under way, and
   * hands each outcome to `onOutcome` in the order of `files`, then calls `onFileDone` once per
   * file (a file may give many outcomes, or a JSON Lines file thousands).
   */
  async parseInOrder(
    files: readonly (string | ImportFile)[],
    onOutcome: (outcome: FileOutcome) => Promise<void> | void,
    onFileDone: () => Promise<void> | void = () => {},
  ): Promise<void> {
    const chunks: (string | ImportFile)[][] = [];
    for (let start = 0; start < files.length; start += FILES_PER_MESSAGE) {
      chunks.push(files.slice(start, start + FILES_PER_MESSAGE));
    }
    const window = this.#size * 4;
    const inFlight: Promise<FileOutcome[][]>[] = [];
    let next = 0;
    const launch = (): void => {
      while (inFlight.length < window && next < chunks.length) {
        const chunk = this.#parseChunk(chunks[next++] ?? []);
        // Handled in order below; a rejection is not "unhandled" meanwhile.
        chunk.catch(() => {});
        inFlight.push(chunk);
      }
    };
    launch();
    while (inFlight.length > 0) {
      const perFile = await (inFlight.shift() as Promise<FileOutcome[][]>);
      launch();
      for (const outcomes of perFile) {
        for (const outcome of outcomes) await onOutcome(outcome);
        await onFileDone();
      }
    }
  }

  /** Stops the workers, failing any work under way; a later call starts new ones. */
  async close(): Promise<void> {
    const slots = this.#slots;
    this.#slots = [];
    for (const slot of slots) {
      if (slot.timer) clearTimeout(slot.timer);
      for (const job of slot.jobs) job.reject(new Error('the import was stopped'));
      slot.jobs = [];
    }
    await Promise.all(slots.map(({ worker }) => worker.terminate()));
  }

  #leastBusy(): Slot {
    if (this.#slots.length < this.#size) {
      const slot: Slot = { worker: null as unknown as Worker, ready: false, jobs: [], timer: null };
      this.#start(slot);
      this.#slots.push(slot);
      return slot;
    }
    const load = (slot: Slot): number =>
      slot.jobs.reduce((sum, job) => sum + job.files.length - job.results.length, 0);
    return this.#slots.reduce((best, slot) => (load(slot) < load(best) ? slot : best));
  }

  /** Starts (or restarts) the slot's worker. */
  #start(slot: Slot): void {
    const worker = new Worker(this.#workerUrl);
    slot.worker = worker;
    slot.ready = false;
    if (slot.jobs.length === 0) worker.unref();
    // Events of a worker that was replaced are ignored: its jobs moved on.
    const current = (): boolean => slot.worker === worker && this.#slots.includes(slot);
    worker.on('message', (message: ParseMessage) => {
      if (current()) this.#receive(slot, message);
    });
    worker.on('error', (error) => {
      if (current()) this.#lost(slot, error.message);
    });
    worker.on('exit', (code) => {
      if (current()) this.#lost(slot, `the reader stopped with code ${code}`);
    });
  }

  #send(slot: Slot, job: Job): void {
    const start = job.results.length;
    const request: ParseRequest = { id: job.id, start, files: job.files.slice(start) };
    slot.worker.postMessage(request);
  }

  #receive(slot: Slot, message: ParseMessage): void {
    if (message.kind === 'ready') {
      slot.ready = true;
      this.#arm(slot);
      return;
    }
    const job = slot.jobs[0];
    if (!job || job.id !== message.id) return;
    if (message.kind === 'file' && message.index === job.results.length) {
      job.results.push(message.outcomes);
      if (job.results.length === job.files.length) this.#finish(slot);
    }
    this.#arm(slot);
  }

  /** The slot's first job is done: hand over its outcomes, and let the worker go idle if it is. */
  #finish(slot: Slot): void {
    const job = slot.jobs.shift();
    job?.resolve(job.results);
    if (slot.jobs.length === 0) slot.worker.unref();
  }

  /** (Re)starts the budget of the file under way, once the worker has loaded. */
  #arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (!slot.ready || slot.jobs.length === 0) return;
    slot.timer = setTimeout(() => {
      const path = slot.jobs[0]?.files[slot.jobs[0].results.length]?.path ?? '';
      this.#replace(slot, tooSlow(path, this.#budgetMs / 1000));
    }, this.#budgetMs);
    // The worker holds the process while it works; the timer need not.
    slot.timer.unref();
  }

  /** The worker died: report the file it was on, or fail the jobs if it never loaded. */
  #lost(slot: Slot, detail: string): void {
    if (!slot.ready) {
      const error = new Error(`the import's reader thread could not start: ${detail}`);
      if (slot.timer) clearTimeout(slot.timer);
      for (const job of slot.jobs) job.reject(error);
      slot.jobs = [];
      this.#slots = this.#slots.filter((other) => other !== slot);
      void slot.worker.terminate();
      return;
    }
    const path = slot.jobs[0]?.files[slot.jobs[0].results.length]?.path ?? '';
    this.#replace(slot, crashed(path, detail));
  }

  /**
   * Ends the slot's worker, records `outcome` for the file it was on, and sends what is left of
   * its jobs to a new worker.
   */
  #replace(slot: Slot, outcome: FileOutcome): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    void slot.worker.terminate();
    const job = slot.jobs[0];
    if (!job) return;
    job.results.push([outcome]);
    if (job.results.length === job.files.length) this.#finish(slot);
    this.#start(slot);
    if (slot.jobs.length > 0) slot.worker.ref();
    for (const waiting of slot.jobs) this.#send(slot, waiting);
  }
}

let shared: ParsePool | null = null;

/**
 * The pool of imports that are not given one (the command line, tests): one per process,
 * started on first use from the TypeScript sources. The app passes its own built pool.
 */
export function sharedParsePool(): ParsePool {
  shared ??= ParsePool.forSources();
  return shared;
}
