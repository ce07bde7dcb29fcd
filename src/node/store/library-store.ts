import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import type { Article, ArticleBody, ArticleMeta } from '../../core/article';
import { BODIES_DIR, highestPackOnDisk, packsOnDisk, readPackedBody, writePack } from './body-packs';
import {
  describeIssues,
  DurableJsonFile,
  ensureDir,
  isErrnoException,
  removeTempFiles,
} from './durable-json-file';
import {
  StoreCorruptError,
  StoreMissingLibraryError,
  StoreReadOnlyError,
  UnknownArticleError,
  type StoreVersionError,
} from './errors';
import { lockLibrary } from './library-lock';
import {
  articleMetaSchema,
  cleaningOverridesSchema,
  LIBRARY_MIGRATIONS,
  LIBRARY_SCHEMA_VERSION,
  libraryFileSchema,
  packedBodySchema,
} from './schemas';
import type { CleaningOverrides, LibraryFile, PackedBody, StoredArticle } from './schemas';
import { openUserFile, USER_DIR, type UserFileOptions } from './user-file';

export { LOCK_FILE, LOCK_STALE_MS } from './library-lock';

/** The library index: metadata and body locators of every article. */
export const LIBRARY_FILE = 'library.json';

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
  /**
   * Open even when library.json is missing while packs or user files are there (which is
   * otherwise refused with `StoreMissingLibraryError`): for `repairLibrary` only.
   */
  allowMissingLibrary?: boolean;
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
  #readOnly: boolean;
  /** Why the store is read-only though it was opened for writing (a newer library file). */
  #readOnlyReason: StoreVersionError | undefined;
  readonly #adapter: DurableJsonFile<LibraryFile>;
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
    this.#readOnly = readOnly;
    this.#adapter = new DurableJsonFile<LibraryFile>(path.join(dataDir, LIBRARY_FILE), {
      schema: libraryFileSchema,
      schemaVersion: LIBRARY_SCHEMA_VERSION,
      label: 'library file',
      readOnly,
      // commit() checks each changed article itself; checking all 20,000 on every write is waste.
      validateOnWrite: false,
      migrations: LIBRARY_MIGRATIONS,
      // A library from a newer Gazette that still reads as this version's opens read-only.
      readNewer: true,
    });
    this.#db = new Low<LibraryFile>(this.#adapter, {
      schemaVersion: LIBRARY_SCHEMA_VERSION,
      articles: Object.create(null) as LibraryFile['articles'],
    });
  }

  /** True when the store refuses writes: opened read-only, or found a newer library file. */
  get readOnly(): boolean {
    return this.#readOnly;
  }

  /**
   * Why the store is read-only though it was opened for writing, as a message for the reader
   * (a library made by a newer Gazette); undefined otherwise.
   */
  get readOnlyReason(): string | undefined {
    return this.#readOnlyReason === undefined
      ? undefined
      : `${this.#readOnlyReason.message.replace(/ Update Gazette to open it\.$/, '')} It is open read-only: update Gazette to change it.`;
  }

  /** The library file's schema version before this open migrated it (and kept it beside); undefined if none. */
  get migratedFrom(): number | undefined {
    return this.#migratedFrom;
  }

  #migratedFrom: number | undefined;

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
      await store.#load(options.allowMissingLibrary ?? false);
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  async #lock(): Promise<void> {
    this.#release = await lockLibrary(this.dataDir, (error) => {
      // Another process took the lock over (ours went stale, or someone removed it): stop writing
      // rather than clash with it. proper-lockfile's default would throw from a timer and crash.
      this.#release = undefined;
      this.#lockLost = new StoreReadOnlyError(
        `Gazette lost its lock on the library at ${this.dataDir} (${error.message}) and stopped writing to it, ` +
          'so as not to clash with another Gazette process. Close Gazette and open it again.',
        { cause: error },
      );
    });
  }

  async #load(allowMissingLibrary: boolean): Promise<void> {
    const found = await this.#adapter.read();
    if (found === null && !allowMissingLibrary) await this.#refuseMissingLibrary();
    if (found !== null) {
      // A null-prototype map: no id can ever reach Object.prototype (ids are checked hex anyway).
      this.#db.data = {
        ...found,
        articles: Object.assign(Object.create(null), found.articles) as LibraryFile['articles'],
      };
    }
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
    if (this.#adapter.newerVersion) {
      // Made by a newer Gazette: show it, never write it.
      this.#readOnlyReason = this.#adapter.newerVersion;
      this.#readOnly = true;
      const release = this.#release;
      this.#release = undefined;
      if (release) await release();
      return;
    }
    if (this.readOnly) return;
    if (found === null && !allowMissingLibrary) {
      // A new library has its library.json from the start, so a missing one later means loss
      // (refused above), never "no articles yet".
      await this.#db.write();
    } else if (this.#adapter.migratedFrom !== undefined) {
      // Written at once in the new version; the adapter first keeps the old file beside it.
      this.#migratedFrom = this.#adapter.migratedFrom;
      await this.#db.write();
    }
    // We hold the lock, so temporary files are leftovers of a killed writer, not a live one's.
    for (const dir of [this.dataDir, this.#bodiesDir, path.join(this.dataDir, USER_DIR)])
      await removeTempFiles(dir);
    // Above every pack on disk too: a pack written by a commit whose library write then failed is
    // garbage, and packs are never overwritten.
    this.#nextPack = Math.max(highestPack, await highestPackOnDisk(this.#bodiesDir)) + 1;
  }

  /** Throws StoreMissingLibraryError when the folder holds packs or user files (see OpenOptions). */
  async #refuseMissingLibrary(): Promise<void> {
    const packs = (await packsOnDisk(this.#bodiesDir)).length;
    let userFiles = 0;
    try {
      userFiles = (await readdir(path.join(this.dataDir, USER_DIR))).filter(
        (name) => !name.startsWith('.') && name !== 'settings.json' && name !== 'app-state.json',
      ).length;
    } catch (error) {
      if (!(isErrnoException(error) && error.code === 'ENOENT')) throw error;
    }
    if (packs === 0 && userFiles === 0) return;
    const parts = [
      ...(packs > 0 ? [`${packs} body pack${packs === 1 ? '' : 's'} (the articles' text)`] : []),
      ...(userFiles > 0 ? [`${userFiles} file${userFiles === 1 ? '' : 's'} of your own data in user/`] : []),
    ];
    throw new StoreMissingLibraryError(this.dataDir, parts.join(' and '));
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
    // Each line carries its metadata too, so the packs alone can rebuild the library (repair).
    const locators = await writePack(
      this.#bodiesDir,
      pack,
      bodies.map((body, index) => ({ ...body, meta: metas[index]! })),
    );
    // A new record has no `removedAt`: an updated removed article is back in the library. The
    // reader's cleaning choices stay with the article across re-imports.
    await this.#writeRecords(
      metas.map((meta, index) => {
        const overrides = this.#records.get(meta.id)?.cleaningOverrides;
        const record: StoredArticle = { ...meta, body: locators[index]! };
        if (overrides !== undefined) record.cleaningOverrides = overrides;
        return [meta.id, record];
      }),
    );
  }

  /**
   * Reads library.json again, forgetting what memory held: after a failed restore put the file
   * back as it was. Runs after the changes under way.
   * @throws as `open` for a damaged file (memory is then left as it was).
   */
  reload(): Promise<void> {
    return this.#enqueue(async () => {
      const found = await this.#adapter.read();
      const articles = Object.assign(Object.create(null), found?.articles ?? {}) as LibraryFile['articles'];
      for (const id of [...this.#records.keys()]) this.#unindex(id);
      this.#db.data = { schemaVersion: LIBRARY_SCHEMA_VERSION, articles };
      for (const record of Object.values(articles)) this.#index(record);
      this.#sorted = undefined;
    });
  }

  /** The reader's cleaning choices on article `id` (a copy), or undefined when there are none. */
  cleaningOverrides(id: string): CleaningOverrides | undefined {
    const overrides = this.#records.get(id)?.cleaningOverrides;
    return overrides === undefined ? undefined : structuredClone(overrides);
  }

  /**
   * Records the reader's cleaning choices on article `id` (removed ones included), replacing the
   * earlier ones; `undefined` or an empty object clears them. ONE write of library.json.
   * @throws UnknownArticleError for an unknown id; Error for choices that fail the schema;
   *   StoreReadOnlyError as `commit`.
   */
  setCleaningOverrides(id: string, overrides: CleaningOverrides | undefined): Promise<void> {
    return this.#enqueue(async () => {
      const record = this.#records.get(id);
      if (!record) throw new UnknownArticleError(id, this.dataDir);
      const checked = overrides === undefined ? undefined : cleaningOverridesSchema.safeParse(overrides);
      if (checked && !checked.success) throw refused(id, describeIssues(checked.error));
      const value = checked?.data;
      const empty = value === undefined || Object.values(value).every((list) => list === undefined);
      const { cleaningOverrides: _previous, ...rest } = record;
      await this.#writeRecords([[id, empty ? rest : { ...rest, cleaningOverrides: value }]]);
    });
  }

  /**
   * Puts records found in the body packs into a library opened with `allowMissingLibrary`
   * (`repairLibrary`): ids already known are skipped. ONE write of library.json. Returns the ids added.
   */
  adoptRecords(records: readonly StoredArticle[]): Promise<string[]> {
    return this.#enqueue(async () => {
      const changes: Array<[string, StoredArticle]> = [];
      for (const record of records) {
        if (this.#records.has(record.id) || changes.some(([id]) => id === record.id)) continue;
        changes.push([record.id, record]);
      }
      // Written even when empty, so a repaired folder has its library.json again.
      await this.#writeRecords(changes);
      return changes.map(([id]) => id);
    });
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
    const { body: _locator, cleaningOverrides: _overrides, ...meta } = record;
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
    migrations?: UserFileOptions['migrations'],
  ): Promise<Low<T>> {
    return openUserFile(this.dataDir, name, schema, defaults, {
      readOnly: this.readOnly,
      ...(migrations ? { migrations } : {}),
    });
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
