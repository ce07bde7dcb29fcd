import { createHash } from 'node:crypto';
import path from 'node:path';

/** Hex characters of the id: 48 bits, so 20,000 articles collide with odds of about 1 in 1.4 million. */
const ID_LENGTH = 12;

/**
 * The stable id of the article imported from `source`: the first 12 hex characters of the SHA-256
 * of its absolute path (UTF-8). The same path always gives the same id, so re-importing a file
 * updates its article and the user's data keyed by that id stays attached. The path is taken as
 * given: on case-insensitive file systems `News.txt` and `news.txt` give different ids.
 * The store refuses to add an article whose id is already held by another source.
 */
export function articleIdForSource(source: string): string {
  return createHash('sha256').update(path.resolve(source), 'utf8').digest('hex').slice(0, ID_LENGTH);
}
