/**
 * What every export format is made from: an article's metadata, its current body text, and its
 * highlights (in reading order) and notes. Gathered once through the services, then formatted by
 * pure functions (markdown-export.ts, json-export.ts, web-annotation-export.ts).
 */
import type { ArticleMeta } from '../../core/article';
import { articleText } from '../../core/annotations/article-text';
import type { Highlight, Note } from '../../core/annotations/model';
import type { AnnotationStore } from '../annotations';
import { UnknownArticleError, type LibraryStore } from '../store';

export interface AnnotatedArticle {
  meta: ArticleMeta;
  /** The body text the highlights' current positions count in (blocks joined by a blank line). */
  text: string;
  highlights: Highlight[];
  notes: Note[];
  /** The reader's tags on the article (src/node/tags). */
  tags?: string[];
}

/**
 * The annotated articles of the library (removed ones left out), in the library's order (newest
 * import first), or only those of `ids`. Articles without annotations are left out unless named.
 * @throws UnknownArticleError for a named article not in the library; the first damaged annotation
 *   file's StoreCorruptError (an export that silently dropped someone's notes would be worse).
 */
export async function gatherAnnotatedArticles(
  store: LibraryStore,
  annotations: AnnotationStore,
  ids?: readonly string[],
): Promise<AnnotatedArticle[]> {
  let metas: ArticleMeta[];
  if (ids === undefined) {
    // The files themselves, not the counts index: a damaged file is reported, not skipped.
    const filed = new Set(await annotations.filedIds());
    metas = store.list().filter((meta) => filed.has(meta.id));
  } else {
    metas = ids.map((id) => {
      const meta = store.get(id);
      if (!meta) throw new UnknownArticleError(id, store.dataDir);
      return meta;
    });
  }
  const gathered: AnnotatedArticle[] = [];
  for (const meta of metas) {
    const article = await store.readArticle(meta.id);
    const { highlights, notes } = await annotations.list(meta.id);
    gathered.push({ meta, text: articleText(article.blocks).text, highlights, notes });
  }
  return gathered;
}
