import path from 'node:path';
import { Low } from 'lowdb';
import lockfile from 'proper-lockfile';
import type { z } from 'zod';
import type { Article, ArticleBody, ArticleMeta } from '../../core/article';
import { BODIES_DIR, highestPackOnDisk, readPackedBody, writePack } from './body-packs';
import { describeIssues, DurableJsonFile, ensureDir, removeTempFiles } from './durable-json-file';
import { StoreCorruptError, StoreLockedError, StoreReadOnlyError, UnknownArticleError } from './errors';
import { articleMetaSchema, LIBRARY_SCHEMA_VERSION, libraryFileSchema, packedBodySchema } from './schemas';
import type { LibraryFile, PackedBody, StoredArticle } from './schemas';
import { openUserFile, USER_DIR } from './user-file';

/** The library index: metadata and body locators of every article. */
export const LIBRARY_FILE = 'library.json';
/** The lock (a folder, as proper-lockfile makes it) held by the one process that may write. */
export const LOCK_FILE = 'gazette.lock';

/*
 * The lock's owner touches it every LOCK_UPDATE_MS; one untouched for LOCK_STALE_MS is taken to be
 * left by a crashed process and taken over. 20 s keeps a busy event loop (a long import, a laptop
 * waking up) well clear of the threshold while a crash costs the next start only a short wait.
 */
export const LOCK_STALE_MS = 20_000;
const LOCK_UPDATE_MS = 5_000;

/** A batch of imported articles to store: full articles, metadata and body. */
export interface StoreChanges {
  /** Articles not in the library yet. */
  added: Article[];
  /**
   * Articles already stored (same id), with their new text. A removed article given here is back
   * in the library: its whole record is replaced, removal mark included.
   */
  updated: Article[];
}

/** An article's metadata as the store knows it, with `removedAt` if the reader removed it. */
export type StoredArticleMeta = ArticleMeta & { removedAt?: string };

/** A removed article: still stored (record, body, user data) until it is forgotten. */
export type RemovedArticleMeta = ArticleMeta & { removedAt: string };

export interface OpenOptions {
  /**
   * Take no lock and refuse every write (`StoreReadOnlyError`): for `gazette list`/`show` while the
   * app runs. Safe because library.json is only ever replaced by an atomic rename and packs never
   * change, so a reader sees one consistent version; it does not see later commits.
   */
  readOnly?: boolean;
}

/** Orders the library list: latest import first, then by title, then by id. */
const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The article library in a data folder: `library.json` (metadata of every article, read once at
 * open and held in memory) and `bodies/` (article bodies in immutable pack files, read on demand).
 * See README.md for the layout. Only one process at a time may open it for writing.
 */
export class LibraryStore {
  /** The absolute data folder. */
  readonly dataDir: string;
  readonly readOnly: boolean;
  readonly #db: Low<LibraryFile>;
  /** Stored records by id; the maps below are derived from it. */
  readonly #records = new Map<string, StoredArticle>();
  /** Frozen metadata without the body locator (with `removedAt` if removed), as handed out. */
  readonly #metas = new Map<string, StoredArticleMeta>();
  readonly #bySource = new Map<string, string>();
  /** Several sources can hold the same text; the first stored comes first. */
  readonly #byFingerprint = new Map<string, string[]>();
  #sorted: ArticleMeta[] | undefined;
  #nextPack = 1;
  #bodiesDirReady = false;
  #release: (() => Promise<void>) | undefined;
  #lockLost: Error | undefined;
  #closing: Promise<void> | undefined;
  /** Commits run one after another: each one's checks depend on the ones before. */
  #queue: Promise<void> = Promise.resolve();

