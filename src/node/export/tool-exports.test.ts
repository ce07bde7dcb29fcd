import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../core/article';
import type { Highlight } from '../../core/annotations/model';
import type { AnnotatedArticle } from './annotated-article';
import { annotationsToReadwiseCsv, READWISE_COLUMNS, writeVaultNotes } from './tool-exports';

const ROOT = resolve(import.meta.dirname, '../../..');

/** A real BBC article with two highlights made on its words (one with a note holding commas and quotes). */
async function annotated(): Promise<AnnotatedArticle> {
  const [title = '', ...rest] = (
    await readFile(join(ROOT, 'tests/fixtures/bbc-news/business/001.txt'), 'utf8')
  ).split('\n');
  const text = rest.filter((line) => line.trim()).join('\n\n');
  const meta: ArticleMeta = {
    id: '0123456789ab',
    title: title.trim(),
    language: 'en',
    section: 'business',
    source: '/news/business/001.txt',
    encoding: 'utf-8',
    wordCount: 400,
    readingMinutes: 2,
    fingerprint: 'f'.repeat(64),
    excerpt: '',
    importedAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    author: 'Jane Smith',
    site: 'BBC News',
    url: 'https://www.bbc.co.uk/news/business-1',
    publishedAt: '2005-02-01',
  };
  const make = (words: string, note: string, index: number): Highlight => {
    const start = text.indexOf(words);
    expect(start).toBeGreaterThanOrEqual(0);
    return {
      id: `h${index}`,
      articleId: meta.id,
      color: 'yellow',
      note,
      createdAt: `2024-05-0${index + 1}T12:34:56.000Z`,
      updatedAt: `2024-05-0${index + 1}T12:34:56.000Z`,
      selectors: [
        { type: 'TextQuoteSelector', exact: words, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end: start + words.length },
      ],
      anchor: { status: 'anchored', start, end: start + words.length },
    };
  };
  const first = text.slice(0, 40);
  const second = text.slice(200, 260);
  return {
    meta,
    text,
    highlights: [make(first, '', 0), make(second, 'Check this, "really", later.\nSecond line.', 1)],
    notes: [],
    tags: ['media', 'to read'],
  };
}

describe('exports to other tools', () => {
  it('writes Readwise’s CSV, which a CSV parser reads back to the same highlights', async () => {
    const article = await annotated();
    const file = annotationsToReadwiseCsv([article]);
    const rows = parseCsv(file.content, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...READWISE_COLUMNS]);
    expect(rows).toEqual([
      {
        Highlight: article.text.slice(0, 40),
        Title: article.meta.title,
        Author: 'Jane Smith',
        URL: 'https://www.bbc.co.uk/news/business-1',
        Note: '',
        Location: '1',
        Date: '2024-05-01 12:34:56',
      },
      {
        Highlight: article.text.slice(200, 260),
        Title: article.meta.title,
        Author: 'Jane Smith',
        URL: 'https://www.bbc.co.uk/news/business-1',
        Note: 'Check this, "really", later.\nSecond line.',
        Location: '2',
        Date: '2024-05-02 12:34:56',
      },
    ]);
  });

  it('writes vault notes with front matter, and updates the same note after a title change', async () => {
    const vault = await mkdtemp(join(tmpdir(), 'gazette-vault-'));
    await writeFile(join(vault, 'my-own-note.md'), 'Mine.');
    const article = await annotated();
    await writeVaultNotes([article], vault);
    const [name] = (await readdir(vault)).filter((entry) => entry !== 'my-own-note.md');
    const note = await readFile(join(vault, name!), 'utf8');
    const front = parseYaml(/^---\n([\s\S]*?)\n---/.exec(note)![1]!) as Record<string, unknown>;
    expect(front).toMatchObject({
      title: article.meta.title,
      author: 'Jane Smith',
      site: 'BBC News',
      url: 'https://www.bbc.co.uk/news/business-1',
      published: '2005-02-01',
      tags: ['gazette', 'media', 'to read'],
    });
    expect(note).toContain(`> ${article.text.slice(0, 40)}`);

    await writeVaultNotes([{ ...article, meta: { ...article.meta, title: 'A new title' } }], vault);
    expect((await readdir(vault)).sort()).toEqual(['a-new-title-0123456789ab.md', 'my-own-note.md']);
  });
});
