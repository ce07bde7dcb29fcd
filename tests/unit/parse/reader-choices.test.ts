import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeArticleBytes } from '../../../src/core/parse/decode';
import {
  NO_OVERRIDES,
  overrideKey,
  recleanArticle,
  storedArticleText,
  withChoice,
} from '../../../src/core/parse/reader-choices';
import { parseArticleText } from '../../../src/core/parse/structure';

const SEED = join(import.meta.dirname, '..', '..', '..', 'seeds', '000_fa55918c37a99e94.txt');
const seedText = decodeArticleBytes(readFileSync(SEED)).text;

const P1 =
  'The government said on Tuesday that the new rules would come into force next spring, after a consultation.';
const P2 =
  'Opposition parties said the plan did not go far enough and called for a vote in parliament before the summer.';
const ARTICLE = [
  'Rules to change',
  'Advertisement',
  P1,
  '- First point of the plan',
  P2,
  'Sponsored panel',
  'Share this article',
  'Leave a comment',
].join('\n');

describe('reader choices', () => {
  it('re-cleans the seed from its stored text to the same result when the reader chose nothing', () => {
    const parsed = parseArticleText(seedText);
    const again = recleanArticle(parsed.title, parsed, NO_OVERRIDES);
    expect(again.blocks).toEqual(parsed.blocks);
    expect(again.removed).toEqual(parsed.removed);
    expect(again.blocks).toHaveLength(8);
    expect(again.removed).toHaveLength(3);
  });

  it('puts a removed block back, and marks a kept block as site text, keyed by normalised text', () => {
    const parsed = parseArticleText(ARTICLE);
    expect(parsed.removed.map((block) => block.text)).toEqual([
      'Advertisement',
      'Share this article',
      'Leave a comment',
    ]);
    let overrides = withChoice(NO_OVERRIDES, '  Share   THIS article ', 'keep');
    overrides = withChoice(overrides, 'Sponsored panel', 'remove');
    const chosen = recleanArticle(parsed.title, parsed, overrides);
    expect(chosen.blocks.map((block) => block.text)).toEqual([
      P1,
      'First point of the plan',
      P2,
      'Share this article',
    ]);
    expect(chosen.removed).toEqual([
      { text: 'Advertisement', reason: 'ad-label', position: 'start' },
      { text: 'Sponsored panel', reason: 'reader', position: 'end' },
      { text: 'Leave a comment', reason: 'comment-form', position: 'end' },
    ]);
    // The list item keeps its kind through the stored text.
    expect(chosen.blocks[1]).toEqual({ kind: 'list-item', text: 'First point of the plan' });
  });

  it('keeps the choices through another re-clean of the re-cleaned article', () => {
    const parsed = parseArticleText(ARTICLE);
    const overrides = withChoice(withChoice(NO_OVERRIDES, 'Share this article', 'keep'), P1, 'remove');
    const once = recleanArticle(parsed.title, parsed, overrides);
    const twice = recleanArticle(once.title, once, overrides);
    expect(twice.blocks).toEqual(once.blocks);
    expect(twice.removed.map((block) => [block.text, block.reason])).toEqual(
      once.removed.map((block) => [block.text, block.reason]),
    );
    expect(twice.removed.find((block) => block.text === P1)?.reason).toBe('reader');
  });

  it('loses no word: the stored text holds every kept and removed block', () => {
    const parsed = parseArticleText(ARTICLE);
    const stored = storedArticleText(parsed.title, parsed);
    for (const line of ARTICLE.split('\n')) expect(stored).toContain(line.replace(/^- /u, ''));
  });

  it('undoes the opposite choice for the same block', () => {
    const overrides = withChoice(
      withChoice(NO_OVERRIDES, 'Share this article', 'keep'),
      'share this  article',
      'remove',
    );
    expect(overrides).toEqual({ keep: [], remove: [overrideKey('Share this article')] });
  });
});
