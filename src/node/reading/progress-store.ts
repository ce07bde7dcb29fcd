/**
 * The reader's progress in every article, in ONE user file: `<dataDir>/user/progress.json`.
 *
 * Why one file rather than one per article: the library lists every article with its progress,
 * so opening the app reads them all, and one read of one file is far cheaper than 20,000 small
 * ones. The price is that each save rewrites the whole file, which grows with the number of
 * articles ever opened: about 240 bytes each as written (pretty-printed, fractions rounded to four
 * decimals), so 1,000 articles read make about 240 KB and an extreme 20,000 about 5 MB. The
 * renderer saves about once a second while the reader scrolls; at 1,000 articles a save, fsync
 * included, takes about 3 ms on our machines, and the file adapter coalesces writes (a save that
 * arrives while one is on its way to disk joins the next write, last data wins), so a slow disk
 * or a huge file means fewer writes, never a growing queue. An article marked unread leaves the
 * file. Highlights and notes (a later issue) hold far more per article and will live in one
 * file per article instead.
 */
import type { Low } from 'lowdb';
import { z } from 'zod';
import { articleIdSchema } from '../../core/article-id';
import { readingPositionSchema } from '../../core/ipc/contract';
import { FINISHED_FRACTION, type ReadingPosition, type ReadingProgress } from '../../core/reading';
import { describeIssues } from '../store/durable-json-file';
import { StoreCorruptError, StoreVersionError, type LibraryStore } from '../store';

/** The user file's name: `user/progress.json`. */
export const PROGRESS_FILE_NAME = 'progress';
export const PROGRESS_SCHEMA_VERSION = 1;

const fractionSchema = z.number().min(0).max(1);

