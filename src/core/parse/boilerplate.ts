/**
 * Finds site text at the edges of an article's body, the way a reader does: from several signals
 * at once rather than one exact phrase per line (after jusText, Boilerpipe and Trafilatura, taken
 * down to plain text, where there is no markup and no link density to weigh).
 *
 * - Strong signals, the anchors: a line a rule recognises (a comment form's heading, a share row,
 *   a cookie banner, a newsletter or paywall prompt, a "Related" heading, a footer row), or a line
 *   the folder's other files repeat at their edges (`template-lines.ts`).
 * - Medium signals: a shape that is almost never article text (a form label `Name *`, a web or
 *   e-mail address alone, a bare counter, a trail of sections). Removed at an edge by themselves.
 * - Metadata: a date line, a byline, a tags line (`metadata-lines.ts`): set aside as `metadata`.
 * - Weak signal: a short line that is not a sentence (`line-shape.ts`). Like jusText's "short"
 *   blocks, it takes the side of its strong neighbour: in the tail, after an anchor, it is site
 *   text (form labels, buttons, related titles); in the head, before an anchor or a metadata
 *   line, a non-sentence of up to five words is too (a section name, an ad label).
 *
 * Only the head (the lines before the first real paragraph) and the tail (after the last one)
 * are ever looked at; a real paragraph (`line-shape.ts`) or a credit line stops them. A real
 * paragraph is removed only when a rule recognises it (a cookie banner is a long sentence).
 * Nothing is removed if the whole body would go, and every removed line keeps its reason.
 */
import type { ArticleMetadata, RemovedBlock } from '../article';
import {
  MAX_SITE_TEXT_CHARS,
  isBreadcrumb,
  isCounter,
  isFieldLabel,
  endsSentence,
  isLinkAlone,
  lineShape,
  type LineShape,
} from './line-shape';
import { parseMetadataLine } from './metadata-lines';
import type { BoilerplateRuleId, BoilerplateRules, RemovalReason } from './rules/types';
import { normaliseLine } from './template-lines';

export type {
  BoilerplateRule,
  BoilerplateRuleId,
  BoilerplateRules,
  LanguageRules,
  RemovalReason,
  RowRule,
} from './rules/types';

/** Default longest line a rule may match when the rule does not say. */
const DEFAULT_RULE_CHARS = 200;
const MAX_ATTRIBUTION_CHARS = 120;
/**
 * The head and the tail are looked at up to this many lines each: the longest site text at an
 * edge (a WordPress comment form after share, like and related rows) is about 30 lines, and the
 * bound keeps a file of 100,000 short lines from costing 100,000 rule checks.
 */
const MAX_EDGE_LINES = 60;
/** In the head, a short line before an anchor is site text only up to this many words. */
const HEAD_WEAK_MAX_WORDS = 5;

interface CompiledPattern {
  id: BoilerplateRuleId;
  pattern: RegExp;
  alsoHas: readonly RegExp[];
  maxChars: number;
}

interface CompiledRow {
  id: BoilerplateRuleId;
  /** The item pattern made sticky, to be tried at one position only. */
  item: RegExp;
}

interface CompiledRules {
  remove: CompiledPattern[];
  rows: CompiledRow[];
  attribution: RegExp[];
  agencies: RegExp[];
  stopWords: Set<string>;
}

const compiled = new WeakMap<BoilerplateRules, CompiledRules>();

/** Flattens the per-language rules once per rules object; parsing reuses the result. */
function compile(rules: BoilerplateRules): CompiledRules {
  let result = compiled.get(rules);
  if (!result) {
    result = { remove: [], rows: [], attribution: [], agencies: [], stopWords: new Set() };
    for (const language of Object.values(rules)) {
      for (const rule of language.remove) {
        for (const pattern of rule.patterns) {
          result.remove.push({
            id: rule.id,
            pattern,
            alsoHas:
              rule.alsoHas === undefined
                ? []
                : Array.isArray(rule.alsoHas)
                  ? rule.alsoHas
                  : [rule.alsoHas as RegExp],
            maxChars: rule.maxChars ?? DEFAULT_RULE_CHARS,
          });
        }
      }
      for (const row of language.rows ?? []) {
        result.rows.push({ id: row.id, item: new RegExp(row.items.source, withSticky(row.items.flags)) });
      }
      result.attribution.push(...language.attribution);
      if (language.agency) result.agencies.push(language.agency);
      for (const word of language.stopWords ?? []) result.stopWords.add(word);
    }
    compiled.set(rules, result);
  }
  return result;
}

function withSticky(flags: string): string {
  return flags.replace(/[gy]/gu, '') + 'y';
}

/** Separators between the items of a row, counters included (`Tweet 0 Share 0`). */
const ROW_SEPARATOR = /[\s|·•,/–—&+:()\d-]*/uy;
/** Words that may join the last two items of a row. */
const ROW_JOINER = /(?:and|et|und|y|or|ou|oder|o)(?=\s)/iuy;
/** An item ends where its word ends; a counter may be glued to it (`Facebook0`). */
const ITEM_END = /[^\p{L}]|$/uy;

