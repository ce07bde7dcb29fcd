/**
 * Reads one file and makes an article of it, or says in one sentence why it cannot. Never
 * throws for a bad file: every outcome, good or bad, is a value the import report can show.
 */
import fs, { constants } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Encoding, ParsedArticle } from '../../core/article';
import { decodeArticleBytes } from '../../core/parse/decode';
import { countWords, readingMinutes } from '../../core/parse/metrics';
import { parseArticleText } from '../../core/parse/structure';
import { fingerprint } from './fingerprint';
import { detectLanguage, languageSample } from './language';

/**
 * The largest file read as an article: 5 MiB. The longest news articles are a few tens of
 * kilobytes (a 10,000-word long read is ~60 KB), so anything near this is a log, a dump or a
 * book, and reading it whole would only cost memory.
 */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** What reading one file gave: an article, or the reason there is none. */
export type FileOutcome =
  | {
      kind: 'article';
      /** Absolute path (`path.resolve`, symbolic links not followed): the article's source. */
      path: string;
      encoding: Encoding;
      /** SHA-256 of the canonical text; see `fingerprint.ts`. */
      fingerprint: string;
      /** Name of the folder holding the file, e.g. `business`. */
      section: string;
      article: ParsedArticle;
    }
  | { kind: 'failed'; path: string; error: string };

export interface ReadArticleOptions {
  /** Files larger than this fail without being read; defaults to `MAX_ARTICLE_BYTES`. */
  maxBytes?: number;
}

/** A problem with the file itself, worded for a person. */
class UnreadableFile extends Error {}

/**
 * Reads, decodes and parses one article file. Resolves to `failed` with a message for a person
 * when the file is missing, unreadable, not a regular file, too large, binary, empty, or has
 * a title and nothing else.
 */
export async function readArticleFile(file: string, options: ReadArticleOptions = {}): Promise<FileOutcome> {
  const path = resolve(file);
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(path, options.maxBytes ?? MAX_ARTICLE_BYTES);
  } catch (error) {
    return { kind: 'failed', path, error: describeReadError(error) };
  }
  return articleFromBytes(path, bytes);
}

/**
 * `readArticleFile` with blocking reads, for the parse workers: a worker thread may block,
 * and reading in place saves the hops to libuv's thread pool (four threads shared by the
 * whole process), which on a 2-core machine cost more than the reads themselves.
 * Never call it on the main thread.
 */
export function readArticleFileSync(file: string, options: ReadArticleOptions = {}): FileOutcome {
  const path = resolve(file);
  let bytes: Uint8Array;
  try {
    bytes = readBoundedSync(path, options.maxBytes ?? MAX_ARTICLE_BYTES);
  } catch (error) {
    return { kind: 'failed', path, error: describeReadError(error) };
  }
  return articleFromBytes(path, bytes);
}

/**
 * Makes an article of a file's bytes, without touching the disk. `path` must be absolute;
 * it names the article's source and its section (the parent folder's name).
 */
export function articleFromBytes(path: string, bytes: Uint8Array): FileOutcome {
  const fail = (error: string): FileOutcome => ({ kind: 'failed', path, error });
  if (bytes.length === 0) return fail('empty file');
  if (bytes.indexOf(0) !== -1) {
    // UTF-16 text is full of NUL bytes too: say what it is rather than "binary".
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return fail(
      utf16
        ? 'the file is UTF-16 text, which is not supported: save it as UTF-8'
        : 'binary file (contains NUL bytes), not an article',
    );
  }

  const { text, encoding } = decodeArticleBytes(bytes);
  const { title, blocks, removed } = parseArticleText(text);
  if (!title) return fail('empty file (only white space)');
  if (blocks.length === 0) return fail('the file has a title but no body text');

  let wordCount = 0;
  for (const block of blocks) wordCount += countWords(block.text);
  const language = detectLanguage(languageSample(title, blocks));
  return {
    kind: 'article',
    path,
    encoding,
    fingerprint: fingerprint(title, blocks),
    section: basename(dirname(path)),
    article: {
      title,
      blocks,
      removed,
      language,
      wordCount,
      readingMinutes: readingMinutes(wordCount, language),
    },
  };
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
function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolveBytes, reject) => {
    fs.open(path, OPEN_FLAGS, (openError, fd) => {
      if (openError) return reject(openError);
      // A read-only descriptor has nothing to flush: a failing close cannot lose data.
      const finish = (error: unknown, bytes?: Uint8Array): void =>
        fs.close(fd, () => (error ? reject(error) : resolveBytes(bytes!)));

      fs.fstat(fd, (statError, stat) => {
        if (statError) return finish(statError);
        if (stat.isDirectory()) return finish(new UnreadableFile('this is a folder, not a file'));
        if (!stat.isFile()) {
          return finish(new UnreadableFile('not a regular file (a pipe, socket or device), not an article'));
        }
        if (stat.size > maxBytes) return finish(new UnreadableFile(tooLarge(stat.size, maxBytes)));

        // Ask for size + 1 bytes: a short read is the end of the file; a full one means the
        // file grew since `fstat`, so read on, still within the limit.
        let buffer = Buffer.allocUnsafe(stat.size + 1);
        let length = 0;
        const readMore = (): void => {
          fs.read(fd, buffer, length, buffer.length - length, length, (readError, bytesRead) => {
            if (readError) return finish(readError);
            length += bytesRead;
            if (length > maxBytes) return finish(new UnreadableFile(tooLarge(length, maxBytes)));
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
function readBoundedSync(path: string, maxBytes: number): Uint8Array {
  const fd = fs.openSync(path, OPEN_FLAGS);
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new UnreadableFile('this is a folder, not a file');
    if (!stat.isFile())
      throw new UnreadableFile('not a regular file (a pipe, socket or device), not an article');
    if (stat.size > maxBytes) throw new UnreadableFile(tooLarge(stat.size, maxBytes));
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      length += fs.readSync(fd, buffer, length, buffer.length - length, length);
      if (length > maxBytes) throw new UnreadableFile(tooLarge(length, maxBytes));
      if (length < buffer.length) return buffer.subarray(0, length);
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function tooLarge(size: number, maxBytes: number): string {
  return `file is ${formatSize(size)}, over the ${formatSize(maxBytes)} limit for an article`;
}

/** `512 bytes`, `12.3 KB`, `5 MB` (binary units, as file managers show them). */
function formatSize(bytes: number): string {
  const format = (value: number, unit: string): string => `${Number(value.toFixed(1))} ${unit}`;
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'KB');
  return format(bytes / (1024 * 1024), 'MB');
}

/** System error codes in words. The path is not repeated: the report shows it beside the error. */
const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'no such file or folder (a part of its path is a file)',
  EACCES: 'cannot read the file: permission denied',
  EPERM: 'cannot read the file: permission denied',
  EISDIR: 'this is a folder, not a file',
  ELOOP: 'cannot read the file: its symbolic links form a loop',
  ENAMETOOLONG: 'cannot read the file: its path is too long',
  EMFILE: 'cannot read the file: too many files are open',
  ENFILE: 'cannot read the file: too many files are open',
  EIO: 'cannot read the file: input/output error (a disk or network problem)',
  EBUSY: 'cannot read the file: it is locked by another program',
};

/** One sentence for a person from whatever reading threw. */
export function describeReadError(error: unknown): string {
  if (error instanceof UnreadableFile) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? READ_ERRORS[code] : undefined;
  if (known) return known;
  return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
}
