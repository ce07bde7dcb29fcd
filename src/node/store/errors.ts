/**
 * The errors the store throws. Each message is a whole sentence a person can act on, because the
 * command line prints it as it is and the app shows it in a dialog.
 */

/** Base class of every error the store throws on purpose. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/**
 * A store file could not be read, is not JSON, or does not match its schema. The file is left
 * exactly as it was, and the adapter that reported it refuses every later write to it.
 */
export class StoreCorruptError extends StoreError {
  override name = 'StoreCorruptError';
  constructor(
    /** Absolute path of the file. */
    readonly file: string,
    /** What is wrong, e.g. `Unexpected end of JSON input`. */
    readonly reason: string,
    /** What kind of file it is, e.g. `library file`; used in the message. */
    readonly label = 'Gazette file',
    options?: { cause?: unknown; unreadable?: boolean },
  ) {
    super(
      `The ${label} ${file} ${options?.unreadable ? 'could not be read' : 'is damaged'} (${reason}) and was left as it is; ` +
        'Gazette will not overwrite it. Restore it from a backup, or move it away and Gazette will start a new one.',
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
  }
}

/** A store file was written by a newer Gazette, with a schema version this one does not know. */
export class StoreVersionError extends StoreError {
  override name = 'StoreVersionError';
  constructor(
    readonly file: string,
    readonly found: number,
    readonly known: number,
    label = 'Gazette file',
  ) {
    super(
      `The ${label} ${file} was made by a newer version of Gazette (schema version ${found}; this version knows ${known}) ` +
        'and was left as it is; Gazette will not overwrite it. Update Gazette to open it.',
    );
  }
}

/** Another process holds the library's lock. */
export class StoreLockedError extends StoreError {
  override name = 'StoreLockedError';
  /** The owner's process id, when its lock says so. */
  readonly pid: number | undefined;
  constructor(
    readonly dataDir: string,
    options?: { cause?: unknown; pid?: number | undefined },
  ) {
    const who = options?.pid === undefined ? '' : ` (pid ${options.pid})`;
    super(
      `Gazette is already open in another window or command${who}, using the library at ${dataDir}. ` +
        'Close it and try again.',
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.pid = options?.pid;
  }
}

/**
 * `library.json` is missing while the data folder holds article bodies or the reader's own files:
 * opening would show an empty library and orphan them, so Gazette refuses and says how to rebuild.
 */
export class StoreMissingLibraryError extends StoreError {
  override name = 'StoreMissingLibraryError';
  constructor(
    readonly dataDir: string,
    /** What was found without a library, e.g. `3 body packs and 12 files of your own`. */
    readonly found: string,
  ) {
    super(
      `The library file ${dataDir}/library.json is missing, but the folder still holds ${found}. ` +
        'Gazette did not start an empty library over them. Restore library.json from a backup, or rebuild it ' +
        'from the article bodies with "gazette repair".',
    );
  }
}

/** A write was attempted through a store opened read-only, closed, or whose lock was lost. */
export class StoreReadOnlyError extends StoreError {
  override name = 'StoreReadOnlyError';
}

/** No article has the id asked for. */
export class UnknownArticleError extends StoreError {
  override name = 'UnknownArticleError';
  constructor(
    readonly id: string,
    dataDir: string,
  ) {
    super(`There is no article with id "${id}" in the library at ${dataDir}.`);
  }
}
