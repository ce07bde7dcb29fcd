import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { StoreCorruptError, StoreReadOnlyError, StoreVersionError } from './errors';

/*
 * What a write through this module guarantees (POSIX file systems):
 * - Atomic: the new bytes go to a temporary file in the same folder, which is then renamed over
 *   the target. rename(2) replaces the name in one step, so a reader, or a process killed at any
 *   moment, sees the whole old file or the whole new file, never a torn or empty one.
 * - Durable: the temporary file is fsync'ed before the rename, and the folder is fsync'ed after
 *   it, so once the returned promise resolves the new file survives a power cut. Without the first
 *   fsync a crash can leave the renamed file empty or full of NULs (what lowdb's own writer,
 *   steno, allows: lowdb issues #549 and #139); without the second the rename itself can be lost.
 * macOS's fsync only reaches the drive's cache (full durability needs F_FULLFSYNC, which Node does
 * not expose); the rename keeps the write atomic there all the same.
 */

let tempCounter = 0;

/** Temporary files are hidden, carry the writer's pid and a counter, and end in `.tmp`. */
const TEMP_FILE = /^\..+\.\d+-\d+\.tmp$/;

function tempPathFor(file: string): string {
  tempCounter += 1;
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${tempCounter}.tmp`);
}

/** True for the name of a temporary file this module writes (and a crash may leave behind). */
export function isTempFileName(name: string): boolean {
  return TEMP_FILE.test(name);
}

/**
 * Deletes the temporary files a killed writer left in `dir`. Only call it while holding the
 * library's lock: a live writer's temporary file looks the same. Returns how many were removed.
 */
export async function removeTempFiles(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names.filter(isTempFileName)) {
    try {
      await unlink(path.join(dir, name));
      removed += 1;
    } catch (error) {
      if (!(isErrnoException(error) && error.code === 'ENOENT')) throw error;
    }
  }
  return removed;
}

/**
 * Flushes a folder's entries (a new or renamed name) to the disk.
 * Windows cannot open a folder for fsync; NTFS journals its metadata, and MoveFileEx's rename is
 * what we rely on there, so the step is skipped.
 */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (certain network and FUSE mounts) cannot fsync a folder; the rename is
    // still atomic there, only its durability rests on the file system.
    if (!(isErrnoException(error) && (error.code === 'EINVAL' || error.code === 'ENOTSUP'))) throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Creates `dir` and any missing parents, fsync'ing the folder that holds each new one so the new
 * folders survive a power cut together with the files later written in them.
 */
export async function ensureDir(dir: string): Promise<void> {
  const firstMade = await mkdir(dir, { recursive: true });
  if (firstMade === undefined) return;
  // Sync every folder from the parent of the first one created down to the parent of `dir`.
  let current = path.resolve(dir);
  const stop = path.dirname(path.resolve(firstMade));
  const parents: string[] = [];
  while (current !== stop) {
    current = path.dirname(current);
    parents.push(current);
    if (parents.length > 64) break; // defensive: never loop on an odd path
  }
  for (const parent of parents) await syncDir(parent);
}

/**
 * Writes `data` to `file` atomically and durably: temporary file in the same folder, fsync,
 * rename over `file`, fsync the folder (see the guarantee at the top of this module). The folder
 * must exist. On failure the temporary file is removed and `file` is untouched.
 */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(file);
  let renamed = false;
  try {
    // 'wx': the name is new, so an unexpected leftover is an error rather than a silent overwrite.
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameReplacing(temp, file);
    renamed = true;
    await syncDir(path.dirname(file));
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}

/**
 * rename(2), which replaces the target in one step. On Windows an antivirus or indexer holding the
 * target open briefly makes MoveFileEx fail with EPERM/EACCES/EBUSY; retry for about a second.
 */
async function renameReplacing(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const transient =
        process.platform === 'win32' &&
        isErrnoException(error) &&
        (error.code === 'EPERM' || error.code === 'EACCES' || error.code === 'EBUSY');
      if (!transient || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

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
 * - `write()`: never writes over a file it has not seen: before the first write it reads the file
 *   once and refuses as above if it is bad. Writes are serialized; when several wait, only the
 *   latest data is written and every waiting caller resolves once it is on disk.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string;
  readonly label: string;
  readonly readOnly: boolean;
  readonly #options: DurableJsonFileOptions<T>;
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
  }

  /** Reads and checks the file: the data, or `null` when the file does not exist. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf-8');
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') {
        this.#accept();
        return null;
      }
      throw this.#refuse(
        new StoreCorruptError(this.file, errorMessage(error), this.label, { cause: error, unreadable: true }),
      );
    }
    const data = this.parse(text);
    this.#accept();
    return data;
  }

  /**
   * Checks the text of this file as `read()` does (JSON, version, schema) and returns the data;
   * throws the same errors. Exposed for callers that read the bytes themselves.
   */
  parse(text: string): T {
    let json: unknown;
    try {
      // A UTF-8 byte order mark would make JSON.parse fail; an editor may have added one.
      json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
      const reason = text.trim() === '' ? 'the file is empty' : describeJsonError(errorMessage(error), text);
      throw this.#refuse(new StoreCorruptError(this.file, reason, this.label, { cause: error }));
    }
    const version = isRecord(json) ? json.schemaVersion : undefined;
    if (typeof version === 'number' && version > this.#options.schemaVersion) {
      throw this.#refuse(new StoreVersionError(this.file, version, this.#options.schemaVersion, this.label));
    }
    const result = this.#options.schema.safeParse(json);
    if (!result.success) {
      throw this.#refuse(new StoreCorruptError(this.file, describeIssues(result.error), this.label));
    }
    return result.data;
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
      const result = this.#options.schema.safeParse(data);
      if (!result.success) {
        throw new Error(
          `Gazette refused to write invalid data to the ${this.label} ${this.file} (${describeIssues(result.error)}); the file was not changed.`,
        );
      }
    }
    const text = JSON.stringify(data, null, this.#options.indent ?? 0) + '\n';
    if (!this.#dirReady) {
      await ensureDir(path.dirname(this.file));
      this.#dirReady = true;
    }
    await writeFileDurably(this.file, text);
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

/**
 * A JSON.parse message for people: `position N` becomes a line and column, and the control
 * characters of V8's quoted snippet (newlines, NULs) are escaped so the message stays on one line.
 */
function describeJsonError(message: string, text: string): string {
  let described = message;
  const match = / at position (\d+)/.exec(message);
  if (match && !/\bline \d+/.test(message)) {
    const position = Number(match[1]);
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    described = message.replace(match[0], ` at line ${line}, column ${column}`);
  }
  // eslint-disable-next-line no-control-regex
  return described.replace(/[\u0000-\u001f]/g, (char) => JSON.stringify(char).slice(1, -1));
}

/** The first schema issue, with its path, on one line. */
export function describeIssues(error: z.ZodError): string {
  const [first] = error.issues;
  if (!first) return 'it does not match the expected shape';
  const where = first.path.length > 0 ? `at ${first.path.map(String).join('.')}: ` : '';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `${where}${first.message}${more}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
