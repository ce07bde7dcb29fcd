/**
 * The review state: the reader's data, in `user/review.json` written durably (DurableJsonFile
 * through `openUserFile`: temporary file, fsync, rename, fsync of the folder). Keyed by annotation
 * id, which a re-import and a re-anchoring keep, so grades survive both; records of highlights
 * that are gone for now are kept (and simply not shown). Small (about 200 bytes a reviewed
 * highlight), so each change rewrites the file. A damaged file is reported and never overwritten.
 */
import type { Low } from 'lowdb';
import type { ReviewFrequency, ReviewRecord, ReviewState } from '../../core/review/model';
import { reviewStateSchema } from '../../core/review/review-schemas';
import { tagKey } from '../../core/tags';
import type { LibraryStore } from '../store';

export const REVIEW_FILE_NAME = 'review';
export const REVIEW_SCHEMA_VERSION = 1;

/** An empty review state, as a new library has. */
export function emptyReviewState(): ReviewState {
  return { schemaVersion: REVIEW_SCHEMA_VERSION, records: {}, frequencies: { articles: {}, tags: {} } };
}

/** What a frequency applies to: one article, or every article carrying a tag. */
export type FrequencyTarget = { articleId: string } | { tag: string };

export class ReviewStore {
  readonly #file: Low<ReviewState>;
  #queue: Promise<void> = Promise.resolve();

  private constructor(file: Low<ReviewState>) {
    this.#file = file;
  }

  /**
   * Opens `user/review.json` of `store`'s data folder (a missing file is an empty state).
   * @throws StoreCorruptError / StoreVersionError for a damaged or newer file (kept as it is).
   */
  static async open(store: LibraryStore): Promise<ReviewStore> {
    return new ReviewStore(await store.openUserFile(REVIEW_FILE_NAME, reviewStateSchema, emptyReviewState()));
  }

  /**
   * Reads `user/review.json` again: another ReviewStore of this process (a backup's restore) may
   * have written it since. A missing file is an empty state. Runs after the changes under way.
   * @throws StoreCorruptError for a damaged file (memory is then left as it was).
   */
  refresh(): Promise<void> {
    const run = this.#queue.then(async () => {
      this.#file.data = (await this.#file.adapter.read()) ?? emptyReviewState();
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** A copy of the whole state. */
  state(): ReviewState {
    return structuredClone(this.#file.data);
  }

  /** The record of annotation `id`, if it was ever graded or retired. */
  record(id: string): ReviewRecord | undefined {
    const found = this.#file.data.records[id];
    return found ? structuredClone(found) : undefined;
  }

  /** Saves `record` for annotation `id`; resolves once it is on disk. */
  putRecord(id: string, record: ReviewRecord): Promise<void> {
    return this.#change((state) => {
      state.records[id] = record;
    });
  }

  /** Sets the frequency of an article or a tag; `normal` removes the setting. */
  setFrequency(target: FrequencyTarget, frequency: ReviewFrequency): Promise<void> {
    return this.#change((state) => {
      const [table, key] =
        'articleId' in target
          ? [state.frequencies.articles, target.articleId]
          : [state.frequencies.tags, tagKey(target.tag)];
      if (frequency === 'normal') delete table[key];
      else table[key] = frequency;
    });
  }

  /**
   * Merges a backup's review state: a record missing here is added; one known on both sides keeps
   * the side with more grades (the later last grade on a tie), so restoring an old backup never
   * rolls a reader's history back. Frequencies set here win; the backup's fill in the others.
   * Returns how many records were added or replaced.
   */
  async merge(incoming: ReviewState): Promise<number> {
    let changed = 0;
    await this.#change((state) => {
      for (const [id, theirs] of Object.entries(incoming.records)) {
        const ours = state.records[id];
        if (ours && !isNewer(theirs, ours)) continue;
        state.records[id] = structuredClone(theirs);
        changed += 1;
      }
      for (const [id, frequency] of Object.entries(incoming.frequencies.articles))
        state.frequencies.articles[id] ??= frequency;
      for (const [tag, frequency] of Object.entries(incoming.frequencies.tags))
        state.frequencies.tags[tagKey(tag)] ??= frequency;
    });
    return changed;
  }

  /** Applies `change` to a copy and writes it; memory changes only once the file is written. */
  #change(change: (state: ReviewState) => void): Promise<void> {
    const run = this.#queue.then(async () => {
      // From the file, not memory: a restore may have merged records into it meanwhile.
      const before = (await this.#file.adapter.read()) ?? emptyReviewState();
      const next = structuredClone(before);
      change(next);
      this.#file.data = next;
      try {
        await this.#file.write();
      } catch (error) {
        this.#file.data = before;
        throw error;
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function isNewer(theirs: ReviewRecord, ours: ReviewRecord): boolean {
  if (theirs.history.length !== ours.history.length) return theirs.history.length > ours.history.length;
  const last = (record: ReviewRecord): string => record.history.at(-1)?.reviewedAt ?? record.retiredAt ?? '';
  return last(theirs) > last(ours);
}
