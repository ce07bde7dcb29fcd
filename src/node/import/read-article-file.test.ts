import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  articleFromBytes,
  MAX_ARTICLE_BYTES,
  readArticleFile,
  readArticleFileSync,
  type SingleOutcome as FileOutcome,
} from './read-article-file';
import { SEED_BLOCKS, SEED_REMOVED, SEED_TITLE } from './seed-article.expected';

const SEED = fileURLToPath(new URL('../../../seeds/000_fa55918c37a99e94.txt', import.meta.url));

type Article = Extract<FileOutcome, { kind: 'article' }>;

function expectArticle(outcome: FileOutcome): Article {
  if (outcome.kind !== 'article') throw new Error(`expected an article, got: ${outcome.error}`);
  return outcome;
}

function expectFailure(outcome: FileOutcome): string {
  if (outcome.kind !== 'failed')
    throw new Error(`expected a failure, got an article: ${outcome.article.title}`);
  return outcome.error;
}

describe('readArticleFile on the seed article', () => {
  it('keeps its eight blocks, kind and text, and removes the comment form and cookie banner', async () => {
    const outcome = expectArticle(await readArticleFile(SEED));
    expect(outcome.article.title).toBe(SEED_TITLE);
    expect(outcome.article.blocks).toEqual(SEED_BLOCKS);
    expect(outcome.article.removed).toEqual(SEED_REMOVED);
  });

  it('reads it as UTF-8 French, from the seeds section, under its absolute path', async () => {
    const outcome = expectArticle(await readArticleFile(SEED));
    expect(outcome.encoding).toBe('utf-8');
    expect(outcome.article.language).toBe('fr');
    expect(outcome.section).toBe('seeds');
    expect(outcome.path).toBe(resolve(SEED));
    expect(outcome.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.article.wordCount).toBeGreaterThan(400);
    expect(outcome.article.readingMinutes).toBe(Math.ceil(outcome.article.wordCount / 195));
  });
});

