/**
 * What the window should tell the reader about the state of their library: damage found in a
 * file (kept as it is, the rest working), a library opened read-only, a migration. Codes with
 * values, never English sentences, so the renderer words each warning in its own language.
 */

/** Every warning `libraryStatus` can give, as a stable code. */
export const LIBRARY_WARNING_CODES = [
  /** `user/progress.json` could not be read: every article shows as unread until it is mended. */
  'progress-damaged',
  /** `user/tags.json` could not be read: no tags are listed meanwhile. */
  'tags-damaged',
  /** `user/views.json` could not be read: no saved views are listed meanwhile. */
  'views-damaged',
  /** `library.json` was made by a newer Gazette: the library is open read-only. */
  'newer-library',
  /** `library.json` was migrated from an older version; the old file is kept beside it. */
  'migrated',
  /** A body pack could not be read: the articles whose text it holds cannot be opened. */
  'body-pack-damaged',
] as const;
export type LibraryWarningCode = (typeof LIBRARY_WARNING_CODES)[number];

/**
 * One warning. `values.file` is the file concerned (absolute path); `values.from` the version a
 * migration started from and `values.keptAs` where the old file is kept.
 */
export interface LibraryWarning {
  code: LibraryWarningCode;
  values: Readonly<Record<string, string | number>>;
}

/** The library's state as the window shows it. */
export interface LibraryStatus {
  /** True when nothing can be changed (a newer library, or another Gazette holds the lock). */
  readOnly: boolean;
  warnings: LibraryWarning[];
}
