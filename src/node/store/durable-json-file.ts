import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { ensureDir, isErrnoException, writeFileDurably } from './durable-write';
import { StoreCorruptError, StoreReadOnlyError, type StoreVersionError } from './errors';
import { JsonCodec, type MigrationStep } from './json-codec';

/*
 * A lowdb adapter joining the two halves of a Gazette JSON file: the durable write primitive
 * (`durable-write.ts`: temporary file, fsync, rename, fsync the folder) and the versioned codec
 * (`json-codec.ts`: JSON, schema version, migrations, zod schema). The primitives are re-exported
 * here for the modules that have always imported them from this file.
 */
export {
  ensureDir,
  isErrnoException,
  isTempFileName,
  removeTempFiles,
  syncDir,
  writeFileDurably,
} from './durable-write';
export { describeIssues } from './json-codec';

export interface DurableJsonFileOptions<T> {
  /** What the file must hold; checked on every read. */
  schema: z.ZodType<T>;
  /**
   * The schema version this code reads and writes. A file whose top-level `schemaVersion` is
   * greater is refused with a `StoreVersionError` before the schema check.
   */
  schemaVersion: number;
  /** What the file is, for messages: `library file`, `settings file`. */
  label?: string;
  /** Refuse every write with a `StoreReadOnlyError`. */
  readOnly?: boolean;
  /** Spaces of indentation; 0 (the default) writes compact JSON, which matters for big files. */
  indent?: number;
  /**
   * Check data against the schema before writing it (default true), so the code never writes a
   * file it would then refuse to read. A caller that validates its changes itself can turn it off
   * to spare a full pass over a big file.
   */
  validateOnWrite?: boolean;
  /**
   * Steps from older schema versions (see `json-codec.ts`): `migrations[n]` turns version n into
   * n + 1. A file read from an older version is migrated in memory; the first write then keeps
   * the old bytes beside it (`<name>.v<n>.json`) before replacing it, so a failed or regretted
   * upgrade never loses the old file.
   */
  migrations?: Readonly<Record<number, MigrationStep>>;
  /**
   * Read a file from a newer Gazette when it still passes this schema (extra fields are dropped
   * in memory): `newerVersion` is then set and every write refused, so the file stays as it is.
   */
  readNewer?: boolean;
}

interface PendingWrite<T> {
  data: T;
  waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

/**
 * A lowdb adapter for one JSON file, checked against a zod schema, written atomically and durably.
 *
 * - `read()`: a missing file gives `null` (lowdb's convention: keep the defaults). A file that
 *   cannot be read, is not JSON, fails the schema (`StoreCorruptError`) or comes from a newer
 *   Gazette (`StoreVersionError`) throws, and from then on every `write()` rethrows that error:
 *   such a file is never overwritten. A later successful `read()` lifts the refusal.
 *   A file from an older schema version is migrated (`migratedFrom`); one from a newer version
 *   is refused, or with `readNewer` read and never written (`newerVersion`).
 * - `write()`: never writes over a file it has not seen: before the first write it reads the file
 *   once and refuses as above if it is bad. Writes are serialized; when several wait, only the
 *   latest data is written and every waiting caller resolves once it is on disk.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string;
  readonly label: string;
  readonly readOnly: boolean;
  readonly #options: DurableJsonFileOptions<T>;
  readonly #codec: JsonCodec<T>;
  /** The version the file on disk was in when it was read, if older than this code's. */
  #migratedFrom: number | undefined;
  /** The old file's bytes, kept in memory until they are safely copied beside it. */
  #oldText: string | undefined;
  #newer: StoreVersionError | undefined;
  /** The error that made this adapter refuse writes; undefined while the file is fine. */
  #refusal: Error | undefined;
  /** A read found the file fine or missing, so writing over it loses nothing. */
  #checked = false;
  #dirReady = false;
  #pending: PendingWrite<T> | undefined;
  #draining = false;

