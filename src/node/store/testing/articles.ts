import type { Article, Block } from '../../../core/article';
import { articleIdForSource } from '../article-id';

/** A made-up article for the store's tests and timings; `n` picks its text and source. */
export function makeArticle(
  n: number,
  options: { paragraphs?: number; words?: number; importedAt?: string } = {},
): Article {
  const paragraphs = options.paragraphs ?? 8;
  const words = options.words ?? 60;
  const source = `/library/fixtures/section-${n % 5}/${String(n).padStart(5, '0')}.txt`;
  const blocks: Block[] = [{ kind: 'lede', text: `Article ${n} — lede with “quotes” and café.` }];
  for (let p = 0; p < paragraphs; p += 1) {
    const text: string[] = [];
    for (let w = 0; w < words; w += 1) text.push(`word${(n * 31 + p * 7 + w) % 997}`);
    blocks.push({ kind: 'paragraph', text: text.join(' ') + '.' });
  }
  const time = options.importedAt ?? '2024-05-01T10:00:00.000Z';
  return {
    id: articleIdForSource(source),
    title: `Article number ${n}`,
    language: 'en',
    section: `section-${n % 5}`,
    source,
    encoding: 'utf-8',
    wordCount: paragraphs * words + 6,
    readingMinutes: Math.max(1, Math.round((paragraphs * words) / 230)),
    fingerprint: `fp-${n}`.padEnd(64, '0'),
    excerpt: blocks[0]!.text.slice(0, 200),
    importedAt: time,
    updatedAt: time,
    blocks,
    removed: n % 3 === 0 ? [{ text: 'Share this article', reason: 'share-links', position: 'end' }] : [],
  };
}
