/**
 * Saved web pages: the article found in real-shaped news pages in five languages, metadata from
 * the page, nothing of the site's furniture, and the choice of extractor.
 *
 * Why Readability rather than Defuddle: on this dev set both keep the article; the test prints
 * each one's figures (blocks kept, furniture let through, milliseconds per page). Readability is
 * the field's reference (Firefox's reader view), its output is a DOM we walk directly (Defuddle
 * gives an HTML string to parse again), it is markedly faster per page on linkedom, and it
 * reads JSON-LD for dates and authors. The figures decide: the test fails if Readability
 * falls behind Defuddle on what a careful reader keeps.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Defuddle from 'defuddle';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../read-import-file';
import { DEV_PAGES, type DevPage } from './html-dev-set';
import { blocksOfDom, extractHtmlArticle, parseDocument } from './html';

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Share of `keep` blocks found whole in the text, and of `drop` strings found in it. */
function score(page: DevPage, text: string): { kept: number; leaked: number } {
  const folded = fold(text);
  const kept = page.keep.filter((block) => folded.includes(fold(block))).length;
  const leaked = page.drop.filter((junk) =>
    new RegExp(`(^|[^\\p{L}])${junk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u').test(folded),
  ).length;
  return { kept, leaked };
}

function withDefuddle(html: string): string {
  const result = new Defuddle(parseDocument(html) as never, { url: 'https://example.com/' }).parse();
  const content = parseDocument(`<html><body>${result.content}</body></html>`).querySelector('body');
  return blocksOfDom(content!)
    .map((block) => block.text)
    .join('\n');
}

function withReadability(html: string): string {
  const article = extractHtmlArticle(html);
  return [article.title, ...article.blocks.map((block) => block.text)].join('\n');
}

describe('HTML pages: the article and only the article', () => {
  it('keeps what a careful reader keeps on 15 news pages in 5 languages, and prints the comparison', () => {
    const totals = { keep: 0, drop: 0 };
    const results: Record<string, { kept: number; leaked: number; ms: number }> = {
      readability: { kept: 0, leaked: 0, ms: 0 },
      defuddle: { kept: 0, leaked: 0, ms: 0 },
    };
    for (const page of DEV_PAGES) {
      totals.keep += page.keep.length;
      totals.drop += page.drop.length;
      for (const [name, extract] of [
        ['readability', withReadability],
        ['defuddle', withDefuddle],
      ] as const) {
        const started = performance.now();
        const text = extract(page.html);
        const result = results[name]!;
        result.ms += performance.now() - started;
        const { kept, leaked } = score(page, text);
        result.kept += kept;
        result.leaked += leaked;
      }
    }
    for (const [name, { kept, leaked, ms }] of Object.entries(results)) {
      console.log(
        `${name}: kept ${kept}/${totals.keep} article blocks (${((100 * kept) / totals.keep).toFixed(1)} %), ` +
          `let through ${leaked}/${totals.drop} furniture strings, ${(ms / DEV_PAGES.length).toFixed(1)} ms/page`,
      );
    }
    const readability = results.readability!;
    expect(readability.kept / totals.keep).toBeGreaterThanOrEqual(0.95);
    expect(readability.leaked / totals.drop).toBeLessThanOrEqual(0.05);
    expect(readability.kept).toBeGreaterThanOrEqual(results.defuddle!.kept);
  });

  it('gives each page its title, author, site, date, language and URL', () => {
    for (const page of DEV_PAGES) {
      const article = extractHtmlArticle(page.html);
      expect(article.title, page.name).toBe(page.title);
      expect(article.metadata, page.name).toMatchObject({
        url: page.url,
        author: page.author,
        site: page.site,
        publishedAt: '2024-05-02T06:00:00.000Z',
      });
      expect(article.language, page.name).toBe(page.language);
    }
  });

  it('maps headings, list items, quotes and captions to block kinds', () => {
    const page = DEV_PAGES[0]!;
    const { blocks } = extractHtmlArticle(page.html);
    const kindOf = (text: string): string | undefined => blocks.find((block) => block.text === text)?.kind;
    expect(blocks[0]?.kind).toBe('lede');
    expect(kindOf(page.keep[2]!)).toBe('heading');
    expect(kindOf(page.keep[3]!)).toBe('list-item');
    expect(kindOf(page.keep[6]!)).toBe('paragraph');
    expect(kindOf(page.keep[7]!)).toBe('attribution');
  });

  it('reads the "saved from" comment as the URL, and a page file through the import path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gazette-html-'));
    const html = DEV_PAGES[3]!.html
      .replace(/<link rel="canonical"[^>]*>/, '')
      .replace(
        '<!DOCTYPE html>',
        '<!DOCTYPE html>\n<!-- saved from url=(0040)https://www.example.org/saved/article -->',
      );
    const path = join(dir, 'Page.html');
    await writeFile(path, html);
    const [outcome] = await readImportFile(path);
    expect(outcome).toMatchObject({
      kind: 'article',
      path,
      source: path,
      metadata: { url: 'https://www.example.org/saved/article' },
      article: { title: DEV_PAGES[3]!.title, language: 'fr' },
    });
  });

  it('keeps no script, style, form or iframe text, and reports a page without text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gazette-html-'));
    const hostile = `<html><head><title>T</title><script>alert("x")</script></head><body>
      <h1>Council approves the new budget for schools</h1>
      <p>The council approved the budget on Tuesday after a long debate about the cost of repairs.</p>
      <iframe src="https://tracker.example/"></iframe><form><p>Your email please, dear reader.</p></form>
      <style>p { color: red }</style><p>The vote was carried by twenty-one votes to nine in the end.</p>
      </body></html>`;
    await writeFile(join(dir, 'hostile.html'), hostile);
    await writeFile(
      join(dir, 'blank.html'),
      '<html><head><script>var a</script></head><body><img src="x"></body></html>',
    );
    const [article] = await readImportFile(join(dir, 'hostile.html'));
    if (article?.kind !== 'article') throw new Error(`expected an article: ${JSON.stringify(article)}`);
    const text = article.article.blocks.map((block) => block.text).join('\n');
    expect(text).toContain('twenty-one votes');
    expect(text).not.toMatch(/alert|email please|color: red|tracker/);
    expect(await readImportFile(join(dir, 'blank.html'))).toEqual([
      expect.objectContaining({ kind: 'failed', code: 'no-article-found' }),
    ]);
  });
});
