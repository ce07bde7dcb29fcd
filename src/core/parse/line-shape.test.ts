import { describe, expect, it } from 'vitest';
import {
  endsClause,
  endsSentence,
  isBreadcrumb,
  isCounter,
  isFieldLabel,
  isLinkAlone,
  lineShape,
  stopWordShare,
  lineWords,
} from './line-shape';

describe('line shape', () => {
  it('tells a sentence end through closing quotes, linearly', () => {
    expect(endsSentence('He said "no!"')).toBe(true);
    expect(endsSentence('« C’est fini. »')).toBe(true);
    expect(endsSentence('Key points')).toBe(false);
    expect(endsClause('Voilà :')).toBe(true);
    expect(endsSentence('Voilà :')).toBe(false);
    const quotes = '" '.repeat(1_000_000);
    const started = process.cpuUsage();
    expect(endsSentence(quotes)).toBe(false);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(500);
  });

  it('counts words, not separators', () => {
    expect(lineWords('Facebook | Twitter · Email')).toEqual(['Facebook', 'Twitter', 'Email']);
  });

  it('measures the share of grammar words (jusText’s stop-word density)', () => {
    const stop = new Set(['the', 'of', 'to', 'a', 'in', 'l’', 'de']);
    expect(stopWordShare(lineWords('The end of the road'), stop)).toBeCloseTo(0.6);
    expect(stopWordShare(lineWords('Home News Politics'), stop)).toBe(0);
    expect(stopWordShare(lineWords('L’article de presse'), stop)).toBeCloseTo(2 / 3);
  });

  it('knows a real paragraph from a short line', () => {
    expect(lineShape('The minister said the plan would go ahead despite the protests.').realParagraph).toBe(
      true,
    );
    expect(lineShape('Be the first to comment.').weak).toBe(true);
    expect(lineShape('A'.repeat(300)).realParagraph).toBe(true);
  });

  it('recognises labels, links alone, counters and trails', () => {
    expect(isFieldLabel('Name *')).toBe(true);
    expect(isFieldLabel('E-mail *')).toBe(true);
    expect(isFieldLabel('The * was the joke')).toBe(false);
    expect(isLinkAlone('https://example.com/story')).toBe(true);
    expect(isLinkAlone('news@example.com')).toBe(true);
    expect(isLinkAlone('See https://example.com for more')).toBe(false);
    expect(isCounter('12')).toBe(true);
    expect(isCounter('1.2k')).toBe(true);
    expect(isCounter('12 apples')).toBe(false);
    expect(isBreadcrumb('Home › News › Politics')).toBe(true);
    expect(isBreadcrumb('Result: Nadal 6-7 (6/8) 6-2 7-6 (8/6) 6-2 Roddick')).toBe(false);
  });
});
