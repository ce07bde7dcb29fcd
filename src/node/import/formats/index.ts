/**
 * The import formats beside plain text: which reader module reads a file, by its extension.
 * Each reader takes the file's bytes (already read within the size limit) and gives outcomes;
 * it may throw `ImportIssueError` for a problem with the whole file.
 */
import { extname } from 'node:path';
import type { FileOutcome } from '../outcome';

/**
 * The largest multi-record file (JSON, JSON Lines, CSV, zip): 200 MiB. A JSON Lines file of
 * 20,000 news articles is about 100 MB; an export zip with its pages about as much.
 */
export const MAX_CONTAINER_BYTES = 200 * 1024 * 1024;

export type FormatName = 'text' | 'markdown' | 'html' | 'json' | 'jsonl' | 'xml' | 'csv' | 'zip';

/** The format a file's name says; anything unknown is read as plain text. */
export function formatOfName(path: string): FormatName {
  switch (extname(path).toLowerCase()) {
    case '.md':
    case '.markdown':
      return 'markdown';
    case '.html':
    case '.htm':
    case '.xhtml':
      return 'html';
    case '.json':
      return 'json';
    case '.jsonl':
    case '.ndjson':
      return 'jsonl';
    case '.xml':
      return 'xml';
    case '.csv':
      return 'csv';
    case '.zip':
      return 'zip';
    default:
      return 'text';
  }
}

/**
 * Reads a file of a non-text format; `onRecord` is called after each record of a long file.
 * Each reader is loaded on first use: a worker that only reads text files never loads the DOM,
 * YAML, CSV or zip libraries, which would slow every worker's start (and every import's first
 * file) for nothing.
 */
export async function readFormatFile(
  format: Exclude<FormatName, 'text'>,
  path: string,
  bytes: Uint8Array,
  onRecord: () => void,
): Promise<FileOutcome[]> {
  switch (format) {
    case 'html':
      return (await import('./html')).readHtmlFile(path, bytes);
    case 'markdown':
      return [(await import('./markdown')).readMarkdownFile(path, bytes)];
    case 'json':
      return (await import('./records')).readJsonFile(path, bytes, onRecord);
    case 'jsonl':
      return (await import('./records')).readJsonLinesFile(path, bytes, onRecord);
    case 'xml':
      return (await import('./records')).readTrafilaturaXml(path, bytes, onRecord);
    case 'csv':
      return (await import('./csv')).readCsvFile(path, bytes);
    case 'zip':
      return (await import('./omnivore')).readOmnivoreZip(path, bytes, onRecord);
  }
}
