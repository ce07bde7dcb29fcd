/**
 * Restores a backup into a library, empty or not, by MERGING (nothing is deleted, and the
 * reader's words are never overwritten):
 * - an article is matched to one the library has by id, then by source path, then by text
 *   (fingerprint): a match is kept as it is (brought back if the reader removed it), and the
 *   backup's user data for it goes onto it; anything else is added as it was imported;
 * - reading progress merges by id: the one changed last (`updatedAt`) wins, an equal time keeps
 *   what is there;
 * - highlights and notes merge by id: new ones are added (anchored on the library's text); for
 *   one the reader has, the reader's text ALWAYS stays, whatever the dates say, and the backup's
 *   differing text is kept beside it as a conflict (`conflicts: [{ text, from: 'backup', at }]` on
 *   the highlight or note, see src/core/annotations/model.ts), for the reader to resolve;
 * - tags are added to an article's own; settings are taken only when the library has none;
 * - review records (grades) merge by annotation id: the side with more grades wins (see
 *   `ReviewStore.merge`), so an old backup never rolls a reader's review history back.
 * Restoring the same backup twice therefore changes nothing the second time.
 *
 * All or nothing: the whole file is read and checked first (JSON, format, version, schema, the id
 * rule, sizes, consistency): a bad file gets a BackupError and changes nothing. Then the files the
 * restore may change are read into memory (library.json, the user files with `user/review.json`,
 * the annotation files of the articles concerned) and the writes go in order: articles, progress,
 * annotations, review, tags, settings. Should one fail (a full disk, a damaged file), every file is put back as it was, new
 * packs and files are deleted, the services read their files again, and the error says nothing
 * was changed.
 */
import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../../core/article';
import type { RestoreReport } from '../../core/export';
import type { ReadingProgress } from '../../core/reading';
import { annotationsDir } from '../annotations';
import { LIBRARY_FILE, USER_DIR, type LibraryStore } from '../store';
import { BODIES_DIR } from '../store/body-packs';
import { describeIssues, isErrnoException, syncDir, writeFileDurably } from '../store/durable-json-file';
import { parseJson } from '../store/json-codec';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  backupSchema,
  type Backup,
} from './backup-format';
import { restoreReviewState } from '../review/review-backup';
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
    json = parseJson(text);
  } catch (error) {
    if (/__proto__/.test(message(error))) {
      throw new BackupError(`The backup ${where} is damaged (${message(error)}). Nothing was changed.`);
    }
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

/** Restores an already checked backup (see the module comment). @throws the failed write's error, with nothing changed. */
export async function restoreFromBackup(
  store: LibraryStore,
  data: UserData,
  backup: Backup,
): Promise<RestoreReport> {
  const targets = new Set<string>();
  for (const article of backup.articles) targets.add(matchOf(store, article)?.id ?? article.id);
  const snapshot = await takeSnapshot(store.dataDir, targets);
  try {
    return await applyBackup(store, data, backup);
  } catch (error) {
    try {
      await snapshot.putBack();
      await store.reload();
      await data.progress.reload();
      await data.annotations.reload();
      await data.tags?.reload();
    } catch (rollbackError) {
      throw new BackupError(
        `Gazette could not finish restoring the backup (${message(error)}), and could not put every file back ` +
          `as it was (${message(rollbackError)}). Restore the backup again once the problem is solved: ` +
          'restoring merges, so nothing is duplicated.',
        { cause: error },
      );
    }
    throw new BackupError(`Gazette could not restore the backup (${message(error)}). Nothing was changed.`, {
      cause: error,
    });
  }
}

type BackupArticle = Backup['articles'][number];

/** The library's article a backup article is: same id, else same source, else same text. */
function matchOf(
  store: LibraryStore,
  article: BackupArticle,
): { id: string; removedAt?: string } | undefined {
  return (
    store.getIncludingRemoved(article.id) ??
    store.findBySource(article.source) ??
    store.findByFingerprint(article.fingerprint)
  );
}

async function applyBackup(store: LibraryStore, data: UserData, backup: Backup): Promise<RestoreReport> {
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
    conflicts: 0,
  };

  // Plan first, write after: which backup article is which library article.
  const targetOf = new Map<string, string>();
  const added: Article[] = [];
  const overrides: Array<[string, NonNullable<BackupArticle['cleaningOverrides']>]> = [];
  const bringBack: string[] = [];
  for (const article of backup.articles) {
    const match = matchOf(store, article);
    const { cleaningOverrides, ...rest } = article;
    if (match) {
      targetOf.set(article.id, match.id);
      if (match.removedAt !== undefined) bringBack.push(match.id);
      else report.articlesKept += 1;
      if (cleaningOverrides && store.cleaningOverrides(match.id) === undefined)
        overrides.push([match.id, cleaningOverrides]);
    } else {
      targetOf.set(article.id, article.id);
      added.push(rest);
      if (cleaningOverrides) overrides.push([article.id, cleaningOverrides]);
    }
  }
  const target = (id: string): string => targetOf.get(id) ?? id;

  await store.commit({ added, updated: [] });
  report.articlesAdded = added.length;
  const broughtBack = await store.restore(bringBack);
  report.articlesBroughtBack = broughtBack.length;
  report.articlesKept += bringBack.length - broughtBack.length;
  for (const [id, choices] of overrides) await store.setCleaningOverrides(id, choices);

  const progress = new Map<string, ReadingProgress>();
  for (const [id, read] of Object.entries(backup.progress)) progress.set(target(id), read);
  report.progressRestored = (await data.progress.merge(progress)).length;

  for (const [id, annotations] of Object.entries(backup.annotations)) {
    const merged = await data.annotations.merge(target(id), annotations);
    report.highlightsAdded += merged.highlightsAdded;
    report.highlightsUpdated += merged.highlightsUpdated;
    report.notesAdded += merged.notesAdded;
    report.notesUpdated += merged.notesUpdated;
    report.conflicts += merged.conflicts;
  }

  if (backup.review) {
    // Grades follow their article to its id here (a match by source or text may have another).
    const review = structuredClone(backup.review);
    for (const record of Object.values(review.records)) record.articleId = target(record.articleId);
    review.frequencies.articles = Object.fromEntries(
      Object.entries(review.frequencies.articles).map(([id, frequency]) => [target(id), frequency]),
    );
    report.reviewRestored = (await restoreReviewState(store, review)).records;
  }

  if (backup.tags && data.tags) {
    // Tags merge: the backup's are added to an article's own, none is taken away.
    const tags = new Map<string, string[]>();
    for (const [id, list] of Object.entries(backup.tags)) tags.set(target(id), list);
    report.tagsRestored = await data.tags.merge(
      Object.fromEntries(tags),
      (id) => store.getIncludingRemoved(id) !== undefined,
    );
  }

  // Last: the settings service cannot read its file again after a rollback.
  if (Object.keys(data.settings.saved()).length === 0 && Object.keys(backup.settings).length > 0) {
    await data.settings.update(backup.settings);
    report.settingsRestored = true;
  }
  return report;
}