  private constructor(dataDir: string, readOnly: boolean) {
    this.dataDir = dataDir;
    this.readOnly = readOnly;
    const adapter = new DurableJsonFile<LibraryFile>(path.join(dataDir, LIBRARY_FILE), {
      schema: libraryFileSchema,
      schemaVersion: LIBRARY_SCHEMA_VERSION,
      label: 'library file',
      readOnly,
      // commit() checks each changed article itself; checking all 20,000 on every write is waste.
      validateOnWrite: false,
    });
    this.#db = new Low<LibraryFile>(adapter, { schemaVersion: LIBRARY_SCHEMA_VERSION, articles: {} });
  }

  /**
   * Opens the library in `dataDir` (created if missing, unless read-only), taking its lock.
   *
   * @throws StoreLockedError if another process holds the lock;
   *   StoreCorruptError / StoreVersionError if library.json is damaged or from a newer Gazette
   *   (the file is left untouched and the store is not opened).
   */
  static async open(dataDir: string, options: OpenOptions = {}): Promise<LibraryStore> {
    const store = new LibraryStore(path.resolve(dataDir), options.readOnly ?? false);
    if (!store.readOnly) await store.#lock();
    try {
      await store.#load();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  async #lock(): Promise<void> {
    await ensureDir(this.dataDir);
    try {
      this.#release = await lockfile.lock(this.dataDir, {
        lockfilePath: path.join(this.dataDir, LOCK_FILE),
        realpath: false,
        stale: LOCK_STALE_MS,
        update: LOCK_UPDATE_MS,
        retries: 0,
        // Another process took the lock over (ours went stale, or someone removed it): stop writing
        // rather than clash with it. proper-lockfile's default would throw from a timer and crash.
        onCompromised: (error) => {
          this.#release = undefined;
          this.#lockLost = new StoreReadOnlyError(
            `Gazette lost its lock on the library at ${this.dataDir} (${error.message}) and stopped writing to it, ` +
              'so as not to clash with another Gazette process. Close Gazette and open it again.',
            { cause: error },
          );
        },
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED')
        throw new StoreLockedError(this.dataDir, { cause: error });
      throw error;
    }
  }

