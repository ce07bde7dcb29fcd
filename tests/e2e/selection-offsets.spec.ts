/**
 * Unit tests for src/renderer/src/lib/selection-offsets.ts, which needs a real DOM and real
 * layout (ranges, client rects): no DOM library is installed for Vitest, so the module runs in
 * Debian's Chromium instead. The page and the modules are served by a Playwright route (nothing
 * touches the network): each TypeScript file is transpiled as it is asked for, so the module's
 * own import of core/annotations/article-text resolves as in the app.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import ts from 'typescript';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import type * as ArticleTextModule from '../../src/core/annotations/article-text';
import type * as OffsetsModule from '../../src/renderer/src/lib/selection-offsets';

/** What the fixture page exposes once its modules are loaded. */
interface Loaded {
  offsets: typeof OffsetsModule;
  articleText: typeof ArticleTextModule;
}

const ORIGIN = 'http://selection-offsets.test';
const SRC = resolve('src');

/**
 * An article as the reading page renders it: a title outside the blocks, one element per block
 * (one block with its text split over several text nodes), a footer outside the blocks. The last
 * paragraph is narrow and monospaced so that it wraps onto known lines.
 */
const FIXTURE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
  body { margin: 0; font: 16px/24px monospace; }
  p, h2, ul { margin: 0 0 24px; padding: 0; list-style: none; font: inherit; }
  .narrow { width: 10ch; }
</style></head><body>
<article id="root">
  <header><h1 id="title">The title</h1></header>
  <p data-block="0">First block.</p>
  <h2 data-block="1">Second <em>with</em> inline</h2>
  <ul data-block="2"><li>Third item</li></ul>
  <p data-block="3" class="narrow">aaaa bbbb cccc dddd</p>
  <footer id="footer">Footer text</footer>
</article>
<script type="module">
  import * as offsets from '/src/renderer/src/lib/selection-offsets';
  import * as articleText from '/src/core/annotations/article-text';
  window.loaded = { offsets, articleText };
