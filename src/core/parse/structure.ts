/**
 * Splits an article's text into a title and typed body blocks. Scraped news text puts one
 * paragraph per line, sometimes with blank lines between them and sometimes without, so every
 * non-empty line is its own block: lines are never joined and never dropped (only site
 * boilerplate at the edges is set aside, in `removed`).
 */
import type { Block, RemovedBlock } from '../article';
import { isAttribution, removeBoilerplate, type BoilerplateRules } from './boilerplate';
import { BOILERPLATE_RULES } from './boilerplate-rules';

/** The title and body of an article's text, with the boilerplate that was taken out. */
export interface ParsedText {
  title: string;
  blocks: Block[];
  removed: RemovedBlock[];
}

/**
 * Headings are short: a real subheading is a few words. The limits are low on purpose, since
 * calling a paragraph a heading changes how it reads, while the reverse costs little.
 */
const HEADING_MAX_CHARS = 80;
const HEADING_MAX_WORDS = 12;

/** `- `, `* `, `– ` need a space after them (`-5%` is not a list); `•` is never anything else. */
const LIST_MARKER = /^(?:[-*–]\s+|•\s*)(?=\S)/u;
/** Closing quotes and guillemets that may follow a sentence's final punctuation. */
const TRAILING_CLOSERS = /["'”’»›\s]+$/u;
const TERMINAL_PUNCTUATION = /[.!?:;…]$/u;
/** A heading or a new sentence starts with a capital (or a digit, or a caseless script). */
const STARTS_LIKE_SENTENCE = /^[«“"‘'„]?\s*[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u;
const HAS_LETTER = /\p{L}/u;
const WHITE_SPACE_RUN = /\s+/u;

/**
 * Parses decoded article text (LF line endings). The title is the first non-empty line; the
 * body is every later non-empty line, trimmed, classified as lede, paragraph, heading,
 * list item or attribution. Boilerplate runs at the start and end of the body go to `removed`.
 */
export function parseArticleText(text: string, rules: BoilerplateRules = BOILERPLATE_RULES): ParsedText {
  let title = '';
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (title) lines.push(line);
    else title = line;
  }

  const { kept, removed } = removeBoilerplate(lines, rules);
  return { title, blocks: classifyBlocks(kept, rules), removed };
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
      isHeadingShaped(block.text) &&
      (previous.kind === 'list-item' || (endsSentence(previous.text) && !previous.text.endsWith(':'))) &&
      next.kind === 'paragraph' &&
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
  return TERMINAL_PUNCTUATION.test(text.replace(TRAILING_CLOSERS, ''));
}
