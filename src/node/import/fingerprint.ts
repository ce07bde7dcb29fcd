/**
 * The fingerprint of an article's text: equal for two files with the same words, whatever
 * their encoding, line endings, Unicode form or spacing. The store uses it to spot duplicates
 * and to tell whether a re-imported file changed.
 */
import { createHash } from 'node:crypto';
import type { Block } from '../../core/article';
import { fingerprintText } from '../../core/parse/metrics';

/** SHA-256, lower-case hex, of the canonical text (see `fingerprintText`). */
export function fingerprint(title: string, blocks: readonly Block[]): string {
  return createHash('sha256').update(fingerprintText(title, blocks), 'utf8').digest('hex');
}