/** Whether the line is a row of items of one rule (share buttons, footer links), scanned item by item. */
function matchRow(text: string, row: CompiledRow): boolean {
  let position = 0;
  let items = 0;
  const skip = (pattern: RegExp): void => {
    pattern.lastIndex = position;
    if (pattern.exec(text)) position = pattern.lastIndex;
  };
  skip(ROW_SEPARATOR);
  while (position < text.length) {
    row.item.lastIndex = position;
    const item = row.item.exec(text);
    if (!item || item[0].length === 0) return false;
    const end = position + item[0].length;
    ITEM_END.lastIndex = end;
    if (!ITEM_END.test(text)) return false;
    position = end;
    items++;
    skip(ROW_SEPARATOR);
    const before = position;
    skip(ROW_JOINER);
    if (position !== before) skip(ROW_SEPARATOR);
  }
  return items > 0;
}

/** The id of the first rule that recognises the whole trimmed line, or null. */
export function matchBoilerplate(text: string, rules: BoilerplateRules): BoilerplateRuleId | null {
  if (text.length > MAX_SITE_TEXT_CHARS) return null;
  const compiledRules = compile(rules);
  for (const { id, pattern, alsoHas, maxChars } of compiledRules.remove) {
    if (text.length <= maxChars && pattern.test(text) && alsoHas.every((also) => also.test(text))) return id;
  }
  if (text.length <= DEFAULT_RULE_CHARS) {
    for (const row of compiledRules.rows) if (matchRow(text, row)) return row.id;
  }
  return null;
}

/** Whether the trimmed block is an agency or author credit such as `(With Reuters)`. */
export function isAttribution(text: string, rules: BoilerplateRules): boolean {
  if (text.length > MAX_ATTRIBUTION_CHARS) return false;
  const { attribution, agencies } = compile(rules);
  for (const pattern of attribution) {
    const match = pattern.exec(text);
    if (!match) continue;
    const names = match.groups?.['agencies'];
    if (names === undefined) return true;
    const all = names.split(AGENCY_JOINER);
    if (all.every((name) => agencies.some((agency) => agency.test(name.trim())))) return true;
  }
  return false;
}
/** Between two agencies of a credit line: `, ` `/` `&` or a joining word with spaces around it. */
const AGENCY_JOINER = /\s?[,/&]\s?|\s(?:et|and|und|y)\s/iu;

/** What the cleaner makes of one line at an edge of the body. */
export type LineSignal =
  /** A rule or the folder's template recognises it: site text, and an anchor for its neighbours. */
  | { kind: 'anchor'; reason: RemovalReason }
  /** Its shape is almost never article text: site text by itself, but no anchor. */
  | { kind: 'site'; reason: RemovalReason }
  | { kind: 'metadata'; metadata: ArticleMetadata; dateOnly: boolean }
  /** A credit line: article text that ends the tail's search. */
  | { kind: 'attribution' }
  /** Short and not a sentence: follows its strong neighbour. */
  | { kind: 'weak'; words: number }
  /** A real paragraph or anything else: article text. */
  | { kind: 'body' };

/** Options of the cleaner beyond its rules. */
export interface CleanOptions {
  /**
   * Normalised lines (`normaliseLine`) that repeat at the edges of the folder's other files,
   * from `findTemplateLines`: a strong signal no single file gives.
   */
  templateLines?: ReadonlySet<string>;
}

/** Weighs every signal of one trimmed line. */
export function lineSignal(text: string, rules: BoilerplateRules, options: CleanOptions = {}): LineSignal {
  if (text.length > MAX_SITE_TEXT_CHARS) return { kind: 'body' };
  if (isAttribution(text, rules)) return { kind: 'attribution' };
  const rule = matchBoilerplate(text, rules);
  if (rule) return { kind: 'anchor', reason: rule };
  if (options.templateLines?.has(normaliseLine(text))) return { kind: 'anchor', reason: 'template' };
  const metadata = parseMetadataLine(text, rules);
  if (metadata) return { kind: 'metadata', metadata: metadata.metadata, dateOnly: metadata.dateOnly };
  if (isFieldLabel(text)) return { kind: 'site', reason: 'form-field' };
  if (isLinkAlone(text)) return { kind: 'site', reason: 'link' };
  if (isCounter(text)) return { kind: 'site', reason: 'page-info' };
  if (isBreadcrumb(text)) return { kind: 'anchor', reason: 'navigation' };
  const shape: LineShape = lineShape(text);
  return shape.weak ? { kind: 'weak', words: shape.words } : { kind: 'body' };
}

/** The body split into what stays and what was taken out, each in file order. */
export interface BoilerplateSplit {
  kept: string[];
  removed: RemovedBlock[];
  /** What the date lines, bylines and tags lines said; empty when there were none. */
  metadata: ArticleMetadata;
}

