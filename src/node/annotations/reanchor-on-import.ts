/**
 * The import hook that keeps highlights on their words when an article's text changes: given to
 * `importIntoLibrary` as `onArticlesUpdated` by the app's handlers and the command line.
 */
import type { Article } from '../../core/article';
import type { AnnotationStore } from './annotation-store';

/**
 * `onArticlesUpdated` for `importIntoLibrary`: anchors the highlights of the updated articles again
 * and saves them. It never fails the import, whose commit is already on disk: an article it could
 * not re-anchor (its annotation file is damaged, the disk is full) keeps the fingerprint of its old
 * text in its file, so it is anchored again the next time its annotations are read, and the error
 * is reported then. `onFailure` hears of each one (the command line prints a warning).
 */
export function reanchorOnImport(
  annotations: () => Promise<AnnotationStore>,
  onFailure: (failure: { id: string; error: string }) => void = () => undefined,
): (articles: Article[]) => Promise<void> {
  return async (articles) => {
    try {
      const { failed } = await (await annotations()).reanchorArticles(articles);
      failed.forEach(onFailure);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (const article of articles) onFailure({ id: article.id, error: message });
    }
  };
}
