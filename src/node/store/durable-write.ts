import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * The durable write primitive: bytes on disk, atomically and durably. Knows nothing of JSON,
 * versions or schemas (that is `json-codec.ts`); every file Gazette writes goes through here.
 */

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

export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
