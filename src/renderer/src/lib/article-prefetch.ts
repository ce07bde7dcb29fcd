/**
 * Starts loading an article as soon as the reader shows the intent to open it (the pointer
 * rests on its row, or the keyboard focus reaches it), so that the click finds it ready and
 * the page paints in the next frame. A handful are kept; each is used once, then forgotten,
 * so the reading position it carries is never stale.
 */
import type { Article } from '../../../core/article';
import type { ReadingProgress } from '../../../core/reading';
import { api } from './api';

export interface OpenedArticle {
  article: Article;
  progress: ReadingProgress | null;
}

/** Enough for the rows a pointer crosses on its way to the one it clicks. */
const KEPT = 8;
const pending = new Map<string, Promise<OpenedArticle>>();

function load(id: string): Promise<OpenedArticle> {
  return Promise.all([api.getArticle({ id }), api.getProgress({ id })]).then(([article, progress]) => ({
    article,
    progress,
  }));
}

/** Begins loading `id` unless it is already on its way. */
export function prefetchArticle(id: string): void {
  if (pending.has(id)) return;
  const loading = load(id);
  loading.catch(() => pending.delete(id)); // a failed prefetch is retried by the open itself
  pending.set(id, loading);
  if (pending.size > KEPT) pending.delete(pending.keys().next().value as string);
}

/** The article and its progress: the prefetched ones if any, else loaded now. */
export function openArticle(id: string): Promise<OpenedArticle> {
  const loading = pending.get(id) ?? load(id);
  pending.delete(id);
  return loading;
}

/**
 * Forgets what was prefetched of `id` (its progress just changed), or everything (an import
 * or a removal changed the library).
 */
export function forgetPrefetched(id?: string): void {
  if (id === undefined) pending.clear();
  else pending.delete(id);
}