  async #load(): Promise<void> {
    await this.#db.read();
    const file = path.join(this.dataDir, LIBRARY_FILE);
    let highestPack = 0;
    for (const [key, record] of Object.entries(this.#db.data.articles)) {
      if (record.id !== key) {
        throw new StoreCorruptError(
          file,
          `the article stored as "${key}" has the id "${record.id}"`,
          'library file',
        );
      }
      this.#index(record);
      if (record.body.pack > highestPack) highestPack = record.body.pack;
    }
    if (this.readOnly) return;
    // We hold the lock, so temporary files are leftovers of a killed writer, not a live one's.
    for (const dir of [this.dataDir, this.#bodiesDir, path.join(this.dataDir, USER_DIR)])
      await removeTempFiles(dir);
    // Above every pack on disk too: a pack written by a commit whose library write then failed is
    // garbage, and packs are never overwritten.
    this.#nextPack = Math.max(highestPack, await highestPackOnDisk(this.#bodiesDir)) + 1;
  }

  get #bodiesDir(): string {
    return path.join(this.dataDir, BODIES_DIR);
  }

  /**
   * Every article in the library (removed ones are not), latest import first, then by title and
   * id. Served from memory.
   */
  list(): ArticleMeta[] {
    this.#sorted ??= [...this.#metas.values()]
      .filter((meta) => meta.removedAt === undefined)
      .sort(
        (a, b) =>
          (a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : 0) ||
          titleCollator.compare(a.title, b.title) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    return this.#sorted.slice();
  }

  /** The metadata of article `id` (frozen), or undefined if it is not in the library or was removed. */
  get(id: string): ArticleMeta | undefined {
    const meta = this.#metas.get(id);
    return meta?.removedAt === undefined ? meta : undefined;
  }

  /** The metadata of article `id` whether or not it was removed (then with `removedAt`), or undefined. */
  getIncludingRemoved(id: string): StoredArticleMeta | undefined {
    return this.#metas.get(id);
  }

  /** The removed articles (not forgotten yet), latest removal first, then by title and id. */
  listRemoved(): RemovedArticleMeta[] {
    const removed = [...this.#metas.values()].filter(
      (meta): meta is RemovedArticleMeta => meta.removedAt !== undefined,
    );
    return removed.sort(
      (a, b) =>
        (a.removedAt < b.removedAt ? 1 : a.removedAt > b.removedAt ? -1 : 0) ||
        titleCollator.compare(a.title, b.title) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  /**
   * The article imported from the absolute path `source`, or undefined. A removed article still
   * holds its source (and its id, which is derived from it), so it is found too, with `removedAt`.
   */
  findBySource(source: string): StoredArticleMeta | undefined {
    const id = this.#bySource.get(source);
    return id === undefined ? undefined : this.#metas.get(id);
  }

  /** The first stored article in the library (not removed) whose text has this fingerprint, or undefined. */
  findByFingerprint(fingerprint: string): ArticleMeta | undefined {
    const id = this.#byFingerprint.get(fingerprint)?.find((other) => this.#isLive(other));
    return id === undefined ? undefined : this.#metas.get(id);
  }

  /**
   * Reads article `id`'s body from its pack.
   * @throws UnknownArticleError for an id not in the library (or removed); StoreCorruptError if
   *   the pack is missing or damaged.
   */
  async readBody(id: string): Promise<ArticleBody> {
    const record = this.#records.get(id);
    if (!record || record.removedAt !== undefined) throw new UnknownArticleError(id, this.dataDir);
    return readPackedBody(this.#bodiesDir, record.body, id);
  }

  /** Article `id`'s metadata and body; throws as `readBody`. */
  async readArticle(id: string): Promise<Article> {
    // Metadata and locator taken together, so a commit meanwhile cannot pair one version's
    // metadata with another's body.
    const record = this.#records.get(id);
    const meta = this.#metas.get(id);
    if (!record || !meta || record.removedAt !== undefined) throw new UnknownArticleError(id, this.dataDir);
    return { ...meta, ...(await readPackedBody(this.#bodiesDir, record.body, id)) };
  }

  #isLive(id: string): boolean {
    const record = this.#records.get(id);
    return record !== undefined && record.removedAt === undefined;
  }

  /**
   * Stores a batch: all bodies in ONE new pack (one fsync), then ONE write of library.json. Does
   * nothing for an empty batch. If either write fails, the library in memory and on disk stays as
   * it was (an orphan pack may remain; it is never referenced). User data is not touched: it is
   * keyed by article id, and an update keeps the id.
   *
   * @throws StoreReadOnlyError if the store is read-only, closed or lost its lock; UnknownArticleError
   *   for an update of an unknown id; Error for an invalid article, an `added` id already stored
   *   (removed or not), an id given twice, or a source already held by another article. Nothing is
   *   written then.
   */
  commit(changes: StoreChanges): Promise<void> {
    if (changes.added.length === 0 && changes.updated.length === 0) {
      try {
        this.#assertWritable();
      } catch (error) {
        return Promise.reject(error);
      }
      return Promise.resolve();
    }
    return this.#enqueue(() => this.#commitNow(changes));
  }

  async #commitNow(changes: StoreChanges): Promise<void> {
    const { metas, bodies } = this.#check(changes);

    if (!this.#bodiesDirReady) {
      await ensureDir(this.#bodiesDir);
      this.#bodiesDirReady = true;
    }
    // The number is used up even if the write fails: a pack name is never written twice.
    const pack = this.#nextPack++;
    const locators = await writePack(this.#bodiesDir, pack, bodies);
    // A new record has no `removedAt`: an updated removed article is back in the library.
    await this.#writeRecords(metas.map((meta, index) => [meta.id, { ...meta, body: locators[index]! }]));
  }

  /**
   * Takes articles out of the library: `list()`, `get()`, `findByFingerprint()` and `readArticle()`
   * no longer see them, but their records, bodies and user data stay (`listRemoved()`,
   * `getIncludingRemoved()`) until `forget`. ONE write of library.json; none if nothing changes.
   * Ids not in the library, or already removed, are skipped.
   *
   * @returns the ids removed by this call, in the order given.
   * @throws StoreReadOnlyError as `commit`; the write's error, with nothing changed.
   */
  remove(ids: readonly string[], now: Date = new Date()): Promise<string[]> {
    const removedAt = now.toISOString();
    return this.#enqueue(() =>
      this.#changeRecords(ids, (record) =>
        record.removedAt === undefined ? { ...record, removedAt } : null,
      ),
    );
  }

  /**
   * Brings removed articles back into the library, as they were (same id, import time and body).
   * ONE write; ids that are not removed are skipped. Returns the ids restored; throws as `remove`.
   */
  restore(ids: readonly string[]): Promise<string[]> {
    return this.#enqueue(() =>
      this.#changeRecords(ids, (record) => {
        if (record.removedAt === undefined) return null;
        const { removedAt: _removedAt, ...rest } = record;
        return rest;
      }),
    );
  }

  /**
   * Drops the records of REMOVED articles for good: their ids, sources and fingerprints are free
   * again, and their body lines become garbage in their packs (see README.md). Articles in the
   * library are never forgotten (remove them first); such ids, and unknown ones, are skipped. The
   * caller deletes their user data. ONE write. Returns the ids forgotten; throws as `remove`.
   */
  forget(ids: readonly string[]): Promise<string[]> {
    return this.#enqueue(() =>
      this.#changeRecords(ids, (record) => (record.removedAt === undefined ? null : undefined)),
    );
  }

  /**
   * Applies `change` to the record of each id (once per id, unknown ids skipped) and writes the
   * changed ones: `change` returns the new record, `undefined` to drop it, or `null` for no change.
   */
  async #changeRecords(
    ids: readonly string[],
    change: (record: StoredArticle) => StoredArticle | undefined | null,
  ): Promise<string[]> {
    const changes: Array<[string, StoredArticle | undefined]> = [];
    for (const id of new Set(ids)) {
      const record = this.#records.get(id);
      if (!record) continue;
      const next = change(record);
      if (next !== null) changes.push([id, next]);
    }
    if (changes.length > 0) await this.#writeRecords(changes);
    return changes.map(([id]) => id);
  }

  /**
   * Puts each new record (or drops it, for `undefined`) in memory, then writes library.json ONCE.
   * If the write fails, memory is put back as it was and the error is thrown.
   */
  async #writeRecords(changes: ReadonlyArray<[string, StoredArticle | undefined]>): Promise<void> {
    const articles = this.#db.data.articles;
    const put = (id: string, record: StoredArticle | undefined): void => {
      this.#unindex(id);
      if (record) {
        articles[id] = record;
        this.#index(record);
      } else {
        delete articles[id];
      }
    };
    const previous = new Map<string, StoredArticle | undefined>();
    for (const [id, record] of changes) {
      if (!previous.has(id)) previous.set(id, this.#records.get(id));
      put(id, record);
    }
    this.#sorted = undefined;
    try {
      await this.#db.write();
    } catch (error) {
      for (const [id, record] of previous) put(id, record);
      this.#sorted = undefined;
      throw error;
    }
  }

  /**
   * Runs a change after the ones before it (each one's checks depend on them), once the store is
   * known to be writable, both when asked and when its turn comes.
   */
  #enqueue<T>(run: () => Promise<T>): Promise<T> {
    try {
      this.#assertWritable();
    } catch (error) {
      return Promise.reject(error);
    }
    const result = this.#queue.then(() => {
      this.#assertWritable();
      return run();
    });
    this.#queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Checks a batch against the schema and the library; returns the metadata and bodies to write. */
  #check(changes: StoreChanges): { metas: ArticleMeta[]; bodies: PackedBody[] } {
    const metas: ArticleMeta[] = [];
    const bodies: PackedBody[] = [];
    const seen = new Set<string>();
    const sourcesInBatch = new Map<string, string>();
    const add = (article: Article, isUpdate: boolean): void => {
      const id: unknown = article.id;
      if (typeof id !== 'string') throw refused(String(id), 'it has no id');
      if (seen.has(id)) throw refused(id, 'the batch holds it twice');
      seen.add(id);
      const stored = this.#records.get(id);
      if (isUpdate && !stored) throw new UnknownArticleError(id, this.dataDir);
      if (!isUpdate && stored) {
        throw refused(
          id,
          stored.removedAt === undefined
            ? 'an article with this id is already in the library; pass it as updated'
            : 'a removed article has this id; pass it as updated to bring it back',
        );
      }

      const meta = articleMetaSchema.safeParse(article);
      if (!meta.success) throw refused(id, describeIssues(meta.error));
      const body = packedBodySchema.safeParse({ id, blocks: article.blocks, removed: article.removed });
      if (!body.success) throw refused(id, describeIssues(body.error));

      const source = meta.data.source;
      const owner = this.#bySource.get(source) ?? sourcesInBatch.get(source);
      if (owner !== undefined && owner !== id)
        throw refused(id, `its source ${source} belongs to article ${owner}`);
      sourcesInBatch.set(source, id);
      metas.push(meta.data);
      bodies.push(body.data);
    };
    for (const article of changes.added) add(article, false);
    for (const article of changes.updated) add(article, true);
    return { metas, bodies };
  }

  #index(record: StoredArticle): void {
    // `removedAt` stays in the metadata handed out, so callers that see removed articles can tell.
    const { body: _locator, ...meta } = record;
    this.#records.set(record.id, record);
    this.#metas.set(record.id, Object.freeze(meta));
    this.#bySource.set(record.source, record.id);
    const sameText = this.#byFingerprint.get(record.fingerprint);
    if (sameText) sameText.push(record.id);
    else this.#byFingerprint.set(record.fingerprint, [record.id]);
  }

  #unindex(id: string): void {
    const record = this.#records.get(id);
    if (!record) return;
    this.#records.delete(id);
    this.#metas.delete(id);
    if (this.#bySource.get(record.source) === id) this.#bySource.delete(record.source);
    const sameText = this.#byFingerprint.get(record.fingerprint);
    if (sameText) {
      const rest = sameText.filter((other) => other !== id);
      if (rest.length > 0) this.#byFingerprint.set(record.fingerprint, rest);
      else this.#byFingerprint.delete(record.fingerprint);
    }
  }

  #assertWritable(): void {
    if (this.readOnly) {
      throw new StoreReadOnlyError(
        `The library at ${this.dataDir} was opened read-only; Gazette did not write to it.`,
      );
    }
    if (this.#lockLost) throw this.#lockLost;
    if (this.#closing)
      throw new StoreReadOnlyError(`The library at ${this.dataDir} is closed; Gazette did not write to it.`);
  }

  /**
   * Opens a user file (`<dataDir>/user/<name>.json`, see `openUserFile`), read-only when the
   * store is. Writing it while this store is open is safe: this process holds the lock.
   */
  openUserFile<T extends { schemaVersion: number }>(
    name: string,
    schema: z.ZodType<T>,
    defaults: T,
  ): Promise<Low<T>> {
    return openUserFile(this.dataDir, name, schema, defaults, { readOnly: this.readOnly });
  }

  /** Waits for a running commit, then releases the lock. Safe to call more than once. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#queue;
      const release = this.#release;
      this.#release = undefined;
      if (release) await release();
    })();
    return this.#closing;
  }
}

function refused(id: string, reason: string): Error {
  return new Error(`Gazette refused to store article ${id}: ${reason}. Nothing was written.`);
}
