/**
 * The highlight and note counts of every annotated article, for the library list, so that listing
 * the library never opens thousands of annotation files. Derived data: the annotation files are the
 * truth, and everything here can be rebuilt from them. Two files in `<dataDir>/user/`:
 *
 *   annotation-counts.json  a snapshot: { "schemaVersion": 1, "generation": 7,
 *                                         "counts": { "<id>": [highlights, notes] } }
 *   annotation-counts.log   a journal:  {"generation":7}          (its header)
 *                                       {"3f2a9c0b1d4e":[2,1]}    (one line per change of counts)
 *
 * Why a journal: a change of counts (adding or deleting a highlight or a note) appends one line of
 * about 25 bytes, fdatasync'ed, instead of rewriting a snapshot that holds every annotated article;
 * so the bytes a save writes grow neither with the library nor with the number of annotated
 * articles. Editing a note or a colour changes no count and writes nothing here. The snapshot is
 * rewritten (and the journal started afresh) at open once the journal is long, or every
 * `COMPACT_AFTER_LINES` changes: housekeeping, not a save.
 *
 * Crash safety. Changes are made one at a time (the annotation store's queue), each in this order:
 * its journal line, then the article's file. So only the article(s) of the LAST complete line can
 * have counts ahead of their file (killed in between); the next open counts them again from their
 * files. A line cut short by a kill is dropped (its article's file was not written yet). Each line
 * states absolute counts, so reading one twice changes nothing. A compaction writes the new
 * snapshot (generation n+1) before replacing the journal with a fresh one (header n+1) by an atomic
 * rename. A journal that is missing, has an older generation (a compaction cut short) or cannot be
 * read makes the open count every annotated article from its file, then compact.
 *
 * A damaged snapshot (or one from a newer Gazette) is left as it is, never overwritten: the counts
 * are then rebuilt from the annotation files at every open and kept in memory only.
 */
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { AnnotationCounts } from '../../core/annotations/model';
import { DurableJsonFile, StoreError, USER_DIR } from '../store';
import { isErrnoException, writeFileDurably } from '../store/durable-json-file';

export const COUNTS_FILE = 'annotation-counts.json';
export const COUNTS_LOG_FILE = 'annotation-counts.log';
const COUNTS_SCHEMA_VERSION = 1;
/** A journal longer than this is folded into the snapshot at open… */
const COMPACT_AT_OPEN_LINES = 1_000;
/** …and, while the app runs, once it reaches this many lines (one rewrite per this many changes). */
export const COMPACT_AFTER_LINES = 10_000;

const countPair = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
const snapshotSchema = z
  .object({
    schemaVersion: z.literal(COUNTS_SCHEMA_VERSION),
    /** Which journal continues this snapshot: the one whose header has the same generation. */
    generation: z.number().int().nonnegative(),
    /** [highlights, notes] by article id; articles with neither are left out. */
    counts: z.record(z.string(), countPair),
  })
  .strict();
type Snapshot = z.infer<typeof snapshotSchema>;
const headerSchema = z.object({ generation: z.number().int().nonnegative() }).strict();
const lineSchema = z.record(z.string().min(1), countPair);

const NONE: AnnotationCounts = Object.freeze({ highlights: 0, notes: 0 });

/**
 * How the index learns the truth: the counts in an article's file (zero if it has none), or
 * undefined if the file cannot be read (the index then keeps what it has).
 */
export type CountFile = (articleId: string) => Promise<AnnotationCounts | undefined>;

export interface CountsIndexOptions {
  readOnly: boolean;
  /** The ids of every annotation file on disk, for a rebuild. */
  annotatedIds: () => Promise<string[]>;
  countFile: CountFile;
}

export class AnnotationCountsIndex {
  readonly #snapshot: DurableJsonFile<Snapshot>;
  readonly #logFile: string;
  readonly #counts = new Map<string, AnnotationCounts>();
  /** Articles whose counts were put back in memory after a failed save, for the next line. */
  readonly #unsynced = new Set<string>();
  #generation = 0;
  /** Lines in the journal after its header; -1 when there is no usable journal to append to. */
  #lines = -1;
  readonly #readOnly: boolean;
  #problem: Error | undefined;

