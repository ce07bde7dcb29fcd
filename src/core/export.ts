/**
 * What exports and backups give back, across the IPC boundary and to the command line. Plain data.
 */

/** The formats an export is made in: Markdown (Obsidian, Readwise), Gazette's JSON, W3C Web Annotation JSON-LD. */
export const EXPORT_FORMATS = ['markdown', 'json', 'w3c'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One exported file: a suggested name and its text (UTF-8). */
export interface ExportedFile {
  /** A file name (no folder), e.g. `ad-sales-boost-time-warner-profit-3f2a9c0b1d4e.md`. */
  name: string;
  /** Its media type: `text/markdown`, `application/json` or `application/ld+json`. */
  mediaType: string;
  content: string;
}

/** What an export to files wrote: each file's absolute path. Empty when there was nothing to export. */
export interface SavedExport {
  files: string[];
}

/** The kinds of file the reader is asked for in a system dialog (titles and filters differ). */
export type FileDialogRequest =
  | { kind: 'save-export'; defaultName: string; format: ExportFormat }
  | { kind: 'export-folder' }
  | { kind: 'save-backup'; defaultName: string }
  | { kind: 'open-backup' };

/** What `backup` wrote. */
export interface BackupSummary {
  /** The absolute path of the backup file. */
  file: string;
  bytes: number;
  articles: number;
  highlights: number;
  notes: number;
  /** ISO 8601 time the backup was made. */
  createdAt: string;
}

/** What `restore` changed; restoring the same backup a second time reports zeros. */
export interface RestoreReport {
  /** Articles of the backup not in the library, now added. */
  articlesAdded: number;
  /** Articles of the backup the library already had (same id, source or text): kept as they are. */
  articlesKept: number;
  /** Articles the reader had removed since the backup, brought back. */
  articlesBroughtBack: number;
  /** Articles whose reading progress was taken from the backup (it was newer, or there was none). */
  progressRestored: number;
  /** True when the backup's settings were applied (the library had none of its own). */
  settingsRestored: boolean;
  highlightsAdded: number;
  highlightsUpdated: number;
  notesAdded: number;
  notesUpdated: number;
  /**
   * Highlights and notes whose text in the backup differed from the reader's: the reader's text
   * was kept and the backup's set beside it as a conflict (`conflicts` on the annotation).
   */
  conflicts: number;
  /** Articles that gained tags from the backup (absent when the backup holds no tags). */
  tagsRestored?: number;
  /** Review records (grades of highlights and notes) added or replaced from the backup (absent when it holds none). */
  reviewRestored?: number;
}