  constructor(file: string, options: DurableJsonFileOptions<T>) {
    this.file = path.resolve(file);
    this.label = options.label ?? 'Gazette file';
    this.readOnly = options.readOnly ?? false;
    this.#options = options;
    this.#codec = new JsonCodec<T>({
      schema: options.schema,
      version: options.schemaVersion,
      label: this.label,
      ...(options.migrations ? { migrations: options.migrations } : {}),
      readNewer: options.readNewer ?? false,
    });
  }

  /** The older schema version the file was migrated from at the last read; undefined if none. */
  get migratedFrom(): number | undefined {
    return this.#migratedFrom;
  }

  /** Set when the last read found a file from a newer Gazette, read only (see `readNewer`). */
  get newerVersion(): StoreVersionError | undefined {
    return this.#newer;
  }

  /** Where the old file is kept when a migrated file is first written: `<name>.v<n>.json`. */
  oldVersionPath(version: number): string {
    const ext = path.extname(this.file);
    return `${this.file.slice(0, this.file.length - ext.length)}.v${version}${ext || '.json'}`;
  }

  /** Reads and checks the file: the data, or `null` when the file does not exist. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf-8');
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') {
        this.#accept();
        this.#migratedFrom = undefined;
        this.#oldText = undefined;
        this.#newer = undefined;
        return null;
      }
      throw this.#refuse(
        new StoreCorruptError(this.file, errorMessage(error), this.label, { cause: error, unreadable: true }),
      );
    }
    const data = this.parse(text);
    if (!this.#newer) this.#accept();
    else this.#checked = true;
    return data;
  }

  /**
   * Checks the text of this file as `read()` does (JSON, version, schema) and returns the data;
   * throws the same errors. Exposed for callers that read the bytes themselves.
   */
  parse(text: string): T {
    let decoded;
    try {
      decoded = this.#codec.decode(text, this.file);
    } catch (error) {
      throw this.#refuse(error instanceof Error ? error : new Error(String(error)));
    }
    this.#newer = decoded.newer;
    if (decoded.newer) this.#refuse(decoded.newer);
    const migrated = decoded.fromVersion < this.#options.schemaVersion;
    this.#migratedFrom = migrated ? decoded.fromVersion : undefined;
    this.#oldText = migrated ? text : undefined;
    return decoded.data;
  }

  /** Writes `data` atomically and durably (see the module comment); resolves once it is on disk. */
  write(data: T): Promise<void> {
    if (this.readOnly) {
      return Promise.reject(
        new StoreReadOnlyError(
          `The ${this.label} ${this.file} was opened read-only; Gazette did not write it.`,
        ),
      );
    }
    if (this.#refusal) return Promise.reject(this.#refusal);
    return new Promise<void>((resolve, reject) => {
      if (this.#pending) {
        // Last data wins: the queued write not yet started is replaced, its callers wait for this one.
        this.#pending.data = data;
        this.#pending.waiters.push({ resolve, reject });
      } else {
        this.#pending = { data, waiters: [{ resolve, reject }] };
      }
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#pending) {
        const batch = this.#pending;
        this.#pending = undefined;
        try {
          await this.#writeNow(batch.data);
          for (const waiter of batch.waiters) waiter.resolve();
        } catch (error) {
          for (const waiter of batch.waiters) waiter.reject(error);
        }
      }
    } finally {
      this.#draining = false;
    }
  }

  async #writeNow(data: T): Promise<void> {
    if (this.#refusal) throw this.#refusal;
    if (!this.#checked) await this.read(); // throws, and refuses, if the file on disk is bad
    if (this.#options.validateOnWrite ?? true) {
      const problem = this.#codec.problem(data);
      if (problem !== undefined) {
        throw new Error(
          `Gazette refused to write invalid data to the ${this.label} ${this.file} (${problem}); the file was not changed.`,
        );
      }
    }
    const text = this.#codec.encode(data, this.#options.indent ?? 0);
    if (!this.#dirReady) {
      await ensureDir(path.dirname(this.file));
      this.#dirReady = true;
    }
    if (this.#migratedFrom !== undefined && this.#oldText !== undefined) {
      // The old version first, durably, beside the file: only then is the file replaced.
      await writeFileDurably(await this.#freeOldVersionPath(this.#migratedFrom), this.#oldText);
      this.#oldText = undefined;
    }
    await writeFileDurably(this.file, text);
    this.#migratedFrom = undefined;
  }

  /** `oldVersionPath`, or with `-2`, `-3`… when a copy from an earlier upgrade is already there. */
  async #freeOldVersionPath(version: number): Promise<string> {
    const first = this.oldVersionPath(version);
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? first : first.replace(/(\.json)?$/, `-${n}$1`);
      try {
        await readFile(candidate);
      } catch (error) {
        if (isErrnoException(error) && error.code === 'ENOENT') return candidate;
        throw error;
      }
    }
  }

  #accept(): void {
    this.#checked = true;
    this.#refusal = undefined;
  }

  #refuse(error: Error): Error {
    this.#refusal = error;
    return error;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
