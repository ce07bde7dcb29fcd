/**
 * Cross-document evidence: lines that stand at the edges of many files of one folder are the
 * site's template (its share row, its newsletter pitch, its footer), something no rule about a
 * single file can know. Pure functions; the importer gathers the edge lines of a folder's files
 * with `edgeLines`, asks `findTemplateLines`, then passes the result to `parseArticleText` as
 * `options.templateLines`.
 */
import { lineShape } from './line-shape';

/** Lines taken from each edge of a file: site text at the head or tail is rarely longer. */
export const EDGE_LINES = 12;

/** NFC, white space folded, lower case: how two copies of a template line compare. */
export function normaliseLine(text: string): string {
  return text.normalize('NFC').split(WHITE_SPACE).filter(Boolean).join(' ').toLowerCase();
}
const WHITE_SPACE = /\s/u;

/** The edges of one file's text: its first and last `count` body lines (the title excluded). */
export interface FileEdges {
  head: string[];
  tail: string[];
}

/** The first and last `count` non-empty lines after the title of a text (LF or CRLF endings). */
export function edgeLines(text: string, count: number = EDGE_LINES): FileEdges {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line) lines.push(line);
  }
  const body = lines.slice(1);
  if (body.length <= 2 * count) {
    const half = Math.ceil(body.length / 2);
    return { head: body.slice(0, half), tail: body.slice(half) };
  }
  return { head: body.slice(0, count), tail: body.slice(-count) };
}

/** How many files, and what share of the folder, must repeat a line for it to be template. */
export interface TemplateThresholds {
  /** At least this many files (default 3): two files may share a line by chance. */
  minFiles?: number;
  /** And at least this share of the folder's files (default 0.3). */
  minShare?: number;
}

/**
 * The normalised lines (`normaliseLine`) that appear at the head or tail of at least
 * `minFiles` files and `minShare` of all files of a folder. A line that is a real paragraph (a
 * long sentence) is never returned, even if repeated: a sentence quoted in several articles is
 * their text, not the site's. Each file counts once per line however often it repeats it.
 */
export function findTemplateLines(
  files: readonly FileEdges[],
  thresholds: TemplateThresholds = {},
): Set<string> {
  const minFiles = thresholds.minFiles ?? 3;
  const minShare = thresholds.minShare ?? 0.3;
  const counts = new Map<string, number>();
  for (const file of files) {
    const seen = new Set<string>();
    for (const line of [...file.head, ...file.tail]) {
      if (lineShape(line).realParagraph) continue;
      const key = normaliseLine(line);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const needed = Math.max(minFiles, Math.ceil(minShare * files.length));
  const template = new Set<string>();
  for (const [line, count] of counts) if (count >= needed) template.add(line);
  return template;
}
