/**
 * The reader's highlights and notes, over the library store: one durable file per annotated
 * article (annotation-file.ts) and an index of their counts (annotation-counts.ts).
 *
 * Every change goes through one queue, so changes never interleave and each one resolves once it
 * is on disk (acknowledged saves survive a crash). A change that fails leaves memory and disk as
 * they were. Reads of an article whose text changed since its highlights were anchored anchor them
 * again first (and save that, when the store is writable).
 *
 * Reading works for any stored article, removed ones included (they keep their user data until
 * forgotten); changes need the article in the library, because a highlight is made on its text.
 */
import { randomUUID } from 'node:crypto';
import { readdir, unlink } from 'node:fs/promises';
import type { Low } from 'lowdb';
import type { z } from 'zod';
import type { Article, ArticleMeta } from '../../core/article';
import { reanchorHighlight, selectorsFor } from '../../core/annotations/anchor';
import { articleText } from '../../core/annotations/article-text';
import {
  DEFAULT_HIGHLIGHT_COLOR,
  inReadingOrder,
  NOTE_MAX_LENGTH,
  type AnnotationConflict,
  type AnnotationCounts,
  type ArticleAnnotations,
  type Highlight,
  type HighlightColor,
  type Note,
} from '../../core/annotations/model';
import { highlightSchema, MAX_CONFLICTS, noteSchema } from '../../core/annotations/annotation-schemas';
import { StoreReadOnlyError, UnknownArticleError, type LibraryStore } from '../store';
import { describeIssues, isErrnoException, removeTempFiles, syncDir } from '../store/durable-json-file';
import {
  annotationFilePath,
  annotationsDir,
  articleIdOfFile,
  emptyAnnotationFile,
  openAnnotationFile,
  type AnnotationFile,
} from './annotation-file';
import { AnnotationCountsIndex } from './annotation-counts';
import { InvalidAnnotationError, UnknownAnnotationError } from './errors';

export interface AnnotationStoreOptions {
  /** The clock for `createdAt`/`updatedAt`; tests pass a fixed one. */
  now?: () => Date;
  /** Makes ids for new highlights and notes; random UUIDs by default. */
  newId?: () => string;
}

export interface NewHighlight {
  /** Offsets in the article's body text (article-text.ts); white space at either end is left out. */
  start: number;
  end: number;
  color?: HighlightColor;
  note?: string;
}

export interface HighlightChange {
  color?: HighlightColor;
  note?: string;
}

/** What merging a backup's annotations into an article changed. */
export interface MergeCounts {
  highlightsAdded: number;
  highlightsUpdated: number;
  notesAdded: number;
  notesUpdated: number;
  /** Highlights and notes whose differing text was kept beside the reader's as a conflict. */
  conflicts: number;
}

/** The texts kept for anchoring: the renderer often makes several highlights in one article in a row. */
const TEXT_CACHE_SIZE = 8;
/** Annotation files kept open: a session's articles, without holding every file a notebook or export reads. */
const OPEN_FILES = 256;

export class AnnotationStore {
  readonly #store: LibraryStore;
  #counts: AnnotationCountsIndex;
  readonly #now: () => Date;
  readonly #newId: () => string;
  /** Opened files by article id, least recently used first. */
  readonly #files = new Map<string, Low<AnnotationFile>>();
  readonly #texts = new Map<string, { fingerprint: string; text: string }>();
  #queue: Promise<void> = Promise.resolve();

  private constructor(store: LibraryStore, counts: AnnotationCountsIndex, options: AnnotationStoreOptions) {
    this.#store = store;
    this.#counts = counts;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
  }

  /**
   * Opens the annotations of `store`'s data folder: reads (or rebuilds) the counts index, and, when
   * writable, removes temporary files a killed writer left. Read-only when the store is.
   */
  static async open(store: LibraryStore, options: AnnotationStoreOptions = {}): Promise<AnnotationStore> {
    const dir = annotationsDir(store.dataDir);
    // We hold the store's lock, so a temporary file here is a crashed writer's, not a live one's.
    if (!store.readOnly) await removeTempFiles(dir);
    const counts = await openCountsIndex(store);
    return new AnnotationStore(store, counts, options);
  }

  get readOnly(): boolean {
    return this.#store.readOnly;
  }

