import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectImportFiles } from './collect-files';

/** Report entries without their code and values: the English sentence is what these tests read. */
const words = <T extends { code: string; values?: unknown }>(entries: T[]): Omit<T, 'code' | 'values'>[] =>
  entries.map(({ code: _code, values: _values, ...rest }) => rest);

const BBC = fileURLToPath(new URL('../../../tests/fixtures/bbc-news', import.meta.url));

describe('collectImportFiles on the BBC corpus', () => {
  it('lists the 1,438 articles, sorted, with nothing skipped or failed', async () => {
    const { files, skipped, failed } = await collectImportFiles([BBC]);
    expect(files).toHaveLength(1438);
    expect(files).toEqual([...files].sort());
    expect(files[0]).toBe(join(BBC, 'business', '001.txt'));
    expect(words(skipped)).toEqual([]);
    expect(words(failed)).toEqual([]);
  });

  it('lists a file once when it is reached through two given paths', async () => {
    const { files, skipped } = await collectImportFiles([
      join(BBC, 'sport'),
      BBC,
      join(BBC, 'sport', '001.txt'),
    ]);
    expect(files).toHaveLength(1438);
    expect(words(skipped)).toEqual([]);
  });
});

describe('collectImportFiles on a made-up folder', () => {
  let dir: string;
  const at = (...parts: string[]): string => join(dir, ...parts);

  beforeEach(async () => {
    // Real path: the link reasons name real folders, and the temporary folder may be behind a
    // link itself (/var → /private/var on macOS).
    dir = await realpath(await mkdtemp(join(tmpdir(), 'gazette-collect-')));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps text files, skips the rest with a reason and OS clutter silently', async () => {
    await mkdir(at('news', 'sub'), { recursive: true });
    await mkdir(at('news', '.git'));
    for (const name of ['b.txt', 'a.md', 'c', 'D.TXT', 'e.text', 'photo.JPG', 'report.pdf', '.notes.txt']) {
      await writeFile(at('news', name), 'x');
    }
    for (const clutter of ['.DS_Store', 'Thumbs.db', 'desktop.ini', '._b.txt'])
      await writeFile(at('news', clutter), 'x');
    await writeFile(at('news', '.git', 'HEAD'), 'x');
    await writeFile(at('news', 'sub', 'z.txt'), 'x');

    const result = await collectImportFiles([at('news')]);
    expect(result.files).toEqual([
      at('news', 'D.TXT'),
      at('news', 'a.md'),
      at('news', 'b.txt'),
      at('news', 'c'),
      at('news', 'e.text'),
      at('news', 'sub', 'z.txt'),
    ]);
    expect(words(result.skipped)).toEqual([
      { path: at('news', '.git'), reason: 'hidden folder' },
      { path: at('news', '.notes.txt'), reason: 'hidden file' },
      { path: at('news', 'photo.JPG'), reason: 'not an article (.jpg)' },
      { path: at('news', 'report.pdf'), reason: 'not an article (.pdf)' },
    ]);
    expect(words(result.failed)).toEqual([]);
  });

  it('always takes a file named explicitly, whatever its name', async () => {
    await writeFile(at('photo.jpg'), 'x');
    await writeFile(at('.hidden'), 'x');
    const result = await collectImportFiles([at('photo.jpg'), at('.hidden')]);
    expect(result.files).toEqual([at('.hidden'), at('photo.jpg')]);
    expect(words(result.skipped)).toEqual([]);
  });

  it('fails a path that does not exist', async () => {
    const result = await collectImportFiles([at('missing'), at('missing.txt')]);
    expect(words(result.failed)).toEqual([
      { path: at('missing'), error: 'no such file or folder' },
      { path: at('missing.txt'), error: 'no such file or folder' },
    ]);
    expect(result.files).toEqual([]);
  });

  it('ends on a symbolic link loop and reports it', async () => {
    await mkdir(at('news', 'sub'), { recursive: true });
    await writeFile(at('news', 'sub', 'a.txt'), 'x');
    await symlink(at('news'), at('news', 'sub', 'back-to-news')); // sub/back-to-news → news
    await symlink('.', at('news', 'self')); // self → news

    const result = await collectImportFiles([at('news')]);
    expect(result.files).toEqual([at('news', 'sub', 'a.txt')]);
    expect(words(result.skipped)).toEqual([
      {
        path: at('news', 'self'),
        reason: `symbolic link loop: it leads back to ${at('news')}, a folder that contains it`,
      },
      {
        path: at('news', 'sub', 'back-to-news'),
        reason: `symbolic link loop: it leads back to ${at('news')}, a folder that contains it`,
      },
    ]);
  });

  it('lists files under their real path when a link leads to a folder walked anyway', async () => {
    await mkdir(at('news', 'sport'), { recursive: true });
    await writeFile(at('news', 'sport', 'a.txt'), 'x');
    // "a-link" sorts before "sport": the real folder must still win.
    await symlink(at('news', 'sport'), at('news', 'a-link'));

    const result = await collectImportFiles([at('news')]);
    expect(result.files).toEqual([at('news', 'sport', 'a.txt')]);
    expect(words(result.skipped)).toEqual([
      {
        path: at('news', 'a-link'),
        reason: `folder already included through another path (${at('news', 'sport')})`,
      },
    ]);
  });

  it('follows links to folders and files outside the walked folder', async () => {
    await mkdir(at('elsewhere'));
    await mkdir(at('news'));
    await writeFile(at('elsewhere', 'far.txt'), 'x');
    await symlink(at('elsewhere'), at('news', 'linked'));
    await symlink(at('elsewhere', 'far.txt'), at('news', 'near.txt'));
    const result = await collectImportFiles([at('news')]);
    expect(result.files).toEqual([at('news', 'linked', 'far.txt'), at('news', 'near.txt')]);
  });

  it('reports broken and looping links to files as failures', async () => {
    await mkdir(at('news'));
    await symlink(at('news', 'gone.txt'), at('news', 'broken.txt'));
    await symlink(at('news', 'loop-b.txt'), at('news', 'loop-a.txt'));
    await symlink(at('news', 'loop-a.txt'), at('news', 'loop-b.txt'));
    const result = await collectImportFiles([at('news')]);
    expect(words(result.failed)).toEqual([
      { path: at('news', 'broken.txt'), error: 'broken symbolic link: its target does not exist' },
      { path: at('news', 'loop-a.txt'), error: 'cannot read the file: its symbolic links form a loop' },
      { path: at('news', 'loop-b.txt'), error: 'cannot read the file: its symbolic links form a loop' },
    ]);
    expect(result.files).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('skips a named pipe inside a folder', async () => {
    await mkdir(at('news'));
    execFileSync('mkfifo', [at('news', 'pipe.txt')]);
    const result = await collectImportFiles([at('news')]);
    expect(words(result.skipped)).toEqual([
      {
        path: at('news', 'pipe.txt'),
        reason: 'not a regular file (a pipe, socket or device), not an article',
      },
    ]);
  });
});
