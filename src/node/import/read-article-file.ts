/**
 * Reads one plain-text file and makes an article of it, or says in one sentence why it cannot.
 * Never throws for a bad file: every outcome, good or bad, is a value the import report can show.
 * Also home of the bounded file read every format shares, and of `makeArticleOutcome`, the one
 * place a title and body blocks become an article (word count, language, fingerprint).
 */
import fs, { constants } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { ArticleMetadata, Block, Encoding, RemovedBlock } from '../../core/article';
import { formatSize } from '../../core/import-report';
import { decodeArticleBytes } from '../../core/parse/decode';
import { countWords, readingMinutes } from '../../core/parse/metrics';
import { parseArticleText } from '../../core/parse/structure';
import { fingerprint } from './fingerprint';
import { ImportIssueError, issue, issueFromError } from './issues';
import { detectLanguage, languageSample } from './language';
import type { ArticleOutcome, FailedOutcome, ReaderData } from './outcome';

export type { ArticleOutcome, FailedOutcome, FileOutcome } from './outcome';

/** What reading a one-article file gives. */
export type SingleOutcome = ArticleOutcome | FailedOutcome;

/**
 * The largest file read as an article: 5 MiB. The longest news articles are a few tens of
 * kilobytes (a 10,000-word long read is ~60 KB), so anything near this is a log, a dump or a
 * book, and reading it whole would only cost memory.
 */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export interface ReadArticleOptions {
  /** Files larger than this fail without being read; defaults to `MAX_ARTICLE_BYTES`. */
  maxBytes?: number;
}

/** A path as given, or the raw bytes of a path whose name is not valid UTF-8. */
export type FilePath = string | Uint8Array;

/**
 * Reads, decodes and parses one article file. Resolves to `failed` with a message for a person
 * when the file is missing, unreadable, not a regular file, too large, binary, empty, or has
 * a title and nothing else.
 */
export async function readArticleFile(
  file: string,
  options: ReadArticleOptions = {},
): Promise<SingleOutcome> {
  const path = resolve(file);
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(path, options.maxBytes ?? MAX_ARTICLE_BYTES);
  } catch (error) {
    return failed(path, error);
  }
  return articleFromBytes(path, bytes);
}

/**
 * `readArticleFile` with blocking reads, for the parse workers: a worker thread may block,
 * and reading in place saves the hops to libuv's thread pool (four threads shared by the
 * whole process), which on a 2-core machine cost more than the reads themselves.
 * Never call it on the main thread.
 */
export function readArticleFileSync(file: string, options: ReadArticleOptions = {}): SingleOutcome {
  const path = resolve(file);
  let bytes: Uint8Array;
  try {
    bytes = readBoundedSync(path, options.maxBytes ?? MAX_ARTICLE_BYTES);
  } catch (error) {
    return failed(path, error);
  }
  return articleFromBytes(path, bytes);
}

/** The failed outcome for whatever reading `path` threw. */
export function failed(path: string, error: unknown): FailedOutcome {
  return { kind: 'failed', path, ...issueFromError(error) };
}

/**
 * Decodes a file's bytes as text (see `decodeArticleBytes`), refusing binary data.
 * @throws ImportIssueError `empty` or `binary`.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes.length === 0) throw new ImportIssueError('empty');
  const decoded = decodeArticleBytes(bytes);
  // UTF-16 is decoded first, so a NUL left in the text means bytes that are not text.
  if (decoded.text.includes('\0')) throw new ImportIssueError('binary');
  return decoded;
}

/**
 * Makes an article of a file's bytes, without touching the disk. `path` must be absolute;
 * it names the article's source and its section (the parent folder's name).
 */
export function articleFromBytes(
  path: string,
  bytes: Uint8Array,
  templateLines?: ReadonlySet<string>,
): SingleOutcome {
  try {
    const { text, encoding } = decodeText(bytes);
    return articleFromText(path, path, text, encoding, {}, templateLines ? { templateLines } : {});
  } catch (error) {
    return failed(path, error);
  }
}

/**
 * Makes an article of plain text whose first non-empty line is the title (the cleaner's input).
 * @throws ImportIssueError `blank` or `title-only`.
 */
export function articleFromText(
  path: string,
  source: string,
  text: string,
  encoding: Encoding,
  metadata: ArticleMetadata,
  extra: { language?: string; readerData?: ReaderData; templateLines?: ReadonlySet<string> } = {},
): ArticleOutcome {
  const { templateLines, ...rest } = extra;
  const parsed = parseArticleText(text, undefined, templateLines ? { templateLines } : {});
  const { title, blocks, removed } = parsed;
  return makeArticleOutcome({
    path,
    source,
    encoding,
    title,
    blocks,
    removed,
    metadata: mergeMetadata(parsed.metadata, metadata),
    ...rest,
  });
}

/**
 * The metadata the cleaner read in the text (date lines, bylines, a `Tags:` line) completed and
 * overridden by what the format told in its own fields (a scraper's `author`, `date`...): a
 * field is more reliable than a line guessed from its shape. Undefined fields never override.
 */
