/**
 * Restores a backup into a library, empty or not, by MERGING (nothing is deleted or overwritten
 * by something older):
 * - an article is matched to one the library has by id, then by source path, then by text
 *   (fingerprint): a match is kept as it is (brought back if the reader removed it), and the
 *   backup's user data for it goes onto it; anything else is added as it was imported;
 * - reading progress and annotations merge by id: the one changed last (`updatedAt`) wins, and an
 *   equal time keeps what is there; annotations are anchored on the library's text;
 * - settings are taken only when the library has none of its own.
 * Restoring the same backup twice therefore changes nothing the second time.
 *
 * The whole file is read and checked (JSON, format, version, schema, consistency) before anything
 * is written: a bad file gets a BackupError and changes nothing. The writes then go in this order:
 * articles (one commit), progress, settings, annotations; should one fail midway (a full disk),
 * restoring again completes the rest, as every step is a merge.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../../core/article';
import type { RestoreReport } from '../../core/export';
import type { ReadingProgress } from '../../core/reading';
import type { LibraryStore } from '../store';
import { describeIssues } from '../store/durable-json-file';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  backupSchema,
  type Backup,
} from './backup-format';
import type { UserData } from './write-backup';

/**
 * Reads and checks a backup file.
 * @throws BackupError saying what is wrong: unreadable, not JSON, not a Gazette backup, made by a
 *   newer Gazette, or data that fails the format (with the first problem's place).
 */
export async function readBackup(file: string): Promise<Backup> {
  const where = path.resolve(file);
  let text: string;
  try {
    text = await readFile(where, 'utf8');
  } catch (error) {
    throw new BackupError(
      `Gazette could not read the backup ${where} (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new BackupError(
      `${where} is not a Gazette backup: it is not JSON${text.trim() === '' ? ' (the file is empty)' : ''}. Nothing was changed.`,
    );
  }
  const header = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (header.format !== BACKUP_FORMAT) {
    throw new BackupError(
      `${where} is not a Gazette backup (it has no "format": "${BACKUP_FORMAT}"). Nothing was changed.`,
    );
  }
  if (typeof header.formatVersion === 'number' && header.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `The backup ${where} was made by a newer version of Gazette (format version ${header.formatVersion}; this version reads ${BACKUP_FORMAT_VERSION}). Update Gazette to restore it. Nothing was changed.`,
    );
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) {
    throw new BackupError(
      `The backup ${where} is damaged (${describeIssues(parsed.error)}). Nothing was changed.`,
    );
  }
  return parsed.data;
}

/** Restores the backup in `file` into `store` (see the module comment). @throws BackupError, the writes' errors. */
export async function restoreBackup(
  store: LibraryStore,
  data: UserData,
  file: string,
): Promise<RestoreReport> {
  const backup = await readBackup(file);
  return restoreFromBackup(store, data, backup);
}

/** Restores an already checked backup (see the module comment). */
export async function restoreFromBackup(
  store: LibraryStore,
  data: UserData,
  backup: Backup,
): Promise<RestoreReport> {
  const report: RestoreReport = {
    articlesAdded: 0,
    articlesKept: 0,
    articlesBroughtBack: 0,
    progressRestored: 0,
    settingsRestored: false,
    highlightsAdded: 0,
    highlightsUpdated: 0,
    notesAdded: 0,
    notesUpdated: 0,
  };

  // Plan first, write after: which backup article is which library article.
  const targetOf = new Map<string, string>();
  const added: Article[] = [];
  const bringBack: string[] = [];
  for (const article of backup.articles) {
    const match =
      store.getIncludingRemoved(article.id) ??
      store.findBySource(article.source) ??
      store.findByFingerprint(article.fingerprint);
    if (match) {
      targetOf.set(article.id, match.id);
      if ('removedAt' in match && match.removedAt !== undefined) bringBack.push(match.id);
      else report.articlesKept += 1;
    } else {
      targetOf.set(article.id, article.id);
      added.push(article);
    }
  }

  await store.commit({ added, updated: [] });
  report.articlesAdded = added.length;
  const broughtBack = await store.restore(bringBack);
  report.articlesBroughtBack = broughtBack.length;
  report.articlesKept += bringBack.length - broughtBack.length;

  const progress = new Map<string, ReadingProgress>();
  for (const [id, read] of Object.entries(backup.progress)) progress.set(targetOf.get(id) ?? id, read);
  report.progressRestored = (await data.progress.merge(progress)).length;

  if (Object.keys(data.settings.saved()).length === 0 && Object.keys(backup.settings).length > 0) {
    await data.settings.update(backup.settings);
    report.settingsRestored = true;
  }

  for (const [id, annotations] of Object.entries(backup.annotations)) {
    const merged = await data.annotations.merge(targetOf.get(id) ?? id, annotations);
    report.highlightsAdded += merged.highlightsAdded;
    report.highlightsUpdated += merged.highlightsUpdated;
    report.notesAdded += merged.notesAdded;
    report.notesUpdated += merged.notesUpdated;
  }

  if (backup.tags && data.tags) {
    // Tags merge: the backup's are added to an article's own, none is taken away.
    const tags: Record<string, string[]> = {};
    for (const [id, list] of Object.entries(backup.tags)) tags[targetOf.get(id) ?? id] = list;
    report.tagsRestored = await data.tags.merge(tags, (id) => store.getIncludingRemoved(id) !== undefined);
  }
  return report;
}
