/** What an import did, file by file: nothing is dropped without a line here. */
export interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  /** Files whose text is already in the library under another source path. */
  duplicates: { path: string; of: string }[];
  /** Files passed over on purpose (not text, a folder loop...), with the reason. */
  skipped: { path: string; reason: string }[];
  /** Files that could not be imported, with a message for a person. */
  failed: { path: string; error: string }[];
}

/** Progress of a running import, reported as files are read. */
export interface ImportProgress {
  done: number;
  total: number;
}

/** An empty report, to be filled as files are imported. */
export function emptyImportReport(): ImportReport {
  return { imported: 0, updated: 0, unchanged: 0, duplicates: [], skipped: [], failed: [] };
}