describe('readArticleFile on made-up files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gazette-read-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const write = async (name: string, content: string | Uint8Array): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };
  const english =
    'Markets rally\n\nShares in London rose sharply on Monday as investors welcomed the figures.\n\n' +
    'Analysts said the gains were likely to last until the end of the week.\n';

  it('names the section after the parent folder and resolves relative paths', async () => {
    await mkdir(join(dir, 'business'));
    const path = join(dir, 'business', 'a.txt');
    await writeFile(path, english);
    const relativePath = join(dir, 'business', '..', 'business', 'a.txt');
    const outcome = expectArticle(await readArticleFile(relativePath));
    expect(outcome.section).toBe('business');
    expect(outcome.path).toBe(path);
    expect(outcome.article.language).toBe('en');
  });

  it('fails an empty file', async () => {
    expect(expectFailure(await readArticleFile(await write('empty.txt', '')))).toBe('empty file');
  });

  it('fails a file of white space only', async () => {
    const path = await write('blank.txt', ' \n\t\r\n  \n');
    expect(expectFailure(await readArticleFile(path))).toBe('empty file (only white space)');
  });

  it('fails a file with a title and no body', async () => {
    const path = await write('title.txt', '\n  Just a title  \n\n \n');
    expect(expectFailure(await readArticleFile(path))).toBe('the file has a title but no body text');
  });

  it('fails a binary file', async () => {
    const path = await write(
      'image.txt',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    );
    expect(expectFailure(await readArticleFile(path))).toBe(
      'binary file (contains NUL bytes), not an article',
    );
  });

  it('reads UTF-16 text, with or without a byte order mark, rather than calling it binary', async () => {
    const text = 'Élection : le dépouillement\n\nLe scrutin s’est déroulé sans incident, a-t-il dit.\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [name, bytes, encoding] of [
      ['le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le'],
      ['le.txt', le, 'utf-16le'],
      ['be-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be'],
      ['be.txt', be, 'utf-16be'],
    ] as const) {
      const outcome = expectArticle(await readArticleFile(await write(name, bytes)));
      expect(outcome.encoding).toBe(encoding);
      expect(outcome.article.title).toBe('Élection : le dépouillement');
      expect(outcome.article.blocks[0]?.text).toBe('Le scrutin s’est déroulé sans incident, a-t-il dit.');
    }
  });

  it('says "5.0 MiB, over the 5 MiB limit" for 5 MiB and one byte, and takes exactly 5 MiB', async () => {
    const path = await write('edge.txt', '');
    await truncate(path, MAX_ARTICLE_BYTES + 1);
    expect(expectFailure(await readArticleFile(path))).toBe(
      'file is 5.0 MiB, over the 5 MiB limit for an article',
    );
    await truncate(path, MAX_ARTICLE_BYTES);
    // Exactly at the limit it is read (and, being all NULs, found binary): not refused for size.
    expect(expectFailure(await readArticleFile(path))).toBe(
      'binary file (contains NUL bytes), not an article',
    );
  });

  it('fails a file over the limit without reading it (a sparse 12 MiB file)', async () => {
    const path = await write('huge.txt', '');
    await truncate(path, Math.round(12.3 * 1024 * 1024));
    expect(expectFailure(await readArticleFile(path))).toBe(
      'file is 12.3 MiB, over the 5 MiB limit for an article',
    );
    expect(MAX_ARTICLE_BYTES).toBe(5 * 1024 * 1024);
  });

  it('takes another limit as an option', async () => {
    const path = await write('long.txt', english);
    expect(expectFailure(await readArticleFile(path, { maxBytes: 100 }))).toBe(
      `file is ${english.length} bytes, over the 100 bytes limit for an article`,
    );
    expectArticle(await readArticleFile(path, { maxBytes: english.length }));
  });

  it('fails a path that does not exist', async () => {
    expect(expectFailure(await readArticleFile(join(dir, 'missing.txt')))).toBe('no such file or folder');
  });

  it('fails a folder', async () => {
    expect(expectFailure(await readArticleFile(dir))).toBe('this is a folder, not a file');
  });

  it('fails a broken symbolic link and a link loop', async () => {
    await symlink(join(dir, 'nowhere.txt'), join(dir, 'broken.txt'));
    expect(expectFailure(await readArticleFile(join(dir, 'broken.txt')))).toBe('no such file or folder');
    await symlink(join(dir, 'b.txt'), join(dir, 'a.txt'));
    await symlink(join(dir, 'a.txt'), join(dir, 'b.txt'));
    expect(expectFailure(await readArticleFile(join(dir, 'a.txt')))).toBe(
      'cannot read the file: its symbolic links form a loop',
    );
  });

  // Tests run as root in CI, where chmod 000 does not stop a read; the folder, link and pipe
  // cases above and below fail for root too.
  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')(
    'fails a file without read permission',
    async () => {
      const path = await write('secret.txt', english);
      await chmod(path, 0o000);
      expect(expectFailure(await readArticleFile(path))).toBe('cannot read the file: permission denied');
    },
  );

  it.skipIf(process.platform === 'win32')(
    'fails a named pipe at once instead of waiting for a writer',
    async () => {
      const path = join(dir, 'pipe');
      execFileSync('mkfifo', [path]);
      expect(expectFailure(await readArticleFile(path))).toBe(
        'not a regular file (a pipe, socket or device), not an article',
      );
    },
  );

  it('reads the same outcome with blocking reads (the parse workers) as with callbacks', async () => {
    await mkdir(join(dir, 'business'));
    const paths = [
      await write('business/a.txt', english),
      await write('empty.txt', ''),
      await write('title-only.txt', 'Just a title\n'),
      await write('binary.bin', new Uint8Array([72, 105, 0, 1])),
      join(dir, 'missing.txt'),
      dir,
      SEED,
    ];
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    paths.push(join(dir, 'pipe'));
    for (const path of paths) {
      expect(readArticleFileSync(path)).toEqual(await readArticleFile(path));
    }
  });

  it('reads a Windows-1252 file', async () => {
    // "Café : 5 €" then "Le café coûte 5 €, dit-il." with é = E9, û = FB, € = 80, ’ = 92.
    const latin = (text: string): number[] =>
      [...text].map((c) => ({ é: 0xe9, û: 0xfb, '€': 0x80, '’': 0x92 })[c] ?? c.charCodeAt(0));
    const bytes = Uint8Array.from([...latin('Café : 5 €\n\nLe café coûte 5 €, dit-il.\n\nC’est cher.\n')]);
    const outcome = expectArticle(await readArticleFile(await write('cp1252.txt', bytes)));
    expect(outcome.encoding).toBe('windows-1252');
    expect(outcome.article.title).toBe('Café : 5 €');
    expect(outcome.article.blocks.map((block) => block.text)).toEqual([
      'Le café coûte 5 €, dit-il.',
      'C’est cher.',
    ]);
  });

  it('reads CRLF, BOM and NFD files to the same text and fingerprint as plain UTF-8', async () => {
    const plain = expectArticle(await readArticleFile(await write('plain.txt', english)));
    const crlf = expectArticle(
      await readArticleFile(await write('crlf.txt', english.replace(/\n/g, '\r\n'))),
    );
    const bom = expectArticle(await readArticleFile(await write('bom.txt', '\uFEFF' + english)));
    expect(plain.encoding).toBe('utf-8');
    expect(bom.encoding).toBe('utf-8-bom');
    expect(crlf.article).toEqual(plain.article);
    expect(bom.article).toEqual(plain.article);
    expect(crlf.fingerprint).toBe(plain.fingerprint);
    expect(bom.fingerprint).toBe(plain.fingerprint);

    const french = 'Défense\n\nLe ministre russe de la Défense a annoncé des négociations.\n\nÀ suivre.\n';
    const nfc = expectArticle(await readArticleFile(await write('nfc.txt', french)));
    const nfd = expectArticle(await readArticleFile(await write('nfd.txt', french.normalize('NFD'))));
    expect(nfd.article).toEqual(nfc.article);
    expect(nfd.fingerprint).toBe(nfc.fingerprint);
  });

  it('gives the same article from bytes in memory as from the file', async () => {
    const path = await write('same.txt', english);
    expect(articleFromBytes(path, new TextEncoder().encode(english))).toEqual(await readArticleFile(path));
  });
});