export const readingProgressSchema = z
  .object({
    position: readingPositionSchema.nullable(),
    fraction: fractionSchema,
    finished: z.boolean(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict() satisfies z.ZodType<ReadingProgress>;

export const progressFileSchema = z
  .object({
    schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
    /** Keyed by article id (THE id rule). An article with no entry is unread. */
    progress: z.record(articleIdSchema, readingProgressSchema),
  })
  .strict();
export type ProgressFile = z.infer<typeof progressFileSchema>;

export interface ProgressStoreOptions {
  /** The clock for `updatedAt`; tests pass a fixed one. */
  now?: () => Date;
}

/**
 * Reading progress per article id, held in memory and saved durably (atomic rename and fsync,
 * through the store's user-file adapter) on every change. Each change resolves once it is on
 * disk; if the write fails it rejects, and the change, still in memory, goes to disk with the
 * next successful one.
 *
 * Rules: `fraction` is where the reader is (so "42 % read" is honest after scrolling back), and
 * 1 once finished. Reaching `FINISHED_FRACTION` marks the article finished, and it stays finished
 * whatever the reader scrolls back to, until `setFinished(id, false)` or `setFraction` below the
 * threshold. The store does not check ids against the library; the caller does.
 */
export class ProgressStore {
  #db: Low<ProgressFile> | undefined;
  /** Why the file could not be read (damaged, or from a newer Gazette); undefined when it is fine. */
  #damage: StoreCorruptError | StoreVersionError | undefined;
  readonly #store: LibraryStore;
  readonly #now: () => Date;

  private constructor(store: LibraryStore, now: () => Date) {
    this.#store = store;
    this.#now = now;
  }

  /**
   * Reads `user/progress.json` of `store`'s data folder (a missing file is an empty one).
   * Read-only when the store is. A damaged file (or one from a newer Gazette) does not fail the
   * open, so the library still lists: it is kept as it is, named by `damage`, `all()` is empty,
   * and `get()` and every change throw its error; each change first tries the file again, so
   * fixing or moving it away works without a restart.
   */
  static async open(store: LibraryStore, options: ProgressStoreOptions = {}): Promise<ProgressStore> {
    const progress = new ProgressStore(store, options.now ?? (() => new Date()));
    await progress.reload();
    return progress;
  }

  /** The damaged file's error, for a warning the caller shows; undefined when the file is fine. */
  get damage(): StoreCorruptError | StoreVersionError | undefined {
    return this.#damage;
  }

  /** Reads the file again (after a restore put it back, or the reader fixed it). */
  async reload(): Promise<void> {
    try {
      const db = await this.#store.openUserFile<ProgressFile>(PROGRESS_FILE_NAME, progressFileSchema, {
        schemaVersion: PROGRESS_SCHEMA_VERSION,
        progress: {},
      });
      // A null-prototype map: no key can reach Object.prototype (ids are checked hex anyway).
      db.data.progress = Object.assign(Object.create(null), db.data.progress) as ProgressFile['progress'];
      this.#db = db;
      this.#damage = undefined;
    } catch (error) {
      if (!(error instanceof StoreCorruptError || error instanceof StoreVersionError)) throw error;
      this.#db = undefined;
      this.#damage = error;
    }
  }

  /** Article `id`'s progress, or null if it was never opened (or was marked unread). */
  get(id: string): ReadingProgress | null {
    if (this.#damage) throw this.#damage;
    const progress = this.#entries[id];
    return progress ? structuredClone(progress) : null;
  }

  /** Every stored progress by article id (a copy). */
  all(): Map<string, ReadingProgress> {
    if (!this.#db) return new Map();
    return new Map(Object.entries(structuredClone(this.#entries)));
  }

  /**
   * Records where the reader is in article `id` (the renderer calls it about once a second while
   * scrolling). Returns the new progress.
   * @throws Error for a position out of bounds; the file's write error.
   */
  async save(id: string, position: ReadingPosition): Promise<ReadingProgress> {
    await this.#usable();
    const checked = readingPositionSchema.safeParse(position);
    if (!checked.success) {
      return Promise.reject(
        new Error(`Gazette refused to save the reading position of ${id}: ${describeIssues(checked.error)}.`),
      );
    }
    const place = checked.data;
    // Rounded first, so a stored fraction at the threshold always means finished.
    const fraction = round(place.fraction);
    const finished = (this.#entries[id]?.finished ?? false) || fraction >= FINISHED_FRACTION;
    return this.#put(id, {
      position: { blockIndex: place.blockIndex, blockOffset: round(place.blockOffset), fraction },
      fraction: finished ? 1 : fraction,
      finished,
      updatedAt: this.#now().toISOString(),
    });
  }

  /**
   * Marks article `id` finished (fraction 1; the position is kept, so reopening it goes back to
   * where the reader was) or unread (progress cleared: the entry leaves the file). Returns the new
   * progress; throws the file's write error.
   */
  async setFinished(id: string, finished: boolean): Promise<ReadingProgress> {
    await this.#usable();
    const updatedAt = this.#now().toISOString();
    if (!finished) return this.#clear(id, updatedAt);
    return this.#put(id, {
      position: this.#entries[id]?.position ?? null,
      fraction: 1,
      finished: true,
      updatedAt,
    });
  }

  /**
   * Sets the fraction read by hand (the command line's `progress --set`): finished from
   * `FINISHED_FRACTION` on, unread at 0. The position is dropped, since it no longer matches;
   * the renderer then opens the article at `fraction` of its length.
   * @throws Error for a fraction outside 0–1; the file's write error.
   */
  async setFraction(id: string, fraction: number): Promise<ReadingProgress> {
    await this.#usable();
    if (!fractionSchema.safeParse(fraction).success) {
      return Promise.reject(new Error(`A reading fraction is a number from 0 to 1 (got ${fraction}).`));
    }
    const updatedAt = this.#now().toISOString();
    const rounded = round(fraction);
    if (rounded === 0) return this.#clear(id, updatedAt);
    const finished = rounded >= FINISHED_FRACTION;
    return this.#put(id, { position: null, fraction: finished ? 1 : rounded, finished, updatedAt });
  }

  /** Deletes the progress of these articles (forgotten ones) in ONE write; returns the ids that had some. */
  async forget(ids: readonly string[]): Promise<string[]> {
    await this.#usable();
    const entries = this.#entries;
    const forgotten = [...new Set(ids)].filter((id) => Object.hasOwn(entries, id));
    if (forgotten.length === 0) return [];
    for (const id of forgotten) delete entries[id];
    await (await this.#usable()).write();
    return forgotten;
  }

  /**
   * Merges progress from elsewhere (a backup) in ONE write: for each article, the progress changed
   * last (`updatedAt`) wins; an equal time keeps what is here, so merging twice changes nothing.
   * Returns the ids whose progress was taken; writes nothing when there are none.
   */
  async merge(incoming: ReadonlyMap<string, ReadingProgress>): Promise<string[]> {
    await this.#usable();
    const taken: string[] = [];
    for (const [id, progress] of incoming) {
      const checked = readingProgressSchema.parse(progress);
      const here = this.#entries[id];
      if (here && here.updatedAt >= checked.updatedAt) continue;
      this.#entries[id] = structuredClone(checked);
      taken.push(id);
    }
    if (taken.length > 0) await (await this.#usable()).write();
    return taken;
  }

  get #entries(): Record<string, ReadingProgress> {
    if (!this.#db) throw this.#damage ?? new Error('The progress file is not open.');
    return this.#db.data.progress;
  }

  /** Throws the file's error while it is damaged, after trying it once more. */
  async #usable(): Promise<Low<ProgressFile>> {
    if (this.#damage) await this.reload();
    if (this.#damage) throw this.#damage;
    return this.#db!;
  }

  async #put(id: string, progress: ReadingProgress): Promise<ReadingProgress> {
    this.#entries[id] = progress;
    await (await this.#usable()).write();
    return structuredClone(progress);
  }

  async #clear(id: string, updatedAt: string): Promise<ReadingProgress> {
    if (Object.hasOwn(this.#entries, id)) {
      delete this.#entries[id];
      await (await this.#usable()).write();
    }
    return { position: null, fraction: 0, finished: false, updatedAt };
  }
}

/**
 * Four decimals: a ten-thousandth of an article is well under a line, and the file stays readable
 * and about 40 bytes per entry smaller than with the renderer's full doubles.
 */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
