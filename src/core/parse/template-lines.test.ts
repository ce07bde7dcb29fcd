import { describe, expect, it } from 'vitest';
import { parseArticleText } from './structure';
import { edgeLines, findTemplateLines, normaliseLine } from './template-lines';

const sentence = (n: number): string =>
  `Paragraph ${n} of this article is a real sentence that tells the reader something new today.`;
const file = (n: number, head: string[], tail: string[]): string =>
  [`Title ${n}`, ...head, sentence(n), sentence(n + 100), sentence(n + 200), ...tail].join('\n');

describe('template lines', () => {
  const quoted = 'The minister repeated that the country would never accept such a deal from anyone.';
  const files = [1, 2, 3, 4, 5].map((n) =>
    file(
      n,
      ['Northern Post Weekly', `Section ${n}`],
      [quoted, 'Get the Weekly in your letterbox', `Tip ${n}`],
    ),
  );

  it('finds the lines repeated at the edges of many files, not the ones of one file', () => {
    const template = findTemplateLines(files.map((text) => edgeLines(text)));
    expect(template).toEqual(new Set(['northern post weekly', 'get the weekly in your letterbox']));
  });

  it('never returns a real sentence, however often it is repeated', () => {
    const template = findTemplateLines(files.map((text) => edgeLines(text)));
    expect(template.has(normaliseLine(quoted))).toBe(false);
  });

  it('needs at least three files and a share of the folder', () => {
    expect(findTemplateLines(files.slice(0, 2).map((text) => edgeLines(text))).size).toBe(0);
    const many = [...files, ...Array.from({ length: 20 }, (_, n) => file(n + 10, [], []))];
    expect(findTemplateLines(many.map((text) => edgeLines(text))).size).toBe(0);
  });

  it('is an extra signal for the parse: the template lines go, with reason `template`', () => {
    const template = findTemplateLines(files.map((text) => edgeLines(text)));
    const parsed = parseArticleText(files[0]!, undefined, { templateLines: template });
    // In the tail a short line after the anchor goes with it; in the head a short line after
    // the anchor may be the article's subtitle, so it stays.
    expect(parsed.removed.map((block) => [block.text, block.reason])).toEqual([
      ['Northern Post Weekly', 'template'],
      ['Get the Weekly in your letterbox', 'template'],
      ['Tip 1', 'template'],
    ]);
    expect(parsed.blocks[0]!.text).toBe('Section 1');
    expect(parsed.blocks.map((block) => block.text)).toContain(quoted);
    // Without the evidence, nothing is removed: no single-file rule knows these lines.
    expect(parseArticleText(files[0]!).removed).toEqual([]);
  });
});
