/**
 * The library's writer lock, `<dataDir>/gazette.lock`: a folder made by proper-lockfile (mkdir is
 * atomic), touched every LOCK_UPDATE_MS by its owner, with `owner.json` inside naming the owner:
 *
 *   { "pid": 4242, "start": "123456789", "host": "ada-laptop", "at": "2024-05-01T10:00:00.000Z" }
 *
 * `start` is the process's start time as the system counts it (Linux: field 22 of
 * /proc/<pid>/stat), so a pid reused by another program after a crash is not taken for the owner.
 * A lock whose owner is on this machine and dead (no such pid, or a pid started at another time)
 * is taken over AT ONCE; a lock with no owner file, or one from another machine (a shared folder),
 * is taken over once untouched for LOCK_STALE_MS, as before. A live owner on this machine keeps
 * its lock however long it goes untouched.
 */
import { readFileSync } from 'node:fs';
import { lstat, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { ensureDir, isErrnoException } from './durable-write';
import { StoreError, StoreLockedError } from './errors';

/** The lock (a folder, as proper-lockfile makes it) held by the one process that may write. */
export const LOCK_FILE = 'gazette.lock';
const OWNER_FILE = 'owner.json';

/*
 * The lock's owner touches it every LOCK_UPDATE_MS; one untouched for LOCK_STALE_MS is taken to be
 * left by a crashed process and taken over. 20 s keeps a busy event loop (a long import, a laptop
 * waking up) well clear of the threshold; a dead owner on this machine is found at once anyway.
 */
export const LOCK_STALE_MS = 20_000;
const LOCK_UPDATE_MS = 5_000;

/** Who holds a lock, as written in its `owner.json`. */
export interface LockOwner {
  pid: number;
  /** The process's start time as the system counts it; null where it cannot be read. */
  start: string | null;
  host: string;
  at: string;
}

/** This process's start time as the system counts it, or null (not Linux, or no /proc). */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after its end.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 overall
  } catch {
    return null;
  }
}

/** Whether the owner is certainly gone: on this machine, and no process with its pid and start time. */
export function ownerIsDead(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return false; // another machine: cannot tell, wait for staleness
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return isErrnoException(error) && error.code === 'ESRCH';
  }
  if (owner.start === null) return false;
  const now = processStartTime(owner.pid);
  return now !== null && now !== owner.start; // the pid was reused by another program
}

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path.join(lockPath, OWNER_FILE), 'utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, start, host, at } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || typeof host !== 'string')
      return undefined;
    return {
      pid,
      start: typeof start === 'string' ? start : null,
      host,
      at: typeof at === 'string' ? at : '',
    };
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock of `dataDir` (created if missing); resolves to the function that releases it.
 * @throws StoreLockedError (naming the owner's pid) while a live process holds it; StoreError
 *   when `gazette.lock` is not a lock at all (a plain file), with what to do.
 */
export async function lockLibrary(
  dataDir: string,
  onCompromised: (error: Error) => void,
): Promise<() => Promise<void>> {
  await ensureDir(dataDir);
  const lockPath = path.join(dataDir, LOCK_FILE);
  await clearDeadLock(lockPath);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: LOCK_STALE_MS,
      update: LOCK_UPDATE_MS,
      retries: 0,
      onCompromised,
    });
  } catch (error) {
    const code = isErrnoException(error) ? error.code : undefined;
    if (code === 'ELOCKED' || code === 'ENOTEMPTY') {
      throw new StoreLockedError(dataDir, { cause: error, pid: (await readOwner(lockPath))?.pid });
    }
    if (code === 'ENOTDIR') throw notALock(lockPath, error);
    throw error;
  }
  const owner: LockOwner = {
    pid: process.pid,
    start: processStartTime(process.pid),
    host: os.hostname(),
    at: new Date().toISOString(),
  };
  // Best effort: without it, a crash costs the next start the LOCK_STALE_MS wait, nothing worse.
  // Adding a file changes the folder's mtime, which proper-lockfile checks to know the lock is
  // still its own: the mtime it set is put back.
  try {
    const before = await stat(lockPath);
    await writeFile(path.join(lockPath, OWNER_FILE), JSON.stringify(owner));
    await utimes(lockPath, before.atime, before.mtime);
  } catch {
    // see above
  }
  return async () => {
    // proper-lockfile removes the folder with rmdir, which needs it empty.
    await unlink(path.join(lockPath, OWNER_FILE)).catch(() => undefined);
    await release();
  };
}

/**
 * Removes a lock left by a dead process (see the module comment), or one untouched for
 * LOCK_STALE_MS. The folder is checked again (same inode, same owner) just before it is removed,
 * so a lock another process took meanwhile is not.
 */
async function clearDeadLock(lockPath: string): Promise<void> {
  let found;
  try {
    found = await lstat(lockPath);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return;
    throw error;
  }
  if (!found.isDirectory()) throw notALock(lockPath);
  const owner = await readOwner(lockPath);
  const dead = owner ? ownerIsDead(owner) : false;
  const stale =
    found.mtimeMs < Date.now() - LOCK_STALE_MS && (!owner || owner.host !== os.hostname() || dead);
  if (!dead && !stale) return;
  const again = await lstat(lockPath).catch(() => undefined);
  const ownerAgain = await readOwner(lockPath);
  if (!again || again.ino !== found.ino || ownerAgain?.pid !== owner?.pid) return;
  await rm(lockPath, { recursive: true, force: true });
}

function notALock(lockPath: string, cause?: unknown): StoreError {
  return new StoreError(
    `${lockPath} should be Gazette's lock (a folder), but it is a file. If no Gazette is running, ` +
      'delete that file and try again; Gazette did not touch it.',
    cause === undefined ? undefined : { cause },
  );
}
