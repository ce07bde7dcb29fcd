/**
 * Makes a full backup of the library (see backup-format.ts) and writes it to one file, atomically
 * and durably (temporary file, fsync, rename), so a crash never leaves half a backup in its place.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { BackupSummary } from '../../core/export';
import type { AnnotationStore } from '../annotations';
import type { TagStore } from '../tags';
import type { ProgressStore, SettingsStore } from '../reading';
import type { LibraryStore } from '../store';
import { ensureDir, isErrnoException, writeFileDurably } from '../store/durable-json-file';
import { exportReviewState } from '../review/review-backup';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, type Backup } from './backup-format';

/** The services a backup reads and a restore writes. */
export interface UserData {
  progress: ProgressStore;
  settings: SettingsStore;
  annotations: AnnotationStore;
  /** The reader's tags and saved views; without it, a backup holds no tags and a restore sets none. */
  tags?: TagStore;
}

/**
 * Everything in the library, as one backup: every article in it with its body, and the reader's
 * progress, settings, annotations, tags and review state. Removed articles are left out.
 * @throws a damaged annotation file's StoreCorruptError: a backup that silently lacked someone's
 *   notes would be worse than none.
 */
export async function makeBackup(
  store: LibraryStore,
  data: UserData,
  now: Date = new Date(),
): Promise<Backup> {
  const progress = data.progress.all();
  const backup: Backup = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: now.toISOString(),
    articles: [],
    progress: {},
    settings: data.settings.saved(),
    annotations: {},
  };
  const annotated = new Set(await data.annotations.filedIds());
  const tags = data.tags?.all() ?? {};
  for (const meta of store.list()) {
    const own = tags[meta.id];
    if (own && own.length > 0) (backup.tags ??= {})[meta.id] = own;
    const { blocks, removed } = await store.readBody(meta.id);
    const cleaningOverrides = store.cleaningOverrides(meta.id);
    backup.articles.push(
      cleaningOverrides === undefined
        ? { ...meta, blocks, removed }
        : { ...meta, cleaningOverrides, blocks, removed },
    );
    const read = progress.get(meta.id);
    if (read) backup.progress[meta.id] = read;
    if (annotated.has(meta.id)) {
      const { highlights, notes } = await data.annotations.list(meta.id);
      if (highlights.length + notes.length > 0) backup.annotations[meta.id] = { highlights, notes };
    }
  }
  // The daily review's grades, for the articles the backup holds (records of removed articles
  // stay in the library's own file, as their highlights do).
  const review = await exportReviewState(store);
  const held = new Set(backup.articles.map((article) => article.id));
  for (const [key, record] of Object.entries(review.records))
    if (!held.has(record.articleId)) delete review.records[key];
  for (const id of Object.keys(review.frequencies.articles))
    if (!held.has(id)) delete review.frequencies.articles[id];
  const reviewed =
    Object.keys(review.records).length +
    Object.keys(review.frequencies.articles).length +
    Object.keys(review.frequencies.tags).length;
  if (reviewed > 0) backup.review = review;
  return backup;
}

/**
 * Writes a backup of the library to `file` (created with its folders if needed) and says what it
 * holds. Never replaces a file that is not a Gazette backup: a slip of the path must not destroy
 * something else.
 * @throws BackupError if `file` exists and is not a backup; the write's or makeBackup's errors.
 */
export async function writeBackup(
  store: LibraryStore,
  data: UserData,
  file: string,
  now: Date = new Date(),
): Promise<BackupSummary> {
  const target = path.resolve(file);
  await refuseToReplaceOtherFiles(target);
  const backup = await makeBackup(store, data, now);
  const text = `${JSON.stringify(backup)}\n`;
  await ensureDir(path.dirname(target));
  await writeFileDurably(target, text);
  const annotations = Object.values(backup.annotations);
  return {
    file: target,
    bytes: Buffer.byteLength(text),
    articles: backup.articles.length,
    highlights: annotations.reduce((sum, article) => sum + article.highlights.length, 0),
    notes: annotations.reduce((sum, article) => sum + article.notes.length, 0),
    createdAt: backup.createdAt,
  };
}

/** Throws unless `file` is missing or starts as a Gazette backup does. */
async function refuseToReplaceOtherFiles(file: string): Promise<void> {
  let head: string;
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(200);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return;
    if (isErrnoException(error) && error.code === 'EISDIR') {
      throw new BackupError(
        `${file} is a folder; give the backup a file name, such as ${path.join(file, 'gazette-backup.json')}.`,
      );
    }
    throw error;
  }
  if (!new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${BACKUP_FORMAT}"`).test(head)) {
    throw new BackupError(
      `${file} already exists and is not a Gazette backup, so Gazette did not replace it. Choose another file name.`,
    );
  }
}