  private constructor(dataDir: string, readOnly: boolean) {
    const dir = path.join(path.resolve(dataDir), USER_DIR);
    this.#snapshot = new DurableJsonFile<Snapshot>(path.join(dir, COUNTS_FILE), {
      schema: snapshotSchema,
      schemaVersion: COUNTS_SCHEMA_VERSION,
      label: 'annotation counts file',
      readOnly,
    });
    this.#logFile = path.join(dir, COUNTS_LOG_FILE);
    this.#readOnly = readOnly;
  }

  /** True when nothing is written: the store is read-only, or the snapshot on disk is damaged. */
  get memoryOnly(): boolean {
    return this.#readOnly || this.#problem !== undefined;
  }

  /** Why the snapshot is not used, when it is damaged; the counts were rebuilt from the files. */
  get problem(): Error | undefined {
    return this.#problem;
  }

  /**
   * Reads the index of `dataDir` and puts it right (see the module comment). Opening writes
   * nothing unless a count was wrong, a kill cut a line short, or the journal is long.
   */
  static async open(dataDir: string, options: CountsIndexOptions): Promise<AnnotationCountsIndex> {
    const index = new AnnotationCountsIndex(dataDir, options.readOnly);
    let snapshot: Snapshot | null = null;
    try {
      snapshot = await index.#snapshot.read();
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      index.#problem = error; // kept as it is; the adapter refuses to write over it anyway
    }
    if (!snapshot) {
      // No snapshot (a new data folder, or one moved away) or a damaged one: count from the files.
      const changed = await index.#recount(await options.annotatedIds(), options.countFile);
      if (changed) await index.#compactQuietly();
      return index;
    }
    index.#generation = snapshot.generation;
    for (const [id, [highlights, notes]] of Object.entries(snapshot.counts)) {
      put(index.#counts, id, { highlights, notes });
    }
    const journal = await index.#readJournal();
    let changed: boolean;
    if (journal.usable) {
      for (const line of journal.lines) {
        for (const [id, [highlights, notes]] of Object.entries(line))
          put(index.#counts, id, { highlights, notes });
      }
      index.#lines = journal.lines.length;
      changed = await index.#recount(Object.keys(journal.lines.at(-1) ?? {}), options.countFile);
    } else {
      changed = await index.#recount(await options.annotatedIds(), options.countFile, true);
    }
    if (changed || journal.torn || !journal.usable || journal.lines.length > COMPACT_AT_OPEN_LINES) {
      await index.#compactQuietly();
    }
    return index;
  }

  /** Article `id`'s counts; zero for an article without annotations. */
  get(id: string): AnnotationCounts {
    return this.#counts.get(id) ?? NONE;
  }

  /** Every annotated article's counts. */
  all(): ReadonlyMap<string, AnnotationCounts> {
    return this.#counts;
  }

  /**
   * Records new counts and appends them to the journal (fdatasync'ed): call it BEFORE writing the
   * articles' files. Resolves once on disk (at once when memory-only); on failure memory is unchanged.
   */
  async set(entries: ReadonlyArray<readonly [string, AnnotationCounts]>): Promise<void> {
    if (this.memoryOnly) {
      for (const [id, counts] of entries) put(this.#counts, id, counts);
      return;
    }
    // Compaction first, from the counts before this change: the change then goes in a line of the
    // fresh journal, so it is still the last line, the one the next open checks against the files.
    if (this.#lines < 0 || this.#lines >= COMPACT_AFTER_LINES) await this.#compact();
    const previous = entries.map(([id]) => [id, this.#counts.get(id) ?? NONE] as const);
    for (const [id, counts] of entries) put(this.#counts, id, counts);
    const line: Record<string, [number, number]> = {};
    for (const id of [...this.#unsynced, ...entries.map(([id]) => id)]) {
      const { highlights, notes } = this.get(id);
      line[id] = [highlights, notes];
    }
    try {
      await this.#append(`${JSON.stringify(line)}\n`);
      this.#unsynced.clear();
    } catch (error) {
      for (const [id, counts] of previous) put(this.#counts, id, counts);
      throw error;
    }
  }

  /**
   * Puts counts back in memory after the article's own write failed. The journal's last line still
   * states the counts that were not saved; the next line states these again, and if none comes,
   * the next open counts the article from its file.
   */
  revert(id: string, counts: AnnotationCounts): void {
    put(this.#counts, id, counts);
    if (!this.memoryOnly) this.#unsynced.add(id);
  }

  /** Counts `ids` from their files; true if any count changed. `all` drops articles not listed. */
  async #recount(ids: readonly string[], countFile: CountFile, all = false): Promise<boolean> {
    let changed = false;
    if (all) {
      const listed = new Set(ids);
      for (const id of [...this.#counts.keys()]) {
        if (!listed.has(id)) {
          this.#counts.delete(id);
          changed = true;
        }
      }
    }
    for (const id of ids) {
      const actual = await countFile(id);
      if (actual === undefined) continue;
      const known = this.get(id);
      if (known.highlights !== actual.highlights || known.notes !== actual.notes) changed = true;
      put(this.#counts, id, actual);
    }
    return changed;
  }

  /**
   * The journal's complete lines after its header. `usable` is false when it is missing, older than
   * the snapshot, or unreadable before its end; `torn` when its last line was cut short by a kill.
   * A cut line is dropped: its change was never written to an article's file, because the file is
   * written only once the line is on disk.
   */
  async #readJournal(): Promise<{
    usable: boolean;
    torn: boolean;
    lines: Array<Record<string, [number, number]>>;
  }> {
    const unusable = { usable: false, torn: false, lines: [] };
    let text: string;
    try {
      text = await readFile(this.#logFile, 'utf8');
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return unusable;
      throw error;
    }
    const [headerText, ...rest] = text.split('\n');
    const header = headerSchema.safeParse(parseJson(headerText ?? ''));
    // An older header: a compaction was cut short between its two writes.
    if (rest.length === 0 || !header.success || header.data.generation !== this.#generation) return unusable;
    // After the last newline there is nothing, unless a kill cut the last line short.
    const torn = rest.at(-1) !== '';
    const lines: Array<Record<string, [number, number]>> = [];
    for (const lineText of rest.slice(0, -1)) {
      const line = lineSchema.safeParse(parseJson(lineText));
      if (!line.success) return unusable;
      lines.push(line.data);
    }
    return { usable: true, torn, lines };
  }

  /** Writes the snapshot of the counts in memory, then a fresh journal of the same generation. */
  async #compact(): Promise<void> {
    const generation = this.#generation + 1;
    const counts: Snapshot['counts'] = {};
    for (const [id, { highlights, notes }] of this.#counts) counts[id] = [highlights, notes];
    this.#lines = -1; // until the fresh journal is there, nothing is appended to the old one
    await this.#snapshot.write({ schemaVersion: COUNTS_SCHEMA_VERSION, generation, counts });
    this.#generation = generation;
    await writeFileDurably(this.#logFile, `${JSON.stringify({ generation })}\n`);
    this.#lines = 0;
    this.#unsynced.clear();
  }

  /**
   * Compaction at open, when writable. Best effort: if it fails, memory is right and the files on
   * disk lead the next open to the same recount. Opening must not fail for derived data.
   */
  async #compactQuietly(): Promise<void> {
    if (this.memoryOnly) return;
    await this.#compact().catch(() => undefined);
  }

  /** Appends to the journal and waits for the bytes to be on disk (fdatasync). */
  async #append(text: string): Promise<void> {
    const handle = await open(this.#logFile, 'a');
    try {
      await handle.write(text);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    this.#lines += 1;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function put(map: Map<string, AnnotationCounts>, id: string, counts: AnnotationCounts): void {
  if (counts.highlights === 0 && counts.notes === 0) map.delete(id);
  else map.set(id, { highlights: counts.highlights, notes: counts.notes });
}
