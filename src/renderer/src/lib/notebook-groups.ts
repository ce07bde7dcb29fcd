/**
 * The notebook's shape: entries grouped by article (the title, section and date said once per
 * article, not on every line), narrowed by words and sorted. Pure, so it is tested on its own.
 */
import type { NotebookArticle, NotebookEntry } from '../../../core/annotations/model';
import { noteToPlainText, parseNoteMarkdown } from '../../../core/annotations/note-markdown';
import { titleCompare } from './title-order';

export type NotebookSort = 'recent' | 'article' | 'position';
export const NOTEBOOK_SORTS: readonly NotebookSort[] = ['recent', 'article', 'position'];

export interface NotebookGroup {
  article: NotebookArticle;
  entries: NotebookEntry[];
  /** The newest entry's time (ISO 8601), which orders the groups by "most recent". */
  latest: string;
}

export const entryTime = (entry: NotebookEntry): string =>
  entry.kind === 'highlight' ? entry.highlight.createdAt : entry.note.createdAt;

export const entryId = (entry: NotebookEntry): string =>
  entry.kind === 'highlight' ? entry.highlight.id : entry.note.id;

/** The words an entry is found by: a highlight's quote and note, a note's text (Markdown marks left out). */
function entryWords(entry: NotebookEntry): string {
  if (entry.kind === 'note') return noteToPlainText(parseNoteMarkdown(entry.note.text));
  const note = entry.highlight.note ? noteToPlainText(parseNoteMarkdown(entry.highlight.note)) : '';
  return `${entry.quote}\n${note}`;
}

/** Lower case, without accents: "Élysée" is found by "elysee". */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLocaleLowerCase('und');

/** Where in the article an entry sits: highlights by their place, detached ones and notes after. */
function place(entry: NotebookEntry): number {
  if (entry.kind === 'note') return Number.MAX_SAFE_INTEGER;
  const { anchor } = entry.highlight;
  return anchor.status === 'detached' ? Number.MAX_SAFE_INTEGER - 1 : anchor.start;
}

/**
 * Groups `entries` by article. `words` keeps the entries whose quote, note or article title holds
 * every word (accents and case ignored). `sort`: `recent` puts the article with the newest entry
 * first and each article's entries newest first; `article` orders articles by title (locale
 * collation, leading quote marks ignored) and entries by place; `position` keeps the newest
 * articles first but their entries in reading order.
 */
export function groupNotebook(
  entries: readonly NotebookEntry[],
  {
    words = '',
    sort = 'recent',
    locale = 'en',
  }: { words?: string; sort?: NotebookSort; locale?: string } = {},
): NotebookGroup[] {
  const wanted = fold(words).split(/\s+/u).filter(Boolean);
  const groups = new Map<string, NotebookGroup>();
  for (const entry of entries) {
    if (wanted.length > 0) {
      const haystack = fold(`${entry.article.title}\n${entryWords(entry)}`);
      if (!wanted.every((word) => haystack.includes(word))) continue;
    }
    const time = entryTime(entry);
    const group = groups.get(entry.article.id);
    if (group) {
      group.entries.push(entry);
      if (time > group.latest) group.latest = time;
    } else {
      groups.set(entry.article.id, { article: entry.article, entries: [entry], latest: time });
    }
  }
  const newestFirst = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
  const byTitle = titleCompare(locale);
  const list = [...groups.values()];
  for (const group of list) {
    group.entries.sort((a, b) =>
      sort === 'recent' ? newestFirst(entryTime(a), entryTime(b)) : place(a) - place(b),
    );
  }
  return sort === 'article'
    ? list.sort((a, b) => byTitle(a.article.title, b.article.title))
    : list.sort((a, b) => newestFirst(a.latest, b.latest));
}
