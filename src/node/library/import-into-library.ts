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
 */
import type { Article } from '../../core/article';
import { emptyImportReport, type ImportProgress, type ImportReport } from '../../core/import-report';
import { makeExcerpt } from '../../core/parse/metrics';
import { collectImportFiles } from '../import/collect-files';
import { POOL_MIN_FILES, type ParsePool } from '../import/parse-pool';
import { readArticleFile, type FileOutcome } from '../import/read-article-file';
import { articleIdForSource, type LibraryStore } from '../store';

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Worker threads to parse on, used for imports of `POOL_MIN_FILES` files or more. */
  parsePool?: ParsePool;
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

/**
 * Files read at once. Reads go to libuv's thread pool (4 threads by default), so a few more
 * than that keeps it busy without holding thousands of buffers in memory.
 */
const READ_CONCURRENCY = 16;

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
  report.skipped.push(...collected.skipped);
  report.failed.push(...collected.failed);

  const files = [...new Set(collected.files)];
  const total = files.length;
  let done = 0;
  options.onProgress?.({ done, total });

  // Articles of this run not committed yet, so duplicates within one run are caught too.
  const pendingByFingerprint = new Map<string, string>();
  let added: Article[] = [];
  let updated: Article[] = [];

  const flush = async (): Promise<void> => {
    if (added.length === 0 && updated.length === 0) return;
    const committed = updated;
    const all = [...added, ...updated];
    await store.commit({ added, updated });
    added = [];
    updated = [];
    pendingByFingerprint.clear();
    if (committed.length > 0) await options.onArticlesUpdated?.(committed);
    await options.onArticlesCommitted?.(all);
  };

  const place = (outcome: FileOutcome): void => {
    if (outcome.kind === 'failed') {
      report.failed.push({ path: outcome.path, error: outcome.error });
      return;
    }
    const { path, fingerprint } = outcome;
    const time = now().toISOString();
    const known = store.findBySource(path);
    if (known?.removedAt !== undefined) {
      // An update replaces the whole record, removal mark included. The body is written again
      // even when the text is the same: one line in the new pack, for one code path.
      pendingByFingerprint.set(fingerprint, known.id);
      updated.push(toArticle(outcome, known.id, time, time));
      report.imported += 1;
      return;
    }
    if (known) {
      if (known.fingerprint === fingerprint) {
        report.unchanged += 1;
        return;
      }
      updated.push(toArticle(outcome, known.id, known.importedAt, time));
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
    added.push(toArticle(outcome, id, time, time));
    report.imported += 1;
  };

  const take = async (outcome: FileOutcome): Promise<void> => {
    place(outcome);
    done += 1;
    if (done % PROGRESS_EVERY === 0 || done === total) options.onProgress?.({ done, total });
    if (added.length + updated.length >= COMMIT_BATCH) await flush();
  };
  if (options.parsePool && files.length >= POOL_MIN_FILES) {
    await options.parsePool.parseInOrder(files, take);
  } else {
    await parseInThread(files, take);
  }
  await flush();
  return report;
}

/**
 * Reads and parses files on this thread, `READ_CONCURRENCY` reads under way at once, handing
 * each outcome to `onOutcome` in the order of `files` (so reports are deterministic).
 */
async function parseInThread(
  files: string[],
  onOutcome: (outcome: FileOutcome) => Promise<void>,
): Promise<void> {
  const inFlight: Promise<FileOutcome>[] = [];
  let next = 0;
  const launch = (): void => {
    while (inFlight.length < READ_CONCURRENCY && next < files.length)
      inFlight.push(readArticleFile(files[next++] ?? ''));
  };
  launch();
  while (inFlight.length > 0) {
    const outcome = await (inFlight.shift() as Promise<FileOutcome>);
    launch();
    await onOutcome(outcome);
  }
}

function toArticle(
  outcome: Extract<FileOutcome, { kind: 'article' }>,
  id: string,
  importedAt: string,
  updatedAt: string,
): Article {
  const { article } = outcome;
  return {
    id,
    title: article.title,
    language: article.language,
    section: outcome.section,
    source: outcome.path,
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