</script>
</body></html>`;

/** The blocks' text, as the article model holds it. */
const BLOCKS = ['First block.', 'Second with inline', 'Third item', 'aaaa bbbb cccc dddd'];
const BODY = BLOCKS.join('\n\n');

let browser: Browser;
let page: Page;

test.beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env['GAZETTE_CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
    headless: true,
  });
});

test.afterAll(async () => {
  await browser?.close();
});

test.beforeEach(async () => {
  test.skip(
    test.info().project.metadata['target'] === 'electron',
    'A unit test of a DOM module: it runs once, in the chromium project.',
  );
  page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      await route.fulfill({ contentType: 'text/html', body: FIXTURE });
      return;
    }
    const file = resolve('.' + path + (extname(path) ? '' : '.ts'));
    if (!file.startsWith(SRC + sep) || !file.endsWith('.ts')) {
      await route.fulfill({ status: 404 });
      return;
    }
    const source = await readFile(file, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    await route.fulfill({ contentType: 'text/javascript', body: outputText });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'loaded' in window);
});

test.afterEach(async () => {
  await page?.close();
});

test('offsetsToRanges: one range per block covered, never the "\\n\\n" between them', async () => {
  const result = await page.evaluate((blocks) => {
    const { offsets, articleText } = (window as unknown as { loaded: Loaded }).loaded;
    const root = document.getElementById('root') as HTMLElement;
    const body = articleText.articleText(blocks.map((text) => ({ text })));
    const describe = (start: number, end: number) =>
      offsets.offsetsToRanges(root, body, start, end).map((range) => ({
        text: range.toString(),
        block: (range.startContainer.parentElement?.closest('[data-block]') as HTMLElement | null)?.dataset[
          'block'
        ],
        endBlock: (range.endContainer.parentElement?.closest('[data-block]') as HTMLElement | null)?.dataset[
          'block'
        ],
      }));
    const starts = body.starts;
    return {
      inOneBlock: describe(6, 11),
      acrossThree: describe(6, (starts[2] ?? 0) + 5),
      // Starts inside the separator after block 0: nothing of block 0, block 1 from its start.
      fromSeparator: describe(13, (starts[1] ?? 0) + 6),
      // Ends exactly where block 2 starts: block 2 is only touched, so it gets no range.
      toNextBlockStart: describe(6, starts[2] ?? 0),
      // Inside block 1, across its inline element's text nodes.
      acrossTextNodes: describe((starts[1] ?? 0) + 3, (starts[1] ?? 0) + 14),
      wholeText: describe(0, body.text.length).map((range) => range.text),
      empty: describe(8, 8),
    };
  }, BLOCKS);

  expect(result.inOneBlock).toEqual([{ text: 'block', block: '0', endBlock: '0' }]);
  expect(result.acrossThree).toEqual([
    { text: 'block.', block: '0', endBlock: '0' },
    { text: 'Second with inline', block: '1', endBlock: '1' },
    { text: 'Third', block: '2', endBlock: '2' },
  ]);
  expect(result.fromSeparator).toEqual([{ text: 'Second', block: '1', endBlock: '1' }]);
  expect(result.toNextBlockStart).toEqual([
    { text: 'block.', block: '0', endBlock: '0' },
    { text: 'Second with inline', block: '1', endBlock: '1' },
  ]);
  expect(result.acrossTextNodes).toEqual([{ text: 'ond with in', block: '1', endBlock: '1' }]);
  expect(result.wholeText).toEqual(BLOCKS);
  expect(result.empty).toEqual([]);
});

test('rangeToOffsets: text-node, element and outside boundaries, clipped to the blocks', async () => {
  const result = await page.evaluate((blocks) => {
    const { offsets, articleText } = (window as unknown as { loaded: Loaded }).loaded;
    const root = document.getElementById('root') as HTMLElement;
    const body = articleText.articleText(blocks.map((text) => ({ text })));
    const block = (index: number) => root.querySelector(`[data-block="${index}"]`) as HTMLElement;
    const textOf = (element: Element) => element.firstChild as Text;
    const title = document.getElementById('title') as HTMLElement;
    const footer = document.getElementById('footer') as HTMLElement;
    const range = (start: [Node, number], end: [Node, number]) => {
      const made = document.createRange();
      made.setStart(...start);
      made.setEnd(...end);
      const found = offsets.rangeToOffsets(made, root, body);
      return found && { ...found, text: body.text.slice(found.start, found.end) };
    };
    const em = block(1).querySelector('em') as HTMLElement;
    const li = block(2).querySelector('li') as HTMLElement;
    return {
      inOneBlock: range([textOf(block(0)), 6], [textOf(block(0)), 11]),
      // From block 0's text to the middle of the <em> in block 1.
      acrossBlocks: range([textOf(block(0)), 6], [textOf(em), 2]),
      // Element boundaries, as a triple click or select-all leaves them.
      wholeBlockByElement: range([block(1), 0], [block(1), block(1).childNodes.length]),
      // Starting between two blocks (in their parent) begins at the next block.
      fromBetweenBlocks: range([root, [...root.childNodes].indexOf(block(1))], [textOf(li), 5]),
      // Ending at offset 0 of the next block, as a triple click does: up to that block's start.
      toStartOfNextBlock: range([textOf(block(0)), 0], [textOf(li), 0]),
      // From the title (outside the blocks) into block 1: clipped to the first block's start.
      fromTitle: range([textOf(title), 4], [textOf(block(1)), 6]),
      // From block 2 into the footer: clipped to the end of the last block.
      toFooter: range([textOf(li), 6], [textOf(footer), 3]),
      onlyTitle: range([textOf(title), 0], [textOf(title), 5]),
      collapsed: range([textOf(block(0)), 3], [textOf(block(0)), 3]),
    };
  }, BLOCKS);

  const at = (block: number, offset: number) =>
    BLOCKS.slice(0, block).reduce((sum, text) => sum + text.length + 2, 0) + offset;
  expect(result.inOneBlock).toEqual({ start: 6, end: 11, text: 'block' });
  expect(result.acrossBlocks).toEqual({ start: 6, end: at(1, 9), text: 'block.\n\nSecond wi' });
  expect(result.wholeBlockByElement).toEqual({ start: at(1, 0), end: at(1, 18), text: 'Second with inline' });
  expect(result.fromBetweenBlocks).toEqual({
    start: at(1, 0),
    end: at(2, 5),
    text: 'Second with inline\n\nThird',
  });
  expect(result.toStartOfNextBlock).toEqual({
    start: 0,
    end: at(2, 0),
    text: `${BLOCKS[0]}\n\n${BLOCKS[1]}\n\n`,
  });
  expect(result.fromTitle).toEqual({ start: 0, end: at(1, 6), text: 'First block.\n\nSecond' });
  expect(result.toFooter).toEqual({ start: at(2, 6), end: BODY.length, text: 'item\n\naaaa bbbb cccc dddd' });
  expect(result.onlyTitle).toBeNull();
  expect(result.collapsed).toBeNull();
});

test('pointToOffset: a DOM point in a block as a body offset, null outside the blocks', async () => {
  const result = await page.evaluate((blocks) => {
    const { offsets, articleText } = (window as unknown as { loaded: Loaded }).loaded;
    const root = document.getElementById('root') as HTMLElement;
    const body = articleText.articleText(blocks.map((text) => ({ text })));
    const block = (index: number) => root.querySelector(`[data-block="${index}"]`) as HTMLElement;
    const em = block(1).querySelector('em') as HTMLElement;
    const title = document.getElementById('title') as HTMLElement;
    const point = (node: Node, offset: number) => offsets.pointToOffset(root, body, node, offset);
    return {
      blockStart: point(block(0).firstChild as Text, 0),
      blockEnd: point(block(0).firstChild as Text, 12),
      inEm: point(em.firstChild as Text, 2),
      afterEm: point(block(1), 2),
      lastBlockEnd: point(block(3).firstChild as Text, 19),
      inTitle: point(title.firstChild as Text, 2),
      betweenBlocks: point(root, [...root.childNodes].indexOf(block(1))),
    };
  }, BLOCKS);
  expect(result).toEqual({
    blockStart: 0,
    blockEnd: 12,
    inEm: 14 + 'Second wi'.length,
    afterEm: 14 + 'Second with'.length,
    lastBlockEnd: BODY.length,
    inTitle: null,
    betweenBlocks: null,
  });
});

test('round trips: offsets to ranges and back give the same offsets, separators aside', async () => {
  const mismatches = await page.evaluate((blocks) => {
    const { offsets, articleText } = (window as unknown as { loaded: Loaded }).loaded;
    const root = document.getElementById('root') as HTMLElement;
    const body = articleText.articleText(blocks.map((text) => ({ text })));
    const found: string[] = [];
    let checked = 0;
    for (let start = 0; start < body.text.length; start += 1) {
      for (let end = start + 1; end <= body.text.length; end += 1) {
        const ranges = offsets.offsetsToRanges(root, body, start, end);
        // What is expected back: a start in a separator moves to the next block's start, an
        // end in one to the previous block's end (the same normalisation as blockSegments).
        const from = articleText.fromBlockPoint(body, articleText.toBlockPoint(body, start, 'next'));
        const to = articleText.fromBlockPoint(body, articleText.toBlockPoint(body, end, 'previous'));
        const first = ranges[0];
        const last = ranges[ranges.length - 1];
        if (!first || !last) {
          if (to > from) found.push(`${start}-${end}: no ranges`);
          continue;
        }
        const painted = ranges.map((range) => range.toString()).join('\n\n');
        if (painted !== body.text.slice(from, to)) found.push(`${start}-${end}: painted "${painted}"`);
        const whole = document.createRange();
        whole.setStart(first.startContainer, first.startOffset);
        whole.setEnd(last.endContainer, last.endOffset);
        const back = offsets.rangeToOffsets(whole, root, body);
        if (back?.start !== from || back.end !== to) {
          found.push(`${start}-${end}: back as ${back?.start}-${back?.end}, expected ${from}-${to}`);
        }
        checked += 1;
      }
    }
    return { found, checked };
  }, BLOCKS);
  expect(mismatches.found).toEqual([]);
  // Every pair of offsets is checked except those lying wholly in one separator.
  expect(mismatches.checked).toBeGreaterThan(1500);
});

test('rangesContainPoint: hits the painted lines only, not their bounding box', async () => {
  const hits = await page.evaluate((blocks) => {
    const { offsets, articleText } = (window as unknown as { loaded: Loaded }).loaded;
    const root = document.getElementById('root') as HTMLElement;
    const body = articleText.articleText(blocks.map((text) => ({ text })));
    const wrapped = root.querySelector('[data-block="3"]') as HTMLElement;
    const start = body.starts[3] ?? 0;
    /** The centre of the rectangle of `length` characters from `offset` of the wrapped block. */
    const centreOf = (offset: number, length: number) => {
      const rect = offsets
        .offsetsToRanges(root, body, start + offset, start + offset + length)[0]
        ?.getBoundingClientRect();
      if (!rect) throw new Error('no rect');
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    };
    // "bbbb cccc" wraps: "bbbb" ends the first line, "cccc" starts the second.
    const highlight = offsets.offsetsToRanges(root, body, start + 5, start + 14);
    const lines = new Set(
      [...(highlight[0]?.getClientRects() ?? [])].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
    );
    const hit = ({ x, y }: { x: number; y: number }) => offsets.rangesContainPoint(highlight, x, y);
    const block0 = offsets.offsetsToRanges(root, body, 0, 5);
    const twoBlocks = [...block0, ...highlight];
    const gap = (() => {
      // Between block 2 and block 3 (their margin): on no painted text.
      const above = (root.querySelector('[data-block="2"]') as HTMLElement).getBoundingClientRect();
      return { x: centreOf(5, 4).x, y: (above.bottom + wrapped.getBoundingClientRect().top) / 2 };
    })();
    return {
      lineCount: lines.size,
      onFirstLine: hit(centreOf(5, 4)),
      onSecondLine: hit(centreOf(10, 4)),
      // Inside the union's bounding box, but on words that are not highlighted.
      beforeOnFirstLine: hit(centreOf(0, 4)),
      afterOnSecondLine: hit(centreOf(15, 4)),
      inTheMarginAbove: hit(gap),
      noRanges: offsets.rangesContainPoint([], centreOf(5, 4).x, centreOf(5, 4).y),
      secondOfTwoRanges: offsets.rangesContainPoint(twoBlocks, centreOf(10, 4).x, centreOf(10, 4).y),
    };
  }, BLOCKS);
  expect(hits.lineCount).toBe(2);
  expect(hits).toMatchObject({
    onFirstLine: true,
    onSecondLine: true,
    beforeOnFirstLine: false,
    afterOnSecondLine: false,
    inTheMarginAbove: false,
    noRanges: false,
    secondOfTwoRanges: true,
  });
});
