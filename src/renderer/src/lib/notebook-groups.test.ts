import { describe, expect, it } from 'vitest';
import type { Highlight, NotebookArticle, NotebookEntry } from '../../../core/annotations/model';
import { groupNotebook } from './notebook-groups';
import { titleCompare } from './title-order';

const article = (id: string, title: string): NotebookArticle => ({
  id,
  title,
  section: 'world',
  language: 'fr',
});
const alep = article('a', 'Alep : vers un accord');
const brexit = article('b', '“Brexit” talks stall');

function highlight(
  on: NotebookArticle,
  id: string,
  start: number,
  createdAt: string,
  quote: string,
  note = '',
): NotebookEntry {
  const data = {
    id,
    articleId: on.id,
    color: 'yellow',
    note,
    createdAt,
    updatedAt: createdAt,
    anchor: { status: 'anchored', start, end: start + quote.length },
  } as unknown as Highlight;
  return { kind: 'highlight', article: on, highlight: data, quote };
}
const note = (on: NotebookArticle, id: string, createdAt: string, text: string): NotebookEntry => ({
  kind: 'note',
  article: on,
  note: { id, articleId: on.id, text, createdAt, updatedAt: createdAt },
});

const entries: NotebookEntry[] = [
  highlight(alep, 'h1', 500, '2026-01-03T10:00:00Z', 'cessez-le-feu à Alep'),
  note(brexit, 'n1', '2026-01-02T10:00:00Z', 'Read the **Élysée** statement'),
  highlight(alep, 'h2', 20, '2026-01-01T10:00:00Z', 'le ministre russe', 'À **relire**'),
  highlight(brexit, 'h3', 80, '2026-01-04T10:00:00Z', 'talks stall again'),
];

describe('groupNotebook', () => {
  it('groups by article, newest article and newest entry first', () => {
    const groups = groupNotebook(entries);
    expect(groups.map((group) => group.article.id)).toEqual(['b', 'a']);
    expect(groups[1]?.entries.map((entry) => entry.kind === 'highlight' && entry.highlight.id)).toEqual([
      'h1',
      'h2',
    ]);
    expect(groups[0]?.latest).toBe('2026-01-04T10:00:00Z');
  });

  it('orders articles by title ignoring a leading quote mark, entries by place, notes last', () => {
    const groups = groupNotebook(entries, { sort: 'article', locale: 'en-GB' });
    expect(groups.map((group) => group.article.title)).toEqual([
      'Alep : vers un accord',
      '“Brexit” talks stall',
    ]);
    const ids = groups.map((group) =>
      group.entries.map((entry) => (entry.kind === 'highlight' ? entry.highlight.id : entry.note.id)),
    );
    expect(ids).toEqual([
      ['h2', 'h1'],
      ['h3', 'n1'],
    ]);
  });

  it('finds entries by every word, without regard to accents, case or Markdown marks', () => {
    expect(groupNotebook(entries, { words: 'elysee STATEMENT' }).flatMap((g) => g.entries)).toHaveLength(1);
    expect(groupNotebook(entries, { words: 'relire ministre' }).flatMap((g) => g.entries)).toHaveLength(1);
    // The article's title counts too.
    expect(groupNotebook(entries, { words: 'brexit' }).flatMap((g) => g.entries)).toHaveLength(2);
    expect(groupNotebook(entries, { words: 'nowhere' })).toEqual([]);
  });
});

describe('titleCompare', () => {
  it('sorts titles opening with quote marks among the others, in the locale’s order', () => {
    const titles = ['“Zebra” crossing', 'apple pie', '« Élan » vital', '"Brexit" talks', 'Alep'];
    expect([...titles].sort(titleCompare('fr'))).toEqual([
      'Alep',
      'apple pie',
      '"Brexit" talks',
      '« Élan » vital',
      '“Zebra” crossing',
    ]);
  });
});