  /** The counts index, for a message when its file is damaged (`problem`). */
  get countsIndex(): AnnotationCountsIndex {
    return this.#counts;
  }

  /** Article `id`'s highlight and note counts, from the index (no file is read). */
  counts(id: string): AnnotationCounts {
    return this.#counts.get(id);
  }

  /** The ids of every article with annotations, from the counts index (no file is read). */
  annotatedIds(): string[] {
    return [...this.#counts.all().keys()].sort();
  }

  /**
   * The ids of every article that has an annotation file, from the folder itself: what exports and
   * backups go through, so a file the index could not count (a damaged one) is reported, not missed.
   */
  filedIds(): Promise<string[]> {
    return annotatedIdsOnDisk(annotationsDir(this.#store.dataDir));
  }

  /**
   * Article `id`'s highlights (in reading order, anchored on its current text) and notes (oldest
   * first). An article without annotations gives empty lists.
   * @throws StoreCorruptError / StoreVersionError for a damaged annotation file (kept as it is).
   */
  list(id: string): Promise<ArticleAnnotations> {
    return this.#enqueue(async () => {
      const file = (await this.#current(id)).data;
      await this.#correctCounts(id, file);
      return {
        articleId: id,
        highlights: inReadingOrder(file.highlights).map(copy),
        notes: [...file.notes].sort(byCreation).map(copy),
      };
    });
  }

  /**
   * Highlights `start`–`end` of article `id`'s body text; the selectors are made from the text.
   * @throws UnknownArticleError if the article is not in the library; InvalidAnnotationError for a
   *   range outside the text or of white space only, or a note too long; the file's errors.
   */
  addHighlight(id: string, input: NewHighlight): Promise<Highlight> {
    return this.#enqueue(async () => {
      const { text, fingerprint } = await this.#text(id);
      let { start, end } = input;
      if (
        !Number.isInteger(start) ||
        !Number.isInteger(end) ||
        start < 0 ||
        end > text.length ||
        start >= end
      ) {
        throw new InvalidAnnotationError(
          `Gazette did not save the highlight: ${start}–${end} is not a range of the article's text (0–${text.length}).`,
        );
      }
      // A selection often takes in the blank line between paragraphs; the highlight is the words.
      while (start < end && /\s/.test(text[start] ?? '')) start += 1;
      while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
      if (start === end) {
        throw new InvalidAnnotationError('Gazette did not save the highlight: the selection holds no words.');
      }
      const time = this.#now().toISOString();
      const highlight: Highlight = {
        id: this.#newId(),
        articleId: id,
        color: input.color ?? DEFAULT_HIGHLIGHT_COLOR,
        note: checkedNote(input.note ?? ''),
        createdAt: time,
        updatedAt: time,
        selectors: selectorsFor(text, start, end),
        anchor: { status: 'anchored', start, end },
      };
      const file = (await this.#current(id)).data;
      await this.#save(id, { ...file, anchoredTo: fingerprint, highlights: [...file.highlights, highlight] });
      return copy(highlight);
    });
  }

  /** Changes a highlight's colour or note. Returns it; throws UnknownAnnotationError if it is not there. */
  updateHighlight(id: string, highlightId: string, change: HighlightChange): Promise<Highlight> {
    return this.#enqueue(async () => {
      this.#assertInLibrary(id);
      const file = (await this.#current(id)).data;
      const found = file.highlights.find((highlight) => highlight.id === highlightId);
      if (!found) throw new UnknownAnnotationError('highlight', highlightId, id);
      const color = change.color ?? found.color;
      const note = change.note === undefined ? found.note : checkedNote(change.note);
      if (color === found.color && note === found.note) return copy(found);
      const updated: Highlight = { ...found, color, note, updatedAt: this.#now().toISOString() };
      const highlights = file.highlights.map((highlight) =>
        highlight.id === highlightId ? updated : highlight,
      );
      await this.#save(id, { ...file, highlights });
      return copy(updated);
    });
  }

  /** Deletes a highlight; returns it, so that undo can give it back to `restoreHighlight`. */
  deleteHighlight(id: string, highlightId: string): Promise<Highlight> {
    return this.#enqueue(async () => {
      this.#assertInLibrary(id);
      const file = (await this.#current(id)).data;
      const found = file.highlights.find((highlight) => highlight.id === highlightId);
      if (!found) throw new UnknownAnnotationError('highlight', highlightId, id);
      await this.#save(id, {
        ...file,
        highlights: file.highlights.filter((highlight) => highlight !== found),
      });
      return copy(found);
    });
  }

  /**
   * Puts back a deleted highlight with its id (undo), anchored on the current text. If a highlight
   * with that id is there, the one edited last is kept. Returns the highlight as stored.
   */
  restoreHighlight(id: string, highlight: Highlight): Promise<Highlight> {
    return this.#enqueue(async () => {
      const checked = parseOwned(highlightSchema, highlight, id, 'highlight');
      const { text, fingerprint } = await this.#text(id);
      const file = (await this.#current(id)).data;
      const existing = file.highlights.find((other) => other.id === checked.id);
      if (existing && existing.updatedAt >= checked.updatedAt) return copy(existing);
      const restored = reanchorHighlight(checked, text);
      const highlights = existing
        ? file.highlights.map((other) => (other.id === checked.id ? restored : other))
        : [...file.highlights, restored];
      await this.#save(id, { ...file, anchoredTo: fingerprint, highlights });
      return copy(restored);
    });
  }

  /** Adds a personal note to article `id`. @throws UnknownArticleError, InvalidAnnotationError. */
  addNote(id: string, text: string): Promise<Note> {
    return this.#enqueue(async () => {
      this.#assertInLibrary(id);
      const time = this.#now().toISOString();
      const note: Note = {
        id: this.#newId(),
        articleId: id,
        text: checkedNote(text),
        createdAt: time,
        updatedAt: time,
      };
      const file = (await this.#current(id)).data;
      await this.#save(id, { ...file, notes: [...file.notes, note] });
      return copy(note);
    });
  }

  /** Replaces a note's text (the renderer saves as the reader types). Returns the note. */
  updateNote(id: string, noteId: string, text: string): Promise<Note> {
    return this.#enqueue(async () => {
      this.#assertInLibrary(id);
      const file = (await this.#current(id)).data;
      const found = file.notes.find((note) => note.id === noteId);
      if (!found) throw new UnknownAnnotationError('note', noteId, id);
      const checked = checkedNote(text);
      if (checked === found.text) return copy(found);
      const updated: Note = { ...found, text: checked, updatedAt: this.#now().toISOString() };
      await this.#save(id, {
        ...file,
        notes: file.notes.map((note) => (note.id === noteId ? updated : note)),
      });
      return copy(updated);
    });
  }

  /** Deletes a note; returns it for undo (`restoreNote`). */
  deleteNote(id: string, noteId: string): Promise<Note> {
    return this.#enqueue(async () => {
      this.#assertInLibrary(id);
      const file = (await this.#current(id)).data;
      const found = file.notes.find((note) => note.id === noteId);
      if (!found) throw new UnknownAnnotationError('note', noteId, id);
      await this.#save(id, { ...file, notes: file.notes.filter((note) => note !== found) });
      return copy(found);
    });
  }

  /** Puts back a deleted note with its id; if one with that id is there, the one edited last is kept. */
  restoreNote(id: string, note: Note): Promise<Note> {
    return this.#enqueue(async () => {
      this.#assertInLibrary(id);
      const checked = parseOwned(noteSchema, note, id, 'note');
      const file = (await this.#current(id)).data;
      const existing = file.notes.find((other) => other.id === checked.id);
      if (existing && existing.updatedAt >= checked.updatedAt) return copy(existing);
      const notes = existing
        ? file.notes.map((other) => (other.id === checked.id ? checked : other))
        : [...file.notes, checked];
      await this.#save(id, { ...file, notes });
      return copy(checked);
    });
  }

  /**
   * Anchors again the highlights of articles an import just updated (their text changed): each
   * highlight is saved with its new status and place, `moved` or `detached`, never deleted.
   * Articles without highlights, or already anchored on this text, are skipped. Never throws: an
   * article whose file cannot be written is listed in `failed`, and is anchored again when its
   * annotations are next read (its file still names the old text).
   */
  async reanchorArticles(
    articles: readonly Article[],
  ): Promise<{ reanchored: string[]; failed: Array<{ id: string; error: string }> }> {
    const reanchored: string[] = [];
    const failed: Array<{ id: string; error: string }> = [];
    for (const article of articles) {
      if (this.#counts.get(article.id).highlights === 0) continue;
      try {
        const done = await this.#enqueue(async () => {
          const file = (await this.#open(article.id)).data;
          if (file.anchoredTo === article.fingerprint) return false;
          const text = articleText(article.blocks).text;
          this.#remember(article.id, article.fingerprint, text);
          await this.#save(article.id, anchoredOn(file, text, article.fingerprint));
          return true;
        });
        if (done) reanchored.push(article.id);
      } catch (error) {
        failed.push({ id: article.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return { reanchored, failed };
  }

  /**
   * Merges highlights and notes (from a backup) into article `id`'s, by id. New ones are added,
   * anchored on the current text. For one already here, the reader's words always stay, whatever
   * the dates say: when the other version's text (a highlight's note, a note's text) differs, it is
   * kept beside the reader's as a conflict (`conflicts`, from `backup`), once; an empty text of
   * the reader's is simply filled. Colours stay the reader's. Nothing is written when nothing
   * changes, so merging the same annotations twice changes nothing.
   */
  merge(
    id: string,
    incoming: { highlights: readonly Highlight[]; notes: readonly Note[] },
  ): Promise<MergeCounts> {
    return this.#enqueue(async () => {
      const { text, fingerprint } = await this.#text(id);
      const file = (await this.#current(id)).data;
      const at = this.#now().toISOString();
      const result: MergeCounts = {
        highlightsAdded: 0,
        highlightsUpdated: 0,
        notesAdded: 0,
        notesUpdated: 0,
        conflicts: 0,
      };
      const highlights = new Map(file.highlights.map((highlight) => [highlight.id, highlight]));
      for (const highlight of incoming.highlights) {
        const existing = highlights.get(highlight.id);
        if (!existing) {
          highlights.set(highlight.id, reanchorHighlight({ ...highlight, articleId: id }, text));
          result.highlightsAdded += 1;
          continue;
        }
        const merged = mergeText(existing, existing.note, highlight.note, highlight.updatedAt, at);
        if (merged === 'same') continue;
        if (merged === 'fill') {
          highlights.set(highlight.id, { ...existing, note: highlight.note, updatedAt: highlight.updatedAt });
          result.highlightsUpdated += 1;
        } else {
          highlights.set(highlight.id, { ...existing, conflicts: merged });
          result.conflicts += 1;
        }
      }
      const notes = new Map(file.notes.map((note) => [note.id, note]));
      for (const note of incoming.notes) {
        const existing = notes.get(note.id);
        if (!existing) {
          notes.set(note.id, { ...note, articleId: id });
          result.notesAdded += 1;
          continue;
        }
        const merged = mergeText(existing, existing.text, note.text, note.updatedAt, at);
        if (merged === 'same') continue;
        if (merged === 'fill') {
          notes.set(note.id, { ...existing, text: note.text, updatedAt: note.updatedAt });
          result.notesUpdated += 1;
        } else {
          notes.set(note.id, { ...existing, conflicts: merged });
          result.conflicts += 1;
        }
      }
      const changed =
        result.highlightsAdded +
        result.highlightsUpdated +
        result.notesAdded +
        result.notesUpdated +
        result.conflicts;
      if (changed > 0) {
        await this.#save(id, {
          ...file,
          anchoredTo: fingerprint,
          highlights: [...highlights.values()],
          notes: [...notes.values()],
        });
      }
      return result;
    });
  }

  /**
   * Forgets what this store holds in memory (open files, texts, counts) and reads the folder
   * again: after a failed restore put the files back as they were.
   */
  async reload(): Promise<void> {
    await this.#enqueue(async () => {
      this.#files.clear();
      this.#texts.clear();
      this.#counts = await openCountsIndex(this.#store);
    });
  }

  /**
   * Deletes the annotation files of `ids` (the caller has checked they are forgotten articles).
   * Returns the ids that had annotations.
   */
  forget(ids: readonly string[]): Promise<string[]> {
    return this.#enqueue(async () => {
      const dir = annotationsDir(this.#store.dataDir);
      const onDisk = new Set(await annotatedIdsOnDisk(dir));
      const forgotten = [...new Set(ids)].filter((id) => onDisk.has(id) || this.#counts.all().has(id));
      if (forgotten.length === 0) return [];
      this.#assertWritable();
      await this.#counts.set(forgotten.map((id) => [id, { highlights: 0, notes: 0 }] as const));
      for (const id of forgotten) {
        await unlinkIfThere(annotationFilePath(this.#store.dataDir, id));
        this.#files.delete(id);
      }
      await syncDir(dir);
      return forgotten;
    });
  }

  /**
   * Every annotated article's annotations (anchored on its current text), in id order. Articles
   * whose file is damaged are listed in `damaged`, not thrown: one bad file does not hide the rest.
   */
  async readAll(): Promise<{ articles: ArticleAnnotations[]; damaged: Array<{ id: string; error: Error }> }> {
    const articles: ArticleAnnotations[] = [];
    const damaged: Array<{ id: string; error: Error }> = [];
    for (const id of await this.filedIds()) {
      try {
        articles.push(await this.list(id));
      } catch (error) {
        damaged.push({ id, error: error instanceof Error ? error : new Error(String(error)) });
      }
    }
    return { articles, damaged };
  }

  /** Runs a change after the ones before it; a failure does not stop the ones after. */
  #enqueue<T>(run: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(run);
    this.#queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /**
   * The article's file, opened once and kept while it is among the last `OPEN_FILES` used; a
   * damaged file throws, and is tried again next time. (No write is ever under way outside the
   * queue, so a file dropped from the cache loses nothing; it is read again when next needed.)
   */
  async #open(id: string): Promise<Low<AnnotationFile>> {
    let db = this.#files.get(id);
    if (db) {
      this.#files.delete(id); // most recently used last
    } else {
      db = await openAnnotationFile(this.#store.dataDir, id, this.readOnly);
    }
    this.#files.set(id, db);
    if (this.#files.size > OPEN_FILES) {
      const oldest = this.#files.keys().next().value;
      if (oldest !== undefined) this.#files.delete(oldest);
    }
    return db;
  }

  /** The article's file with its highlights anchored on the article's current text. */
  async #current(id: string): Promise<Low<AnnotationFile>> {
    const db = await this.#open(id);
    const meta = this.#store.get(id); // only an article in the library has a text to anchor on
    if (meta && db.data.highlights.length > 0 && db.data.anchoredTo !== meta.fingerprint) {
      const { text, fingerprint } = await this.#text(id);
      const next = anchoredOn(db.data, text, fingerprint);
      if (this.readOnly) db.data = next;
      else await this.#save(id, next);
    }
    return db;
  }

  /** Article `id`'s body text and fingerprint. @throws UnknownArticleError if it is not in the library. */
  async #text(id: string): Promise<{ text: string; fingerprint: string }> {
    const meta = this.#assertInLibrary(id);
    const cached = this.#texts.get(id);
    if (cached?.fingerprint === meta.fingerprint) return cached;
    const article = await this.#store.readArticle(id);
    const text = articleText(article.blocks).text;
    this.#remember(id, article.fingerprint, text);
    return { text, fingerprint: article.fingerprint };
  }

  #remember(id: string, fingerprint: string, text: string): void {
    this.#texts.delete(id);
    this.#texts.set(id, { fingerprint, text });
    if (this.#texts.size > TEXT_CACHE_SIZE) this.#texts.delete(this.#texts.keys().next().value ?? id);
  }

  #assertInLibrary(id: string): ArticleMeta {
    const meta = this.#store.get(id);
    if (!meta) throw new UnknownArticleError(id, this.#store.dataDir);
    return meta;
  }

  #assertWritable(): void {
    // The file adapters refuse too; checked first so nothing, counts included, is half done.
    if (this.readOnly) {
      throw new StoreReadOnlyError(
        `The library at ${this.#store.dataDir} was opened read-only; Gazette did not change its annotations.`,
      );
    }
  }

  /**
   * Writes article `id`'s new annotations: the counts index first when a count changes (see
   * annotation-counts.ts), then the article's file, or its removal when nothing is left in it.
   * On failure memory is put back and the error thrown.
   */
  async #save(id: string, next: AnnotationFile): Promise<void> {
    this.#assertWritable();
    const db = await this.#open(id);
    const before = this.#counts.get(id);
    const after = countsOf(next);
    const countsChange = before.highlights !== after.highlights || before.notes !== after.notes;
    if (countsChange) await this.#counts.set([[id, after]]);
    const previous = db.data;
    db.data = next;
    try {
      if (after.highlights === 0 && after.notes === 0) {
        await unlinkIfThere(annotationFilePath(this.#store.dataDir, id));
        await syncDir(annotationsDir(this.#store.dataDir));
        db.data = emptyAnnotationFile(id);
      } else {
        await db.write();
      }
    } catch (error) {
      db.data = previous;
      if (countsChange) this.#counts.revert(id, before);
      throw error;
    }
  }

  /** Sets the index right if it disagrees with a file just read (a file restored by hand, say). */
  async #correctCounts(id: string, file: AnnotationFile): Promise<void> {
    const known = this.#counts.get(id);
    const actual = countsOf(file);
    if (known.highlights === actual.highlights && known.notes === actual.notes) return;
    if (this.readOnly) this.#counts.revert(id, actual);
    else await this.#counts.set([[id, actual]]).catch(() => this.#counts.revert(id, actual));
  }
}

/** The counts index of `store`'s annotation files (rebuilt from them when missing or damaged). */
function openCountsIndex(store: LibraryStore): Promise<AnnotationCountsIndex> {
  const dir = annotationsDir(store.dataDir);
  return AnnotationCountsIndex.open(store.dataDir, {
    readOnly: store.readOnly,
    annotatedIds: () => annotatedIdsOnDisk(dir),
    countFile: async (id) => {
      try {
        return countsOf((await openAnnotationFile(store.dataDir, id, true)).data);
      } catch {
        return undefined; // damaged: reported when the article's annotations are read
      }
    },
  });
}

/**
 * How the reader's `mine` and another version `theirs` of one text merge (see `merge`): `same`
 * (nothing to do: equal, or already kept as a conflict), `fill` (the reader's is empty: take
 * theirs), or the new list of conflicts with theirs added.
 */
function mergeText(
  existing: { conflicts?: AnnotationConflict[] | undefined },
  mine: string,
  theirs: string,
  theirUpdatedAt: string,
  at: string,
): 'same' | 'fill' | AnnotationConflict[] {
  if (theirs === mine) return 'same';
  const conflicts = existing.conflicts ?? [];
  if (conflicts.some((conflict) => conflict.text === theirs)) return 'same';
  if (mine === '') return 'fill';
  if (conflicts.length >= MAX_CONFLICTS) return 'same'; // bounded; the oldest versions stay
  return [...conflicts, { text: theirs, from: 'backup', at, updatedAt: theirUpdatedAt }];
}

/** `file` with its highlights anchored on `text`, which has `fingerprint`. */
function anchoredOn(file: AnnotationFile, text: string, fingerprint: string): AnnotationFile {
  return {
    ...file,
    anchoredTo: fingerprint,
    highlights: file.highlights.map((highlight) => reanchorHighlight(highlight, text)),
  };
}

function countsOf(file: AnnotationFile): AnnotationCounts {
  return { highlights: file.highlights.length, notes: file.notes.length };
}

function checkedNote(text: string): string {
  if (text.length > NOTE_MAX_LENGTH) {
    throw new InvalidAnnotationError(
      `Gazette did not save the note: it is ${text.length} characters long, and a note holds at most ${NOTE_MAX_LENGTH}.`,
    );
  }
  return text;
}

/** `value` checked against `schema` and found to belong to article `articleId`. */
function parseOwned<T extends { articleId: string }>(
  schema: z.ZodType<T>,
  value: unknown,
  articleId: string,
  kind: 'highlight' | 'note',
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidAnnotationError(`Gazette did not restore the ${kind}: ${describeIssues(parsed.error)}.`);
  }
  if (parsed.data.articleId !== articleId) {
    throw new InvalidAnnotationError(
      `Gazette did not restore the ${kind}: it belongs to article ${parsed.data.articleId}, not ${articleId}.`,
    );
  }
  return parsed.data;
}

function byCreation(a: Note, b: Note): number {
  return a.createdAt < b.createdAt
    ? -1
    : a.createdAt > b.createdAt
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

/** The ids of the annotation files in `dir` (none if it does not exist). */
async function annotatedIdsOnDisk(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).flatMap((name) => articleIdOfFile(name) ?? []).sort();
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return [];
    throw error;
  }
}

async function unlinkIfThere(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if (!(isErrnoException(error) && error.code === 'ENOENT')) throw error;
  }
}
