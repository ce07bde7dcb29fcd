/**
 * The reader's choices about cleaning: "put this removed block back", "this kept block is site
 * text". Keyed by the block's text, normalised, so a choice survives a re-import of the same
 * file and a re-clean with better rules, whatever the blocks' positions. Pure: the store keeps
 * the overrides beside the article, the renderer offers the two actions; this module applies them.
 */
import type { ArticleBody, Block, RemovedBlock } from '../article';
import type { CleanOptions } from './boilerplate';
import type { BoilerplateRules } from './rules/types';
import { BOILERPLATE_RULES } from './rules/index';
import { classifyLines, parseArticleText, type ParsedText } from './structure';
import { normaliseLine } from './template-lines';

/** What the reader decided, as override keys (`overrideKey`). */
export interface CleaningOverrides {
  /** Blocks the cleaner removed and the reader put back. */
  keep: readonly string[];
  /** Blocks the cleaner kept and the reader marked as site text. */
  remove: readonly string[];
}

/** No choice made. */
export const NO_OVERRIDES: CleaningOverrides = { keep: [], remove: [] };

/** A list item's marker, as in the file (`- `, `• `); the key ignores it. */
const LIST_MARKER = /^(?:[-*–]\s+|•\s*)(?=\S)/u;

/**
 * The key a choice is stored under: the block's text without a list marker, in NFC, white space
 * folded, lower case. Two copies of a block that differ only so are the same block to the reader.
 */
export function overrideKey(text: string): string {
  return normaliseLine(text.trim().replace(LIST_MARKER, ''));
}

/** Adds a choice to a set of overrides, undoing the opposite one for the same block. */
export function withChoice(
  overrides: CleaningOverrides,
  text: string,
  choice: 'keep' | 'remove',
): CleaningOverrides {
  const key = overrideKey(text);
  const other = choice === 'keep' ? 'remove' : 'keep';
  const next = { keep: [...overrides.keep], remove: [...overrides.remove] };
  next[other] = next[other].filter((item) => item !== key);
  if (!next[choice].includes(key)) next[choice].push(key);
  return next;
}

/**
 * The text an article is cleaned again from: its title, then the blocks removed at the start,
 * the kept blocks (list items with their `- ` marker back), and the blocks removed at the end,
 * one per line. Every word the importer read is in it, in file order (a block the reader removed
 * from the middle is stored at the end: see `applyReaderChoices`).
 */
export function storedArticleText(title: string, body: ArticleBody): string {
  const lines = [title];
  for (const block of body.removed) if (block.position === 'start') lines.push(block.text);
  for (const block of body.blocks) lines.push(block.kind === 'list-item' ? `- ${block.text}` : block.text);
  for (const block of body.removed) if (block.position !== 'start') lines.push(block.text);
  return lines.join('\n');
}

/**
 * Applies the reader's overrides to a parse: a removed block whose key is in `keep` goes back in
 * place, a kept block whose key is in `remove` goes to `removed` with reason `reader`. The kept
 * lines are classified again (a restored block may become the lede). A removed block is marked
 * `start` when no kept block comes before it, `end` otherwise. The metadata is left as parsed.
 */
export function applyReaderChoices(
  parsed: ParsedText,
  overrides: CleaningOverrides,
  rules: BoilerplateRules = BOILERPLATE_RULES,
): ParsedText {
  const keep = new Set(overrides.keep);
  const remove = new Set(overrides.remove);
  if (keep.size === 0 && remove.size === 0) return parsed;

  interface Entry {
    line: string;
    removed?: RemovedBlock;
  }
  const rawLine = (block: Block): string => (block.kind === 'list-item' ? `- ${block.text}` : block.text);
  const entries: Entry[] = [
    ...parsed.removed
      .filter((block) => block.position === 'start')
      .map((block) => ({ line: block.text, removed: block })),
    ...parsed.blocks.map((block) => ({ line: rawLine(block) })),
    ...parsed.removed
      .filter((block) => block.position !== 'start')
      .map((block) => ({ line: block.text, removed: block })),
  ];

  const keptLines: string[] = [];
  const removed: RemovedBlock[] = [];
  for (const entry of entries) {
    const key = overrideKey(entry.line);
    const isRemoved = entry.removed ? !keep.has(key) : remove.has(key);
    if (!isRemoved) {
      keptLines.push(entry.line);
      continue;
    }
    removed.push({
      text: entry.line,
      reason: entry.removed && !remove.has(key) ? entry.removed.reason : 'reader',
      position: keptLines.length === 0 ? 'start' : 'end',
    });
  }
  const result: ParsedText = { title: parsed.title, blocks: classifyLines(keptLines, rules), removed };
  if (parsed.metadata) result.metadata = parsed.metadata;
  return result;
}

/**
 * Cleans an article again from what the library stores (kept and removed blocks, in order) with
 * the current rules, then applies the reader's overrides: nothing the reader put back is taken
 * out again, nothing they removed comes back.
 */
export function recleanArticle(
  title: string,
  body: ArticleBody,
  overrides: CleaningOverrides = NO_OVERRIDES,
  rules: BoilerplateRules = BOILERPLATE_RULES,
  options: CleanOptions = {},
): ParsedText {
  return applyReaderChoices(
    parseArticleText(storedArticleText(title, body), rules, options),
    overrides,
    rules,
  );
}
