/**
 * The cleaning development set (`tests/fixtures/cleaning/`, built by its `generate.ts` plus the
 * hand-written `hand.ts`): prints the exact-article rate, the body lines lost and the site lines
 * kept, for the development part and for the held-out part (templates never used for tuning),
 * and asserts issue 11's goals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CleaningCase } from '../../fixtures/cleaning/generate';
import { HAND_CASES } from '../../fixtures/cleaning/hand';
import { decodeArticleBytes } from '../../../src/core/parse/decode';
import { parseArticleText } from '../../../src/core/parse/structure';

const CASES = join(import.meta.dirname, '..', '..', 'fixtures', 'cleaning', 'cases');
const load = (name: string): CleaningCase[] =>
  JSON.parse(readFileSync(join(CASES, name), 'utf8')) as CleaningCase[];

/** A body line as the parser gives it back: a list item without its marker. */
const LIST_MARKER = /^(?:[-*–]\s+|•\s*)(?=\S)/u;
const asBlock = (line: string): string => line.replace(LIST_MARKER, '');

interface Figures {
  cases: number;
  exact: number;
  bodyLines: number;
  bodyLost: number;
  siteLines: number;
  siteKept: number;
  metadataChecked: number;
  metadataRight: number;
  failures: string[];
}

function score(cases: readonly CleaningCase[]): Figures {
  const figures: Figures = {
    cases: cases.length,
    exact: 0,
    bodyLines: 0,
    bodyLost: 0,
    siteLines: 0,
    siteKept: 0,
    metadataChecked: 0,
    metadataRight: 0,
    failures: [],
  };
  for (const testCase of cases) {
    const { text } = decodeArticleBytes(new TextEncoder().encode(testCase.text));
    const parsed = parseArticleText(text);
    const kept = parsed.blocks.map((block) => block.text);
    const keptCount = new Map<string, number>();
    for (const line of kept) keptCount.set(line, (keptCount.get(line) ?? 0) + 1);
    const take = (line: string): boolean => {
      const count = keptCount.get(line) ?? 0;
      if (count > 0) keptCount.set(line, count - 1);
      return count > 0;
    };

    let lost = 0;
    for (const line of testCase.body) if (!take(asBlock(line))) lost++;
    let siteKept = 0;
    for (const line of testCase.site) if (take(line)) siteKept++;
    figures.bodyLines += testCase.body.length;
    figures.bodyLost += lost;
    figures.siteLines += testCase.site.length;
    figures.siteKept += siteKept;

    const expectedBody = testCase.body.map(asBlock);
    const exact =
      parsed.title === testCase.title &&
      kept.length === expectedBody.length &&
      kept.every((line, i) => line === expectedBody[i]);
    if (exact) figures.exact++;
    else {
      const extra = kept.filter((line) => !expectedBody.includes(line));
      const missing = expectedBody.filter((line) => !kept.includes(line));
      figures.failures.push(
        `${testCase.id}: title ${parsed.title === testCase.title ? 'ok' : JSON.stringify(parsed.title)}; ` +
          `site kept ${JSON.stringify(extra)}; body lost ${JSON.stringify(missing)}`,
      );
    }

    for (const field of ['author', 'publishedAt', 'modifiedAt'] as const) {
      const expected = testCase.metadata?.[field];
      if (!expected) continue;
      figures.metadataChecked++;
      const found = parsed.metadata?.[field];
      if (found && (field === 'author' ? found === expected : found.slice(0, 10) === expected)) {
        figures.metadataRight++;
      } else figures.failures.push(`${testCase.id}: ${field} ${JSON.stringify(found)} ≠ ${expected}`);
    }
  }
  return figures;
}

function report(name: string, figures: Figures): void {
  const percent = (part: number, whole: number): string =>
    ((100 * part) / Math.max(1, whole)).toFixed(1) + ' %';
  console.log(
    `${name}: ${figures.cases} cases, ${figures.exact} exactly clean (${percent(figures.exact, figures.cases)}); ` +
      `body lines lost ${figures.bodyLost} of ${figures.bodyLines}; ` +
      `site lines kept ${figures.siteKept} of ${figures.siteLines} (${percent(figures.siteKept, figures.siteLines)}); ` +
      `metadata right ${figures.metadataRight} of ${figures.metadataChecked}` +
      (figures.failures.length && name !== 'held-out'
        ? `\n  ${figures.failures.slice(0, 40).join('\n  ')}`
        : ''),
  );
}

describe('cleaning development set', () => {
  const dev = [...load('dev.json'), ...HAND_CASES];
  const heldOut = load('heldout.json');

  it('has at least 200 cases from at least 30 templates', () => {
    expect(dev.length + heldOut.length).toBeGreaterThanOrEqual(200);
    expect(new Set([...dev, ...heldOut].map((testCase) => testCase.template)).size).toBeGreaterThanOrEqual(
      30,
    );
  });

  it('meets the goals on the development part', () => {
    const figures = score(dev);
    report('development', figures);
    expect(figures.bodyLost).toBe(0);
    expect(figures.exact / figures.cases).toBeGreaterThanOrEqual(0.95);
    expect(figures.siteKept / figures.siteLines).toBeLessThanOrEqual(0.02);
  });

  it('never loses article text on the held-out part (its other figures are reported, not tuned)', () => {
    const figures = score(heldOut);
    report('held-out', figures);
    expect(figures.bodyLost).toBe(0);
  });
});
