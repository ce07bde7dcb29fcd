/**
 * The notebook: every highlight and note across the library, newest first, for the app's
 * notebook view. It reads every annotated article's file (and body, for the highlights' current
 * words): an explicit view the reader opens, so a read per annotated article is fine here.
 */
import { articleText } from '../../core/annotations/article-text';
import {
  currentQuote,
  type ArticleAnnotations,
  type HighlightColor,
  type NotebookEntry,
} from '../../core/annotations/model';
import type { LibraryStore } from '../store';
import type { AnnotationStore } from './annotation-store';

export interface NotebookFilter {
  /** Only highlights of this colour (notes have none, so they are left out). */
  color?: HighlightColor | undefined;
  /** Only annotations of articles in this section. */
  section?: string | undefined;
}

/**
 * Every highlight and note of the articles in the library (removed ones left out), newest first.
 * An article whose annotation file is damaged is skipped: opening that article reports it. One
 * whose body pack is damaged keeps its entries, each highlight quoting the words it was made on.
 */
export async function listNotebook(
  store: LibraryStore,
  annotations: AnnotationStore,
  filter: NotebookFilter = {},
): Promise<NotebookEntry[]> {
  const entries: NotebookEntry[] = [];
  for (const id of await annotations.filedIds()) {
    const meta = store.get(id);
    if (!meta || (filter.section !== undefined && meta.section !== filter.section)) continue;
    let listed: ArticleAnnotations;
    try {
      listed = await annotations.list(id);
    } catch {
      continue;
    }
    const article = { id, title: meta.title, section: meta.section, language: meta.language };
    const highlights = listed.highlights.filter(
      (highlight) => filter.color === undefined || highlight.color === filter.color,
    );
    if (highlights.length > 0) {
      // A damaged body pack stays local: the highlight is listed with the words it was made on.
      const text = await store.readBody(id).then(
        (body) => articleText(body.blocks).text,
        () => undefined,
      );
      for (const highlight of highlights) {
        const quote = text === undefined ? highlight.selectors[0].exact : currentQuote(highlight, text);
        entries.push({ kind: 'highlight', article, highlight, quote });
      }
    }
    if (filter.color === undefined)
      for (const note of listed.notes) entries.push({ kind: 'note', article, note });
  }
  const created = (entry: NotebookEntry) => (entry.kind === 'note' ? entry.note : entry.highlight);
  return entries.sort((a, b) => {
    const [x, y] = [created(a), created(b)];
    return x.createdAt < y.createdAt
      ? 1
      : x.createdAt > y.createdAt
        ? -1
        : x.id < y.id
          ? -1
          : x.id > y.id
            ? 1
            : 0;
  });
}
