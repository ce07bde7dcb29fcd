/**
 * Exports of the reader's highlights and notes, as files' names and text: the app's `exportArticle`
 * and `exportLibrary`, and `gazette export`. Nothing is written here; the caller saves the files
 * (the command line in --out, the app where the reader chooses).
 */
import type { ExportedFile, ExportFormat } from '../../core/export';
import type { AnnotationStore } from '../annotations';
import type { LibraryStore } from '../store';
import { gatherAnnotatedArticles, type AnnotatedArticle } from './annotated-article';
import { articleFileName, articleFileStem } from './file-names';
import { exportReviewState } from '../review/review-backup';
import { annotationsToJson } from './json-export';
import { articleToMarkdown } from './markdown-export';
import { annotationsToWebAnnotations } from './web-annotation-export';

export interface ExportOptions {
  /** The export's clock (`exportedAt` in JSON); tests pass a fixed one. */
  now?: () => Date;
  /** The reader's tags by article id (TagStore.all()), written with each article. */
  tags?: Readonly<Record<string, readonly string[]>>;
}

function withTags(articles: AnnotatedArticle[], options: ExportOptions): AnnotatedArticle[] {
  const tags = options.tags;
  if (!tags) return articles;
  return articles.map((article) => ({ ...article, tags: [...(tags[article.meta.id] ?? [])] }));
}

/** The base name of a whole-library export. */
export const LIBRARY_EXPORT_NAME = 'gazette-annotations';

async function format(
  store: LibraryStore,
  articles: AnnotatedArticle[],
  kind: ExportFormat,
  baseName: string,
  label: string,
  now: () => Date,
): Promise<ExportedFile> {
  switch (kind) {
    case 'markdown':
      return {
        name: `${baseName}.md`,
        mediaType: 'text/markdown',
        content: articles.map(articleToMarkdown).join('\n'),
      };
    case 'json':
      return {
        name: `${baseName}.json`,
        mediaType: 'application/json',
        // The daily review's state goes with each highlight and note it grades.
        content: annotationsToJson(articles, now().toISOString(), (await exportReviewState(store)).records),
      };
    case 'w3c':
      return {
        name: `${baseName}.jsonld`,
        mediaType: 'application/ld+json',
        content: annotationsToWebAnnotations(articles, label),
      };
  }
}

/**
 * Article `id`'s highlights and notes as one file (an article without annotations gives a file
 * with none). @throws UnknownArticleError if it is not in the library; a damaged annotation file's error.
 */
export async function exportArticle(
  store: LibraryStore,
  annotations: AnnotationStore,
  id: string,
  kind: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportedFile> {
  const articles = withTags(await gatherAnnotatedArticles(store, annotations, [id]), options);
  const meta = articles[0]?.meta ?? { id, title: '' };
  const now = options.now ?? (() => new Date());
  return format(store, articles, kind, articleFileStem(meta), `Gazette highlights: ${meta.title}`, now);
}

/**
 * Every annotated article of the library (removed ones left out): in Markdown one file per article
 * (Obsidian keeps a note per source), in JSON and JSON-LD one file for them all.
 */
export async function exportLibrary(
  store: LibraryStore,
  annotations: AnnotationStore,
  kind: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportedFile[]> {
  const now = options.now ?? (() => new Date());
  const articles = withTags(await gatherAnnotatedArticles(store, annotations), options);
  if (kind !== 'markdown')
    return [await format(store, articles, kind, LIBRARY_EXPORT_NAME, 'Gazette highlights', now)];
  return articles.map((article) => ({
    name: articleFileName(article.meta, 'md'),
    mediaType: 'text/markdown',
    content: articleToMarkdown(article),
  }));
}
