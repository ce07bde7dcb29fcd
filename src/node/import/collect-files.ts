/**
 * Turns the paths a person gave (files and folders) into the list of files to import, walking
 * folders recursively. Everything it passes over is reported with a reason, except operating
 * system clutter (`.DS_Store`, `Thumbs.db`...) that nobody means to import.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { describeReadError } from './read-article-file';

/** What to import, and what was left out on purpose or could not be looked at. */
export interface CollectedFiles {
  /** Absolute paths, sorted by code unit, without repeats. */
  files: string[];
  skipped: { path: string; reason: string }[];
  failed: { path: string; error: string }[];
}

/**
 * Extensions read as articles inside folders. Files without an extension are tried too (text
 * corpora often have none); anything else in a folder is skipped. A file named on the command
 * line is always tried, whatever its name, so its error says what is wrong with it.
 */
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

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
  const skipped: CollectedFiles['skipped'] = [];
  const failed: CollectedFiles['failed'] = [];
  /** Real paths of the folders walked so far. */
  const visited = new Set<string>();
  /** Links to folders met during the walk, followed once the real folders are done. */
  let folderLinks: string[] = [];

  /** Walks a folder unless its real path was walked already; false if it was. */
  const walk = async (folder: string): Promise<boolean> => {
    let entries: Dirent[];
    try {
      const real = await realpath(folder);
      if (visited.has(real)) return false;
      visited.add(real);
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      failed.push({ path: folder, error: describeFolderError(error) });
      return true;
    }
    entries.sort((a, b) => byCodeUnit(a.name, b.name));

    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (isSystemClutter(entry.name)) continue;
      if (entry.name.startsWith('.')) {
        skipped.push({ path, reason: entry.isDirectory() ? 'hidden folder' : 'hidden file' });
        continue;
      }
      let isFile = entry.isFile();
      if (entry.isDirectory()) {
        await walk(path);
        continue;
      }
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(path);
          if (target.isDirectory()) {
            folderLinks.push(path);
            continue;
          }
          isFile = target.isFile();
        } catch (error) {
          failed.push({ path, error: describeLinkError(error) });
          continue;
        }
      }
      if (!isFile) skipped.push({ path, reason: 'not a regular file (a pipe, socket or device)' });
      else if (isTextName(entry.name)) files.add(path);
      else skipped.push({ path, reason: `not a text article (${extname(entry.name).toLowerCase()})` });
    }
    return true;
  };

  for (const given of paths) {
    const path = resolve(given);
    let isFolder: boolean;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch (error) {
      failed.push({ path, error: describeReadError(error) });
      continue;
    }
    if (!isFolder) files.add(path);
    else if (!(await walk(path)))
      skipped.push({ path, reason: 'folder already included through another path' });
  }

  // Following a link may find more links: go on until none is left. Each round walks only
  // folders not visited yet, so there are at most as many rounds as folders.
  while (folderLinks.length > 0) {
    const links = folderLinks;
    folderLinks = [];
    for (const link of links) {
      if (await walk(link)) continue;
      skipped.push({ path: link, reason: await describeRevisit(link) });
    }
  }

  return {
    files: [...files].sort(byCodeUnit),
    skipped: skipped.sort((a, b) => byCodeUnit(a.path, b.path)),
    failed: failed.sort((a, b) => byCodeUnit(a.path, b.path)),
  };
}

function isTextName(name: string): boolean {
  const extension = extname(name).toLowerCase();
  return extension === '' || TEXT_EXTENSIONS.has(extension);
}

/** Why a link to an already walked folder is not followed: a loop, or just a second way in. */
async function describeRevisit(link: string): Promise<string> {
  try {
    const [target, parent] = await Promise.all([realpath(link), realpath(dirname(link))]);
    const isLoop = parent === target || parent.startsWith(target.endsWith(sep) ? target : target + sep);
    return isLoop
      ? `symbolic link loop: it leads back to ${target}, a folder that contains it`
      : `folder already included through another path (${target})`;
  } catch {
    return 'folder already included through another path';
  }
}

function describeLinkError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'broken symbolic link: its target does not exist';
  if (code === 'ELOOP') return 'symbolic link loop: the link leads back to itself';
  return describeReadError(error);
}

function describeFolderError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot open the folder: permission denied';
  return describeReadError(error).replace('cannot read the file', 'cannot open the folder');
}
