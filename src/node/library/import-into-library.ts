/**
 * Imports files and folders into the library: reads each file, decides whether it is new,
 * changed, unchanged or a duplicate, and commits the batch to the store in one durable write.
 *
 * Identity rules (from the foundation issue):
 * - an article is known by its source path: re-importing the same path with the same text
 *   changes nothing; with other text it updates that article in place (same id, user data kept);
 * - a file at a new path whose fingerprint matches a stored article is a duplicate: reported
 *   with the id it duplicates, not stored twice;
 * - re-importing the path of a REMOVED article brings it back (same id, so its reading progress
 *   and other user data come back with it), with the file's current text, as a fresh import:
 *   reported as imported, and listed with the newest.
 * After each commit, the articles it updated go to `onArticlesUpdated`, so the reader's highlights
 * follow their words into the new text (the app and the command line pass the annotation store's
 * `reanchorArticles`).
 *
 * A record of a multi-record file (JSON Lines, another reader's export) is an article like any
 * other, whose source is the file's path plus `#` and the record's key. Every file is parsed in
 * the parse workers, never on this thread (see parse-pool.ts).
 */
import { sep } from 'node:path';
import type { Article } from '../../core/article';
import { emptyImportReport, type ImportProgress, type ImportReport } from '../../core/import-report';
import { makeExcerpt } from '../../core/parse/metrics';
import { outcomeWithReaderChoices } from '../cleaning/reader-cleaning';
import { collectImportFiles } from '../import/collect-files';
import { skipIssue } from '../import/issues';
import type { ArticleOutcome, FileOutcome, ReaderData } from '../import/outcome';
import { sharedParsePool, type ImportFile, type ParsePool } from '../import/parse-pool';
import { articleIdForSource, type LibraryStore } from '../store';
import { bodyTextOf, locateQuote } from './take-reader-data';

/** An article committed by this import with the reader's data its source carried. */
export interface CarriedReaderData {
  /** The article's id in the library. */
  id: string;
  article: Article;
  readerData: ReaderData;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Worker threads to parse on; the process's shared pool from sources when not given (the
   * command line, tests). Every import parses there, never on the calling thread.
   */
  parsePool?: ParsePool;
  /**
   * Called after each commit with the articles of that commit that came with reading state,
   * tags or highlights (Omnivore, Wallabag), for the progress, tag and annotation stores to take
   * in (highlights anchored by their quote). Same rules as `onArticlesUpdated`. Without it the
   * data is only counted in the report's `carried`.
   */
  onReaderData?: (entries: CarriedReaderData[]) => Promise<void>;
  /** The import's clock; tests pass a fixed one. */
  now?: () => Date;
  /**
   * Called after each commit, once it is on disk, with the articles that commit updated (their
   * text changed, or a removed article came back). Awaited before the import goes on; it should
   * not throw, as the commit is done by then (an error is the import's error).
   */
  onArticlesUpdated?: (articles: Article[]) => Promise<void>;
  /**
   * Called after each commit (and after `onArticlesUpdated`) with every article it added or
   * updated, e.g. to index them for search. Same rules as `onArticlesUpdated`.
   */
  onArticlesCommitted?: (articles: Article[]) => Promise<void>;
}

/** Progress is reported every this many files (and at the end). */
const PROGRESS_EVERY = 25;

/** Articles per commit: bounds the memory an import holds before it writes. */
const COMMIT_BATCH = 5_000;