/**
 * Removes site text from the head and the tail of the body (see the module comment). Lines
 * inside the article are never looked at. If every line would go, nothing is removed: a body
 * made only of "site text" means the rules are wrong for this file, and keeping is the safe
 * mistake.
 */
export function removeBoilerplate(
  blocks: readonly string[],
  rules: BoilerplateRules,
  options: CleanOptions = {},
): BoilerplateSplit {
  const signals = new Map<number, LineSignal>();
  const signalAt = (index: number): LineSignal => {
    let signal = signals.get(index);
    if (!signal) {
      signal = lineSignal(blocks[index]!, rules, options);
      signals.set(index, signal);
    }
    return signal;
  };
  const stopsEdge = (signal: LineSignal): boolean => signal.kind === 'body' || signal.kind === 'attribution';
  const reasons = new Map<number, RemovalReason>();
  const flag = (i: number, signal: LineSignal, licence: RemovalReason | null): boolean => {
    if (signal.kind === 'anchor' || signal.kind === 'site') reasons.set(i, signal.reason);
    else if (signal.kind === 'metadata') reasons.set(i, 'metadata');
    else if (licence) reasons.set(i, licence);
    else return false;
    return true;
  };

  // The head: the lines before the first one that is article text. Read backwards from there,
  // a short non-sentence line is site text when an anchor follows it.
  let headZone = 0;
  const headLimit = Math.min(blocks.length, MAX_EDGE_LINES);
  while (headZone < headLimit && !stopsEdge(signalAt(headZone))) headZone++;
  const headFlags: boolean[] = [];
  let nextAnchor: RemovalReason | null = null;
  for (let i = headZone - 1; i >= 0; i--) {
    const signal = signalAt(i);
    if (signal.kind === 'anchor' || signal.kind === 'site') nextAnchor = signal.reason;
    // A byline or a date line marks the head as well as an anchor does ("Politics", then "By…").
    if (signal.kind === 'metadata') nextAnchor ??= 'navigation';
    const licensed =
      signal.kind === 'weak' && signal.words <= HEAD_WEAK_MAX_WORDS && !endsSentence(blocks[i]!)
        ? nextAnchor
        : null;
    headFlags[i] = flag(i, signal, licensed);
  }
  // Only an edge run is removed: the flagged lines from the very first one on.
  let headEnd = 0;
  while (headEnd < headZone && headFlags[headEnd]) headEnd++;

  // The tail: the lines after the last one that is article text (and after the head run).
  let tailZone = blocks.length;
  const tailLimit = Math.max(headEnd, blocks.length - MAX_EDGE_LINES);
  while (tailZone > tailLimit && !stopsEdge(signalAt(tailZone - 1))) tailZone--;
  const tailFlags: boolean[] = [];
  let lastAnchor: RemovalReason | null = null;
  for (let i = tailZone; i < blocks.length; i++) {
    let signal = signalAt(i);
    if (signal.kind === 'anchor') lastAnchor = signal.reason;
    // A date alone in the tail is a related post's date, not the article's: a short line.
    if (signal.kind === 'metadata' && signal.dateOnly) {
      signal = { kind: 'weak', words: 3 };
      signals.set(i, signal);
    }
    tailFlags[i] = flag(i, signal, signal.kind === 'weak' ? lastAnchor : null);
  }
  let tailStart = blocks.length;
  while (tailStart > Math.max(headEnd, tailZone) && tailFlags[tailStart - 1]) tailStart--;

  if (headEnd === 0 && tailStart === blocks.length) return { kept: [...blocks], removed: [], metadata: {} };
  if (headEnd >= tailStart) return { kept: [...blocks], removed: [], metadata: {} };

  const kept = blocks.slice(headEnd, tailStart);
  const removed: RemovedBlock[] = [];
  const metadata: ArticleMetadata = {};
  const setAside = (i: number, position: 'start' | 'end'): void => {
    removed.push({ text: blocks[i]!, reason: reasons.get(i)!, position });
    const signal = signalAt(i);
    if (signal.kind === 'metadata') mergeMetadata(metadata, signal.metadata);
  };
  for (let i = 0; i < headEnd; i++) setAside(i, 'start');
  for (let i = tailStart; i < blocks.length; i++) setAside(i, 'end');
  return { kept, removed, metadata };
}

/** Adds what one line said to what earlier lines said; the first value found wins. */
function mergeMetadata(into: ArticleMetadata, found: ArticleMetadata): void {
  if (found.author && !into.author) into.author = found.author;
  if (found.publishedAt && !into.publishedAt) into.publishedAt = found.publishedAt;
  if (found.modifiedAt && !into.modifiedAt) into.modifiedAt = found.modifiedAt;
  if (found.suggestedTags) {
    const tags = into.suggestedTags ?? [];
    for (const tag of found.suggestedTags) if (!tags.includes(tag)) tags.push(tag);
    into.suggestedTags = tags;
  }
}
