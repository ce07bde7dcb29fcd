/**
 * What an import did, file by file: nothing is dropped without a line here.
 *
 * Every line that is not a success carries a stable `code` (and the `values` its sentence needs)
 * beside its English text: the command line prints the text, the window translates the code
 * (see `describeImportIssue` for the English wording of each code).
 */

/** Why a file (or one record of a multi-record file) was not imported, as a stable code. */
export const IMPORT_ISSUE_CODES = [
  // Reading the file
  'missing',
  'permission-denied',
  'not-a-file',
  'is-a-folder',
  'link-loop',
  'broken-link',
  'path-too-long',
  'too-many-open-files',
  'io-error',
  'locked',
  'unreadable',
  'too-large',
  // What is in it
  'empty',
  'blank',
  'title-only',
  'binary',
  'too-slow',
  'parser-crashed',
  'no-article-found',
  'bad-record',
  'link-only',
  'unsafe-archive',
  'unsupported-format',
  // Passed over on purpose
  'hidden-file',
  'hidden-folder',
  'not-an-article-type',
  'folder-seen',
  'folder-seen-at',
  'folder-permission-denied',
  'link-loop-folder',
  'page-resources',
  'library-data',
] as const;
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

/** Values a code's sentence needs (a size, a limit, a count, an extension...). */
export type ImportIssueValues = Readonly<Record<string, string | number>>;

/** A file that could not be imported. */
export interface ImportFailure {
  path: string;
  /** A sentence for a person (English, for the command line and logs). */
  error: string;
  code: ImportIssueCode;
  values?: ImportIssueValues;
}

/** A file passed over on purpose. */
export interface ImportSkip {
  path: string;
  reason: string;
  code: ImportIssueCode;
  values?: ImportIssueValues;
}

/** What came along with the articles from another reader's export (see `ReaderData`). */
export interface CarriedOver {
  /** Articles that came with reading state, tags or highlights. */
  articles: number;
  tags: number;
  highlights: number;
  /** Highlights whose quote is not in the article's text: kept, shown as detached. */
  detached: number;
}

/** What an import did, file by file: nothing is dropped without a line here. */
export interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  /** Files whose text is already in the library under another source path. */
  duplicates: { path: string; of: string }[];
  /** Files passed over on purpose (not text, a folder loop...), with the reason. */
  skipped: ImportSkip[];
  /** Files that could not be imported, with a message for a person. */
  failed: ImportFailure[];
  /**
   * Exports that hold links without the article's text (Pocket, Instapaper): Gazette is offline,
   * so nothing is made of them; `count` links per file.
   */
  linkOnly: { path: string; count: number }[];
  /** Reading state, tags and highlights found beside the articles (other readers' exports). */
  carried: CarriedOver;
}

/** Progress of a running import, reported as files are read. */
export interface ImportProgress {
  done: number;
  total: number;
}

/** An empty report, to be filled as files are imported. */
export function emptyImportReport(): ImportReport {
  return {
    imported: 0,
    updated: 0,
    unchanged: 0,
    duplicates: [],
    skipped: [],
    failed: [],
    linkOnly: [],
    carried: { articles: 0, tags: 0, highlights: 0, detached: 0 },
  };
}

/** `512 bytes`, `12.3 KiB`, `5 MiB`, `5.0 MiB` (binary units, named as such). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / (1024 * 1024), 'MiB'];
  // A whole number is written whole ("5 MiB") only when it is exact; a size just over a limit
  // keeps its decimal ("5.0 MiB"), so "5.0 MiB, over the 5 MiB limit" never reads as equal.
  const exact = Number.isInteger(value);
  return `${exact ? String(value) : value.toFixed(1)} ${unit}`;
}

/** English sentence for each code; `{name}` is replaced by `values.name`. */
const ENGLISH: Readonly<Record<ImportIssueCode, string>> = {
  missing: 'no such file or folder',
  'permission-denied': 'cannot read the file: permission denied',
  'not-a-file': 'not a regular file (a pipe, socket or device), not an article',
  'is-a-folder': 'this is a folder, not a file',
  'link-loop': 'cannot read the file: its symbolic links form a loop',
  'broken-link': 'broken symbolic link: its target does not exist',
  'path-too-long': 'cannot read the file: its path is too long',
  'too-many-open-files': 'cannot read the file: too many files are open',
  'io-error': 'cannot read the file: input/output error (a disk or network problem)',
  locked: 'cannot read the file: it is locked by another program',
  unreadable: 'cannot read the file: {detail}',
  'too-large': 'file is {size}, over the {limit} limit for {what}',
  empty: 'empty file',
  blank: 'empty file (only white space)',
  'title-only': 'the file has a title but no body text',
  binary: 'binary file (contains NUL bytes), not an article',
  'too-slow': 'took too long to read (over {seconds} s), so it was left out; the rest of the import went on',
  'parser-crashed': 'reading this file stopped the reader ({detail}); the rest of the import went on',
  'no-article-found': 'no article text found in this {format}',
  'bad-record': '{format} record {record}: {detail}',
  'link-only': 'link only, no text to import ({count} links)',
  'unsafe-archive': 'archive refused: {detail}',
  'unsupported-format': 'not a format Gazette can import: {detail}',
  'hidden-file': 'hidden file',
  'hidden-folder': 'hidden folder',
  'not-an-article-type': 'not an article ({extension})',
  'folder-seen': 'folder already included through another path',
  'folder-seen-at': 'folder already included through another path ({target})',
  'folder-permission-denied': 'cannot open the folder: permission denied',
  'page-resources': 'the images and scripts of a saved web page, not an article',
  'library-data': "Gazette's own data folder, not articles",
  'link-loop-folder': 'symbolic link loop: it leads back to {target}, a folder that contains it',
};

/** The English sentence for an issue code and its values (for the command line and logs). */
export function describeImportIssue(code: ImportIssueCode, values: ImportIssueValues = {}): string {
  return ENGLISH[code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );
}
