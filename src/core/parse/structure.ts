/**
 * Splits an article's text into a title and typed body blocks. Scraped news text puts one
 * paragraph per line, sometimes with blank lines between them and sometimes without, so every
 * non-empty line is its own block: lines are never joined and never dropped (only site
 * boilerplate at the edges is set aside, in `removed`).
 */
import type { ArticleMetadata, Block, RemovedBlock } from '../article';
import {
  isAttribution,
  lineSignal,
  removeBoilerplate,
  type BoilerplateRules,
  type CleanOptions,
} from './boilerplate';
import { endsClause } from './line-shape';
import { BOILERPLATE_RULES } from './rules/index';

/** The title and body of an article's text, with the boilerplate that was taken out. */
export interface ParsedText {
  title: string;
  blocks: Block[];
  removed: RemovedBlock[];
  /**
   * What the article's own date lines, bylines and tags lines said (those lines are in
   * `removed` with reason `metadata`); absent when there were none.
   */
  metadata?: ArticleMetadata;
}

/** Site text before the title (a "Skip to content" link, an ad label) is looked at up to here. */
const MAX_LINES_BEFORE_TITLE = 8;

/**
 * Headings are short: a real subheading is a few words. The limits are low on purpose, since
 * calling a paragraph a heading changes how it reads, while the reverse costs little.
 */
const HEADING_MAX_CHARS = 80;
const HEADING_MAX_WORDS = 12;

/** `- `, `* `, `– ` need a space after them (`-5%` is not a list); `•` is never anything else. */
const LIST_MARKER = /^(?:[-*–]\s+|•\s*)(?=\S)/u;
/** A heading or a new sentence starts with a capital (or a digit, or a caseless script). */
const STARTS_LIKE_SENTENCE = /^[«“"‘'„]?\s*[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u;
const HAS_LETTER = /\p{L}/u;
const WHITE_SPACE_RUN = /\s+/u;

/**
 * Parses decoded article text (LF line endings). The title is the first non-empty line that
 * is not site text; the body is every later non-empty line, trimmed, classified as lede,
 * paragraph, heading, list item or attribution. Site text at the start and end of the body
 * goes to `removed` (see `boilerplate.ts`), date lines, bylines and tags lines too, their
 * content in `metadata`. Linear in the text's length whatever it holds (issue 9).
 */
export function parseArticleText(
  text: string,
  rules: BoilerplateRules = BOILERPLATE_RULES,
  options: CleanOptions = {},
): ParsedText {
  const lines = nonEmptyLines(text);

  // Lines before the title that are surely site text (a rule, a shape, a metadata line).
  const beforeTitle: RemovedBlock[] = [];
  const beforeTitleMetadata: ArticleMetadata[] = [];
  let first = 0;
  while (first < MAX_LINES_BEFORE_TITLE && lines.length - first > 2) {
    const signal = lineSignal(lines[first]!, rules, options);
    if (signal.kind === 'anchor' || signal.kind === 'site') {
      beforeTitle.push({ text: lines[first]!, reason: signal.reason, position: 'start' });
    } else if (signal.kind === 'metadata') {
      beforeTitle.push({ text: lines[first]!, reason: 'metadata', position: 'start' });
      beforeTitleMetadata.push(signal.metadata);
    } else break;
    first++;
  }

  const title = lines[first] ?? '';
  const { kept, removed, metadata } = removeBoilerplate(lines.slice(first + 1), rules, options);
  const parsed: ParsedText = {
    title,
    blocks: classifyBlocks(kept, rules),
    removed: beforeTitle.length ? [...beforeTitle, ...removed] : removed,
  };
  const allMetadata = Object.assign({}, ...beforeTitleMetadata.reverse(), metadata) as ArticleMetadata;
  if (Object.keys(allMetadata).length > 0) parsed.metadata = allMetadata;
  return parsed;
}

/**
 * The trimmed non-empty lines of a text. Scanned by hand so that blank lines cost no string:
 * a file of millions of blank lines (issue 9) is read in milliseconds.
 */
function nonEmptyLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      // Any character that is not ASCII white space: trim the line (Unicode spaces included).
      if (code > 32 || (code !== 32 && code !== 9 && code !== 13 && code !== 11 && code !== 12)) {
        const line = text.slice(start, end).trim();
        if (line) lines.push(line);
        break;
      }
    }
    start = end + 1;
  }
  return lines;
}

/**
 * Gives each body line its kind (list items lose their marker), as `parseArticleText` does for
 * the lines it keeps; `reader-choices.ts` uses it after the reader's overrides.
 */
export function classifyLines(
  lines: readonly string[],
  rules: BoilerplateRules = BOILERPLATE_RULES,
): Block[] {
  return classifyBlocks(lines, rules);
}

/** Gives each body line its kind; list items lose their marker. */
function classifyBlocks(lines: readonly string[], rules: BoilerplateRules): Block[] {
  const blocks: Block[] = lines.map((line) => {
    const marker = LIST_MARKER.exec(line);
    if (marker) return { kind: 'list-item', text: line.slice(marker[0].length) };
    if (isAttribution(line, rules)) return { kind: 'attribution', text: line };
    return { kind: 'paragraph', text: line };
  });

  // A heading introduces what follows and closes nothing: it sits between a finished sentence
  // (or a list) and a paragraph that starts a new sentence. After a colon, a short line is the
  // value of a label ("Playing colours:" / "All black"), not a heading. Neither the first block
  // (a subtitle, or the lede) nor the last can be one.
  for (let i = 1; i < blocks.length - 1; i++) {
    const previous = blocks[i - 1]!;
    const block = blocks[i]!;
    const next = blocks[i + 1]!;
    if (
      block.kind === 'paragraph' &&
      next.kind === 'paragraph' &&
      (previous.kind === 'list-item' || (endsSentence(previous.text) && !previous.text.endsWith(':'))) &&
      isHeadingShaped(block.text) &&
      !isHeadingShaped(next.text) &&
      STARTS_LIKE_SENTENCE.test(next.text)
    ) {
      block.kind = 'heading';
    }
  }

  // The lede stands alone: a sentence-like first paragraph that more paragraphs follow, not
  // the introduction of a list ("The proposals include:") nor a short label ("Griffin Park").
  const [first, second] = blocks;
  if (
    first?.kind === 'paragraph' &&
    !isHeadingShaped(first.text) &&
    (second?.kind === 'paragraph' || second?.kind === 'heading')
  ) {
    first.kind = 'lede';
  }
  return blocks;
}

/** Short, capitalised, with letters and without a sentence's final punctuation. */
function isHeadingShaped(text: string): boolean {
  return (
    text.length <= HEADING_MAX_CHARS &&
    !endsSentence(text) &&
    HAS_LETTER.test(text) &&
    STARTS_LIKE_SENTENCE.test(text) &&
    text.split(WHITE_SPACE_RUN).length <= HEADING_MAX_WORDS
  );
}

/** Whether the text ends with `.`, `!`, `?`, `:`, `;` or `…`, closing quotes allowed after it. */
function endsSentence(text: string): boolean {
  return endsClause(text);
}
