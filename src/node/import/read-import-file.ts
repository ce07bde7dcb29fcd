/**
 * Reads one import file of any supported format and gives its outcomes: the one dispatch from a
 * file's name (and first bytes) to its reader module. Runs in the parse workers; never throws.
 */
import { extname, resolve } from 'node:path';
import { issue } from './issues';
import type { FileOutcome } from './outcome';
import {
  articleFromBytes,
  failed,
  MAX_ARTICLE_BYTES,
  readBoundedSync,
  type FilePath,
} from './read-article-file';
import { readFormatFile, formatOfName, MAX_CONTAINER_BYTES } from './formats';

/** Reports progress inside a long file (one call per record), so the time budget follows it. */
export type OnRecord = () => void;

/**
 * Reads `file` (its real bytes are `raw` when its name is not valid UTF-8) and gives every
 * outcome it holds, in the file's order: one for a text file or a web page, one per record for
 * a multi-record file, and failures with their reason. Reads with blocking calls: for the
 * parse workers only (a zip's entries are read asynchronously, hence the promise).
 */
export async function readImportFile(
  file: string,
  raw?: Uint8Array,
  onRecord: OnRecord = () => {},
): Promise<FileOutcome[]> {
  const path = resolve(file);
  const readPath: FilePath = raw ?? path;
  const format = formatOfName(path);
  try {
    if (format === 'text') {
      return [articleFromBytes(path, readBoundedSync(readPath, MAX_ARTICLE_BYTES))];
    }
    const limit = format === 'html' || format === 'markdown' ? MAX_ARTICLE_BYTES : MAX_CONTAINER_BYTES;
    const what =
      limit === MAX_ARTICLE_BYTES ? 'an article' : `a ${extname(path).slice(1).toUpperCase()} file`;
    return await readFormatFile(format, path, readBoundedSync(readPath, limit, what), onRecord);
  } catch (error) {
    return [failed(path, error)];
  }
}

/** The outcome for a file that took longer than the time budget. */
export function tooSlow(path: string, seconds: number): FileOutcome {
  return { kind: 'failed', path, ...issue('too-slow', { seconds }) };
}

/** The outcome for a file whose reading stopped the worker thread (out of memory, a crash). */
export function crashed(path: string, detail: string): FileOutcome {
  return { kind: 'failed', path, ...issue('parser-crashed', { detail }) };
}