export function mergeMetadata(
  fromText: ArticleMetadata | undefined,
  fromFormat: ArticleMetadata,
): ArticleMetadata {
  const merged: ArticleMetadata = { ...fromText };
  for (const [key, value] of Object.entries(fromFormat) as [keyof ArticleMetadata, unknown][]) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** The parts every format gives; `language` is a hint (BCP 47) the text is checked against. */
export interface ArticleParts {
  path: string;
  source: string;
  encoding: Encoding;
  title: string;
  blocks: Block[];
  removed: RemovedBlock[];
  metadata: ArticleMetadata;
  language?: string;
  readerData?: ReaderData;
}

/**
 * The one place a title and body blocks become an article: word count, language, reading time
 * and fingerprint.
 * @throws ImportIssueError `blank` when there is no title, `title-only` when there is no body.
 */
export function makeArticleOutcome(parts: ArticleParts): ArticleOutcome {
  const { title, blocks } = parts;
  if (!title) throw new ImportIssueError('blank');
  if (blocks.length === 0) throw new ImportIssueError('title-only');
  let wordCount = 0;
  for (const block of blocks) wordCount += countWords(block.text);
  // The text decides: a scraper's `language` field is often the site's, not the article's.
  const detected = detectLanguage(languageSample(title, blocks));
  const hint = parts.language?.toLowerCase().split(/[-_]/)[0];
  const language = detected === 'und' && hint && /^[a-z]{2,3}$/.test(hint) ? hint : detected;
  const outcome: ArticleOutcome = {
    kind: 'article',
    path: parts.path,
    source: parts.source,
    encoding: parts.encoding,
    fingerprint: fingerprint(title, blocks),
    section: basename(dirname(parts.path)),
    article: {
      title,
      blocks,
      removed: parts.removed,
      language,
      wordCount,
      readingMinutes: readingMinutes(wordCount, language),
    },
    metadata: parts.metadata,
  };
  if (parts.readerData) outcome.readerData = parts.readerData;
  return outcome;
}

/** `O_NONBLOCK` makes opening a named pipe return at once instead of waiting for a writer. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a whole regular file of at most `maxBytes`; the size is checked before reading, so a
 * huge file costs nothing and a pipe or device is turned away unread.
 *
 * Callback `fs` rather than `fs/promises`: a `FileHandle` costs a promise and a JS round trip
 * per step, which is about half the time of reading a small article from the page cache;
 * chaining callbacks reads the BBC corpus about twice as fast.
 */
export function readBounded(path: FilePath, maxBytes: number, what = 'an article'): Promise<Uint8Array> {
  return new Promise((resolveBytes, reject) => {
    fs.open(toPathLike(path), OPEN_FLAGS, (openError, fd) => {
      if (openError) return reject(openError);
      // A read-only descriptor has nothing to flush: a failing close cannot lose data.
      const finish = (error: unknown, bytes?: Uint8Array): void =>
        fs.close(fd, () => (error ? reject(error) : resolveBytes(bytes!)));

      fs.fstat(fd, (statError, stat) => {
        if (statError) return finish(statError);
        if (stat.isDirectory()) return finish(new ImportIssueError('is-a-folder'));
        if (!stat.isFile()) {
          return finish(new ImportIssueError('not-a-file'));
        }
        if (stat.size > maxBytes) return finish(tooLarge(stat.size, maxBytes, what));

        // Ask for size + 1 bytes: a short read is the end of the file; a full one means the
        // file grew since `fstat`, so read on, still within the limit.
        let buffer = Buffer.allocUnsafe(stat.size + 1);
        let length = 0;
        const readMore = (): void => {
          fs.read(fd, buffer, length, buffer.length - length, length, (readError, bytesRead) => {
            if (readError) return finish(readError);
            length += bytesRead;
            if (length > maxBytes) return finish(tooLarge(length, maxBytes, what));
            if (length < buffer.length) return finish(null, buffer.subarray(0, length));
            const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
            buffer.copy(bigger, 0, 0, length);
            buffer = bigger;
            readMore();
          });
        };
        readMore();
      });
    });
  });
}

/** `readBounded` with blocking calls: the same checks, in the same order. */
export function readBoundedSync(path: FilePath, maxBytes: number, what = 'an article'): Uint8Array {
  const fd = fs.openSync(toPathLike(path), OPEN_FLAGS);
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new ImportIssueError('is-a-folder');
    if (!stat.isFile()) throw new ImportIssueError('not-a-file');
    if (stat.size > maxBytes) throw tooLarge(stat.size, maxBytes, what);
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      length += fs.readSync(fd, buffer, length, buffer.length - length, length);
      if (length > maxBytes) throw tooLarge(length, maxBytes, what);
      if (length < buffer.length) return buffer.subarray(0, length);
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A raw path's bytes as the Buffer `fs` takes (no copy). */
function toPathLike(path: FilePath): string | Buffer {
  return typeof path === 'string' ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength);
}

function tooLarge(size: number, maxBytes: number, what: string): ImportIssueError {
  return new ImportIssueError('too-large', { size: formatSize(size), limit: formatSize(maxBytes), what });
}

/** One sentence for a person from whatever reading threw. */
export function describeReadError(error: unknown): string {
  return issueFromError(error).error;
}

/** Kept for callers that only need the issue. */
export { issue };