export async function importIntoLibrary(
  store: LibraryStore,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const now = options.now ?? (() => new Date());
  const report = emptyImportReport();
  const collected = await collectImportFiles(paths);
  // A folder that holds the library's own data folder (or is it) must not import the library's
  // files as articles: they are left out, and said so once.
  const ownData = store.dataDir + sep;
  const ownFiles = collected.files.filter((file) => file.startsWith(ownData));
  if (ownFiles.length > 0) {
    collected.files = collected.files.filter((file) => !file.startsWith(ownData));
    report.skipped.push({ path: store.dataDir, ...skipIssue('library-data') });
  }
  report.skipped.push(...collected.skipped);
  report.failed.push(...collected.failed);

  const files: ImportFile[] = [...new Set(collected.files)].map((path) => {
    const raw = collected.rawPaths.get(path);
    return raw ? { path, raw } : { path };
  });
  const total = files.length;
  let done = 0;
  options.onProgress?.({ done, total });

  // Articles of this run not committed yet, so duplicates within one run are caught too.
  const pendingByFingerprint = new Map<string, string>();
  // Sources of this run not committed yet: a record met twice is one article.
  const pendingBySource = new Map<string, string>();
  let added: Article[] = [];
  let updated: Article[] = [];
  let carried: CarriedReaderData[] = [];

  const flush = async (): Promise<void> => {
    if (added.length === 0 && updated.length === 0 && carried.length === 0) return;
    const committed = updated;
    const all = [...added, ...updated];
    const withReaderData = carried;
    if (all.length > 0) await store.commit({ added, updated });
    added = [];
    updated = [];
    carried = [];
    pendingByFingerprint.clear();
    pendingBySource.clear();
    if (committed.length > 0) await options.onArticlesUpdated?.(committed);
    if (all.length > 0) await options.onArticlesCommitted?.(all);
    if (withReaderData.length > 0) await options.onReaderData?.(withReaderData);
  };

  /** Counts what the source carried, and keeps it for `onReaderData`. */
  const carry = (article: Article, readerData: ReaderData | undefined): Article => {
    if (!readerData) return article;
    carried.push({ id: article.id, article, readerData });
    report.carried.articles += 1;
    report.carried.tags += readerData.tags.length;
    // A highlight without words is no highlight: the readers drop them, this never counts one.
    report.carried.highlights += readerData.highlights.filter(({ quote }) => quote.trim()).length;
    if (readerData.highlights.length > 0) {
      // Highlights from exports have no position: they are anchored by their quote, with the
      // same search `takeReaderData` saves them with; one whose words are not in the text is
      // kept and shows as detached.
      const body = bodyTextOf(article.blocks);
      for (const { quote } of readerData.highlights)
        if (quote.trim() && locateQuote(body, quote) === null) report.carried.detached += 1;
    }
    return article;
  };

  const place = (parsed: FileOutcome): void => {
    // The reader's cleaning choices on an article the library holds stay on its new text.
    const held = parsed.kind === 'article' ? store.findBySource(parsed.source) : undefined;
    const outcome =
      parsed.kind === 'article' && held
        ? outcomeWithReaderChoices(parsed, store.cleaningOverrides(held.id))
        : parsed;
    if (outcome.kind === 'failed') {
      const { path, error, code, values } = outcome;
      report.failed.push(values === undefined ? { path, error, code } : { path, error, code, values });
      return;
    }
    if (outcome.kind === 'link-only') {
      report.linkOnly.push({ path: outcome.path, count: outcome.count });
      return;
    }
    const { source: path, fingerprint } = outcome;
    const inThisRun = pendingBySource.get(path);
    if (inThisRun !== undefined) {
      report.duplicates.push({ path, of: inThisRun });
      return;
    }
    const time = now().toISOString();
    const known = store.findBySource(path);
    if (known?.removedAt !== undefined) {
      // An update replaces the whole record, removal mark included. The body is written again
      // even when the text is the same: one line in the new pack, for one code path.
      pendingByFingerprint.set(fingerprint, known.id);
      pendingBySource.set(path, known.id);
      updated.push(carry(toArticle(outcome, known.id, time, time), outcome.readerData));
      report.imported += 1;
      return;
    }
    if (known) {
      if (known.fingerprint === fingerprint) {
        report.unchanged += 1;
        // The text is the same, but the export may carry new labels or highlights since the
        // last import: taken again (idempotently), so an updated export is never half-read.
        carry(toArticle(outcome, known.id, known.importedAt, known.updatedAt), outcome.readerData);
        return;
      }
      pendingBySource.set(path, known.id);
      updated.push(carry(toArticle(outcome, known.id, known.importedAt, time), outcome.readerData));
      report.updated += 1;
      return;
    }
    const original = store.findByFingerprint(fingerprint)?.id ?? pendingByFingerprint.get(fingerprint);
    if (original) {
      report.duplicates.push({ path, of: original });
      return;
    }
    const id = articleIdForSource(path);
    pendingByFingerprint.set(fingerprint, id);
    pendingBySource.set(path, id);
    added.push(carry(toArticle(outcome, id, time, time), outcome.readerData));
    report.imported += 1;
  };

  const take = async (outcome: FileOutcome): Promise<void> => {
    place(outcome);
    if (added.length + updated.length + carried.length >= COMMIT_BATCH) await flush();
  };
  const fileDone = (): void => {
    done += 1;
    if (done % PROGRESS_EVERY === 0 || done === total) options.onProgress?.({ done, total });
  };
  await (options.parsePool ?? sharedParsePool()).parseInOrder(files, take, fileDone);
  await flush();
  return report;
}

function toArticle(outcome: ArticleOutcome, id: string, importedAt: string, updatedAt: string): Article {
  const { article } = outcome;
  return {
    // What the format told (author, site, URL...): kept by the store once its schema has the
    // fields (the store's own issue); the text and identity below never depend on it.
    ...definedOnly(outcome.metadata),
    id,
    title: article.title,
    language: article.language,
    section: outcome.section,
    source: outcome.source,
    encoding: outcome.encoding,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    fingerprint: outcome.fingerprint,
    excerpt: makeExcerpt(article.blocks),
    importedAt,
    updatedAt,
    blocks: article.blocks,
    removed: article.removed,
  };
}

/** The fields of `object` that are not `undefined` (the store's schema refuses `undefined`). */
function definedOnly<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