/** The bytes of the files a restore may change, and how to put them back. */
interface Snapshot {
  putBack(): Promise<void>;
}

/**
 * Reads into memory every file a restore may change: library.json, the files of `user/` (not
 * its folders), the annotation files of `targets` (and their kept older versions), and the names
 * of the body packs. `putBack` rewrites each changed file durably, deletes files and packs that
 * were not there, and syncs the folders.
 */
async function takeSnapshot(dataDir: string, targets: ReadonlySet<string>): Promise<Snapshot> {
  const userDir = path.join(dataDir, USER_DIR);
  const notesDir = annotationsDir(dataDir);
  const bodiesDir = path.join(dataDir, BODIES_DIR);
  const files = new Map<string, Buffer | null>();
  const keep = async (file: string): Promise<void> => {
    files.set(file, await readIfThere(file));
  };
  await keep(path.join(dataDir, LIBRARY_FILE));
  const userNames = await namesIn(userDir);
  for (const name of userNames) {
    if (name.endsWith('.json') || name.endsWith('.log')) await keep(path.join(userDir, name));
  }
  const noteNames = await namesIn(notesDir);
  for (const id of targets) {
    await keep(path.join(notesDir, `${id}.json`));
    for (const name of noteNames) if (name.startsWith(`${id}.v`)) await keep(path.join(notesDir, name));
  }
  const packs = new Set(await namesIn(bodiesDir));

  return {
    async putBack() {
      // Files the restore created in the folders it writes: gone, as they were not there.
      for (const [dir, before] of [
        [userDir, new Set(userNames)],
        [notesDir, new Set(noteNames)],
      ] as const) {
        for (const name of await namesIn(dir)) {
          const file = path.join(dir, name);
          if (!before.has(name) && !files.has(file) && (name.endsWith('.json') || name.endsWith('.log')))
            files.set(file, null);
        }
      }
      for (const [file, bytes] of files) {
        const now = await readIfThere(file);
        if (bytes === null) {
          if (now !== null) await unlink(file);
        } else if (now === null || !now.equals(bytes)) {
          await writeFileDurably(file, bytes);
        }
      }
      for (const name of await namesIn(bodiesDir)) {
        if (!packs.has(name)) await unlink(path.join(bodiesDir, name));
      }
      for (const dir of [dataDir, userDir, notesDir, bodiesDir]) await syncDir(dir).catch(() => undefined);
    },
  };
}

async function readIfThere(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    throw error;
  }
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return [];
    throw error;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
