/**
 * The reader's cleaning choices applied to stored articles and to re-imported files: the store
 * keeps them as texts (`keepRemoved`, `removeBlocks`, src/node/store/schemas.ts), the core applies
 * them by key (src/core/parse/reader-choices.ts). This module is the bridge, used by the app's
 * "put back" / "mark as site text" / reclean methods and by the import of an updated file, so that
 * a choice is never undone by a re-import or a re-clean.
 */
import type { Article, ArticleBody, Block, RemovedBlock } from '../../core/article';
import { countWords, makeExcerpt, readingMinutes } from '../../core/parse/metrics';
import {
  applyReaderChoices,
  NO_OVERRIDES,
  overrideKey,
  recleanArticle,
  type CleaningOverrides as ChoiceKeys,
} from '../../core/parse/reader-choices';
import { fingerprint } from '../import/fingerprint';
import type { ArticleOutcome } from '../import/outcome';
import type { CleaningOverrides } from '../store';

/** The store's overrides (texts) as the core's keys. */
export function choiceKeys(overrides: CleaningOverrides | undefined): ChoiceKeys {
  if (!overrides) return NO_OVERRIDES;
  return {
    keep: (overrides.keepRemoved ?? []).map(overrideKey),
    remove: (overrides.removeBlocks ?? []).map(overrideKey),
  };
}

/** A choice the reader makes on one block of an article. */
export type CleaningChoice = 'keep' | 'remove';

/**
 * `overrides` with the reader's new choice on the block `text`: `keep` puts a removed block
 * back, `remove` marks a kept block as site text. The opposite choice on the same block (same
 * key) is undone, so the reader can change their mind; texts are stored as the reader saw them.
 */
export function withStoredChoice(
  overrides: CleaningOverrides | undefined,
  text: string,
  choice: CleaningChoice,
): CleaningOverrides {
  const key = overrideKey(text);
  const same = (item: string): boolean => overrideKey(item) === key;
  const keepRemoved = (overrides?.keepRemoved ?? []).filter((item) => !same(item));
  const removeBlocks = (overrides?.removeBlocks ?? []).filter((item) => !same(item));
  (choice === 'keep' ? keepRemoved : removeBlocks).push(text.trim());
  const next: CleaningOverrides = { ...overrides };
  delete next.keepRemoved;
  delete next.removeBlocks;
  if (keepRemoved.length > 0) next.keepRemoved = keepRemoved;
  if (removeBlocks.length > 0) next.removeBlocks = removeBlocks;
  return next;
}

/** True when two bodies have the same kept and removed blocks, in the same order. */
export function sameBody(a: ArticleBody, b: ArticleBody): boolean {
  const block = (item: Block): string => `${item.kind}\u0000${item.text}`;
  const removed = (item: RemovedBlock): string => `${item.position}\u0000${item.reason}\u0000${item.text}`;
  return (
    a.blocks.length === b.blocks.length &&
    a.removed.length === b.removed.length &&
    a.blocks.every((item, index) => block(item) === block(b.blocks[index]!)) &&
    a.removed.every((item, index) => removed(item) === removed(b.removed[index]!))
  );
}

/** An article whose cleaning would leave no body: the choice or re-clean is refused. */
export class EmptyArticleError extends Error {
  override name = 'EmptyArticleError';
}

/**
 * Article `article` cleaned again from its stored text (kept and removed blocks, in order) with
 * the current rules and the reader's `overrides`: its new body, word count, reading time, excerpt
 * and fingerprint (so its highlights are anchored again). Metadata and identity stay as they are.
 * @throws EmptyArticleError when no paragraph would be left (the article is left as it is).
 */
export function recleanStoredArticle(article: Article, overrides: CleaningOverrides | undefined): Article {
  const parsed = recleanArticle(article.title, article, choiceKeys(overrides));
  if (parsed.blocks.length === 0) {
    throw new EmptyArticleError(
      `"${article.title}" would have no paragraph left; at least one must stay in the article.`,
    );
  }
  return withBody(article, parsed.blocks, parsed.removed);
}

/** `article` with a new body, and what follows from it (words, reading time, excerpt, fingerprint). */
function withBody(article: Article, blocks: Block[], removed: RemovedBlock[]): Article {
  const wordCount = blocks.reduce((sum, block) => sum + countWords(block.text), 0);
  return {
    ...article,
    blocks,
    removed,
    wordCount,
    readingMinutes: readingMinutes(wordCount, article.language),
    excerpt: makeExcerpt(blocks),
    fingerprint: fingerprint(article.title, blocks),
  };
}

/**
 * A freshly parsed file of an article the library holds, with the reader's choices on that
 * article applied (for the import of an updated or unchanged file): the fingerprint is that of
 * the text the reader sees, so an unchanged file is still recognised as unchanged. Returns the
 * outcome as it is when there are no choices, or when they would leave no paragraph.
 */
export function outcomeWithReaderChoices(
  outcome: ArticleOutcome,
  overrides: CleaningOverrides | undefined,
): ArticleOutcome {
  const keys = choiceKeys(overrides);
  if (keys.keep.length === 0 && keys.remove.length === 0) return outcome;
  const { article } = outcome;
  const parsed = applyReaderChoices(
    { title: article.title, blocks: article.blocks, removed: article.removed },
    keys,
  );
  if (parsed.blocks.length === 0) return outcome;
  const wordCount = parsed.blocks.reduce((sum, block) => sum + countWords(block.text), 0);
  return {
    ...outcome,
    fingerprint: fingerprint(article.title, parsed.blocks),
    article: {
      ...article,
      blocks: parsed.blocks,
      removed: parsed.removed,
      wordCount,
      readingMinutes: readingMinutes(wordCount, article.language),
    },
  };
}
