/**
 * Pocket's and Instapaper's CSV exports: links without the article's text. Gazette is offline,
 * so nothing is made of them: the file is reported as "link only, no text to import" with the
 * number of links. Columns are found by header name (their order varies between versions).
 */
import { parse } from 'csv-parse/sync';
import { ImportIssueError } from '../issues';
import type { FileOutcome } from '../outcome';
import { decodeText } from '../read-article-file';

/** Reads a CSV export. @throws ImportIssueError for a CSV that is not a known export. */
export function readCsvFile(path: string, bytes: Uint8Array): FileOutcome[] {
  const { text } = decodeText(bytes);
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      bom: true,
    }) as Record<string, string>[];
  } catch (error) {
    throw new ImportIssueError('unsupported-format', {
      detail: `not a readable CSV file (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  const columns = new Set(Object.keys(rows[0] ?? {}));
  // Pocket: title,url,time_added,tags,status. Instapaper: URL,Title,Selection,Folder,Timestamp.
  const isPocket = columns.has('url') && columns.has('time_added');
  const isInstapaper = columns.has('url') && columns.has('folder');
  if (!isPocket && !isInstapaper) {
    throw new ImportIssueError('unsupported-format', {
      detail:
        'a CSV file that is not a Pocket or Instapaper export (no "url" with "time_added" or "folder" column)',
    });
  }
  const count = rows.filter((row) => /^https?:\/\//i.test(row.url?.trim() ?? '')).length;
  return [{ kind: 'link-only', path, count }];
}
