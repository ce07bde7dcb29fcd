/**
 * Turns the paths a person gave (files and folders) into the list of files to import, walking
 * folders recursively. Everything it passes over is reported with a reason, except operating
 * system clutter (`.DS_Store`, `Thumbs.db`...) that nobody means to import.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import type { ImportFailure, ImportSkip } from '../../core/import-report';
import { issue, issueFromError, skipIssue } from './issues';

/** What to import, and what was left out on purpose or could not be looked at. */
export interface CollectedFiles {
  /** Absolute paths, sorted by code unit, without repeats. */
  files: string[];
  /**
   * The real bytes of the paths in `files` whose names are not valid UTF-8 (a file copied from
   * an old Windows or Mac disk): their string in `files` shows each stray byte as `%XX`, and
   * reading goes through these bytes.
   */
  rawPaths: Map<string, Uint8Array>;
  skipped: ImportSkip[];
  failed: ImportFailure[];
}

/**
 * The extensions Gazette imports, lower case with the dot: the one list for the folder walk and
 * the app's open dialog. Files without an extension are tried as text too (text corpora often
 * have none); anything else in a folder is skipped. A file named on the command line is always
 * tried, whatever its name, so its error says what is wrong with it.
 */
export const IMPORTABLE_EXTENSIONS: readonly string[] = [
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.xhtml',
  '.json',
  '.jsonl',
  '.ndjson',
  '.xml',
  '.csv',
  '.zip',
];
const IMPORTABLE = new Set(IMPORTABLE_EXTENSIONS);

/**
 * Files the operating system or a file manager leaves in folders: skipped without a word, since
 * a line per `.DS_Store` would bury the report. Other hidden files and folders (`.git`,
 * `.notes.txt`) are skipped too, but reported: someone may have meant them.
 */
const SYSTEM_CLUTTER = new Set([
  '.DS_Store',
  '.localized',
  '.Spotlight-V100',
  '.Trashes',
  '.fseventsd',
  '.TemporaryItems',
  '.directory',
  'Thumbs.db',
  'ehthumbs.db',
  'desktop.ini',
  'Desktop.ini',
]);

/** macOS writes `._name` beside files copied to foreign disks: resource forks, not text. */
const isSystemClutter = (name: string): boolean => SYSTEM_CLUTTER.has(name) || name.startsWith('._');

/** Code-unit order: the same on every machine and locale, unlike `localeCompare`. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Collects the files to import from `paths`. Folders are walked recursively and in name order.
 * Symbolic links to files are followed. Symbolic links to folders are followed after every real
 * folder has been walked, and only into folders not walked yet, so a file is listed under its
 * real path when it has one, a link loop is reported instead of followed, and the walk always
 * ends. A path given explicitly is always used, even if hidden or not named `.txt`.
 */
