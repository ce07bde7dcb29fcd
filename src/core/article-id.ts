/**
 * The one rule for an article id, shared by the store, the IPC contract, backups, tags and the
 * command line: 12 lowercase hex digits (the start of the SHA-256 of the article's source, see
 * `src/node/store/article-id.ts`). Nothing else is an article id, so an id read from a file or
 * sent by the window can never be `constructor`, `__proto__` or a path.
 */
import { z } from 'zod';

/** Hex characters of an id: 48 bits, so 100,000 articles collide with odds of about 1 in 56,000. */
export const ARTICLE_ID_LENGTH = 12;

export const ARTICLE_ID_PATTERN = /^[0-9a-f]{12}$/;

/** Whether `value` is an article id. */
export function isArticleId(value: unknown): value is string {
  return typeof value === 'string' && ARTICLE_ID_PATTERN.test(value);
}

/** The zod schema of an article id, for every schema that holds one. */
export const articleIdSchema = z.string().regex(ARTICLE_ID_PATTERN, 'not an article id');