export async function collectImportFiles(paths: readonly string[]): Promise<CollectedFiles> {
  const files = new Set<string>();
  const rawPaths = new Map<string, Uint8Array>();
  const skipped: CollectedFiles['skipped'] = [];
  const failed: CollectedFiles['failed'] = [];
  /** Real paths of the folders walked so far. */
  const visited = new Set<string>();
  /** Links to folders met during the walk, followed once the real folders are done. */
  let folderLinks: { path: string; raw: Buffer | undefined }[] = [];

  /**
   * Walks a folder unless its real path was walked already; false if it was. `raw` is the
   * folder's path as bytes when a part of it is not valid UTF-8.
   */
  const walk = async (folder: string, raw?: Buffer): Promise<boolean> => {
    let entries: Dirent<Buffer>[];
    try {
      // Real paths as bytes (latin1 keeps every byte): two folders never share a key.
      const real = (await realpath(raw ?? folder, { encoding: 'buffer' })).toString('latin1');
      if (visited.has(real)) return false;
      visited.add(real);
      entries = await readdir(raw ?? folder, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      failed.push({ path: folder, ...folderIssue(error) });
      return true;
    }
    const named = entries.map((entry) => ({ entry, name: nameOf(entry.name) }));
    named.sort((a, b) => byCodeUnit(a.name, b.name));
    const names = new Set(named.map(({ name }) => name.toLowerCase()));

    for (const { entry, name } of named) {
      const path = join(folder, name);
      // Bytes are kept as soon as a name on the way is not UTF-8, for every path below it.
      const rawPath =
        raw || !isUtf8(entry.name)
          ? Buffer.concat([raw ?? Buffer.from(folder), Buffer.from(sep), entry.name])
          : undefined;
      if (isSystemClutter(name)) continue;
      if (name.startsWith('.')) {
        const code = entry.isDirectory() ? 'hidden-folder' : 'hidden-file';
        skipped.push({ path, reason: issue(code).error, code });
        continue;
      }
      let isFile = entry.isFile();
      if (entry.isDirectory()) {
        if (isSavedPageResources(name, names)) {
          skipped.push({ path, ...skipIssue('page-resources') });
          continue;
        }
        await walk(path, rawPath);
        continue;
      }
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(rawPath ?? path);
          if (target.isDirectory()) {
            folderLinks.push({ path, raw: rawPath });
            continue;
          }
          isFile = target.isFile();
        } catch (error) {
          failed.push({ path, ...linkIssue(error) });
          continue;
        }
      }
      if (!isFile) {
        skipped.push({ path, ...skipIssue('not-a-file') });
      } else if (isImportableName(name)) {
        files.add(path);
        if (rawPath) rawPaths.set(path, new Uint8Array(rawPath));
      } else {
        skipped.push({
          path,
          ...skipIssue('not-an-article-type', { extension: extname(name).toLowerCase() }),
        });
      }
    }
    return true;
  };

  for (const given of paths) {
    const path = resolve(given);
    let isFolder: boolean;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch (error) {
      failed.push({ path, ...issueFromError(error) });
      continue;
    }
    if (!isFolder) files.add(path);
    else if (!(await walk(path))) skipped.push({ path, ...skipIssue('folder-seen') });
  }

  // Following a link may find more links: go on until none is left. Each round walks only
  // folders not visited yet, so there are at most as many rounds as folders.
  while (folderLinks.length > 0) {
    const links = folderLinks;
    folderLinks = [];
    for (const { path: link, raw } of links) {
      if (await walk(link, raw)) continue;
      skipped.push({ path: link, ...(await describeRevisit(link)) });
    }
  }

  return {
    files: [...files].sort(byCodeUnit),
    rawPaths,
    skipped: skipped.sort((a, b) => byCodeUnit(a.path, b.path)),
    failed: failed.sort((a, b) => byCodeUnit(a.path, b.path)),
  };
}

function isImportableName(name: string): boolean {
  const extension = extname(name).toLowerCase();
  return extension === '' || IMPORTABLE.has(extension);
}

/**
 * A browser's "web page, complete" saves `Page.html` with its images and scripts in `Page_files`
 * (or `Page-Dateien`, `Page_fichiers`... by language): the folder beside a page of the same name
 * holds no article. `names` are the folder's entries, lower case.
 */
function isSavedPageResources(folderName: string, names: ReadonlySet<string>): boolean {
  const match = /^(.+?)(?:_files|-dateien|_fichiers|_archivos|_arquivos|_file|-files)$/i.exec(folderName);
  if (!match) return false;
  const page = match[1]!.toLowerCase();
  return ['.html', '.htm', '.xhtml'].some((extension) => names.has(page + extension));
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * A file name's bytes as a string: UTF-8 when valid; otherwise each byte of an invalid sequence
 * as `%XX`, so the name stays readable, distinct from other names, and the same at every import.
 */
function nameOf(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let name = '';
  let start = 0;
  while (start < bytes.length) {
    // Take the longest valid UTF-8 run from `start` (at most 4 bytes per character).
    let taken = 0;
    for (let length = Math.min(4, bytes.length - start); length >= 1; length--) {
      if (isUtf8(bytes.subarray(start, start + length))) {
        taken = length;
        break;
      }
    }
    if (taken === 0) {
      name += `%${bytes[start]!.toString(16).toUpperCase().padStart(2, '0')}`;
      start += 1;
    } else {
      name += bytes.subarray(start, start + taken).toString('utf8');
      start += taken;
    }
  }
  return name;
}

/** Why a link to an already walked folder is not followed: a loop, or just a second way in. */
async function describeRevisit(link: string): Promise<Omit<ImportSkip, 'path'>> {
  try {
    const [target, parent] = await Promise.all([realpath(link), realpath(dirname(link))]);
    const isLoop = parent === target || parent.startsWith(target.endsWith(sep) ? target : target + sep);
    return isLoop ? skipIssue('link-loop-folder', { target }) : skipIssue('folder-seen-at', { target });
  } catch {
    return skipIssue('folder-seen');
  }
}

function linkIssue(error: unknown): Omit<ImportFailure, 'path'> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return issue('broken-link');
  return issueFromError(error);
}

function folderIssue(error: unknown): Omit<ImportFailure, 'path'> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return issue('folder-permission-denied');
  return issueFromError(error);
}
