/**
 * A parsed query tested on one article: words through sets of articles from the full-text index,
 * field terms on the article's library entry, phrases on the article's own text. Phrases need the
 * text read from disk, so a first, synchronous pass leaves them undecided (three-valued logic:
 * `undefined`) and only the articles it does not turn down are read and decided.
 */
import type { PhraseNode, QueryNode, WordNode } from '../../core/search/query/ast';
import { combine } from '../../core/search/query/parse';
import { matchesFieldTerm, type QueryEntry } from '../../core/search/query/match-entry';
import { foldWord, queryTermsOf, words } from '../../core/search/text';

/** true, false, or not known yet (a phrase not checked against the text). */
export type Truth = boolean | undefined;

export interface EvaluationContext {
  entry: QueryEntry;
  /** Whether the article holds the word (in the query's scope). */
  holds: (word: string) => boolean;
  /** Whether the article holds the phrase word for word; `undefined` when not checked yet. */
  phrase: (node: PhraseNode) => Truth;
}

/** The truth of `node` for one article. */
export function evaluate(node: QueryNode, context: EvaluationContext): Truth {
  switch (node.type) {
    case 'and': {
      let truth: Truth = true;
      for (const child of node.children) {
        const value = evaluate(child, context);
        if (value === false) return false;
        if (value === undefined) truth = undefined;
      }
      return truth;
    }
    case 'or': {
      let truth: Truth = false;
      for (const child of node.children) {
        const value = evaluate(child, context);
        if (value === true) return true;
        if (value === undefined) truth = undefined;
      }
      return truth;
    }
    case 'not': {
      const value = evaluate(node.child, context);
      return value === undefined ? undefined : !value;
    }
    case 'word':
      return context.holds(node.text);
    case 'phrase':
      // The index tells at once when a word of the phrase is missing; the text, whether they follow.
      for (const word of node.text.split(' ')) if (!context.holds(word)) return false;
      return context.phrase(node);
    case 'field':
    case 'range':
      return matchesFieldTerm(context.entry, node);
  }
}

/**
 * The query without words that search nothing (stop words such as "the", a lone "-"): they
 * would otherwise make `-the` turn every article down. A phrase keeps its stop words.
 */
export function withoutEmptyWords(node: QueryNode | null): QueryNode | null {
  if (!node) return null;
  switch (node.type) {
    case 'and':
    case 'or':
      return combine(
        node.type,
        node.children.flatMap((child) => withoutEmptyWords(child) ?? []),
      );
    case 'not': {
      const child = withoutEmptyWords(node.child);
      return child ? { type: 'not', child } : null;
    }
    case 'word':
      return hasIndexTerms(node) ? node : null;
    default:
      return node;
  }
}

const hasIndexTerms = (node: WordNode): boolean =>
  words(node.text).some((word) => queryTermsOf(word).length > 0);

/** The folded words of a phrase, stop words included: what must follow one another in the text. */
export function phraseWords(phrase: string): string[] {
  return words(phrase).map(foldWord);
}

/**
 * Whether `text` holds `wanted` (folded words) one after the other, case and accents aside:
 * "Bank of England" is found in "the Bank of England's rate", not in "England's bank". One
 * regular expression over the text (words apart by anything but letters and digits), tried on
 * the text as it is first and on its folded form only if that fails and the text has accents:
 * tokenizing a whole article for each candidate cost a third of a millisecond.
 */
export function containsPhrase(text: string, wanted: readonly string[]): boolean {
  if (wanted.length === 0) return false;
  const pattern = phrasePattern(wanted);
  if (pattern.test(text)) return true;
  // eslint-disable-next-line no-control-regex -- "any character beyond ASCII"
  return /[^\u0000-\u007f]/.test(text) && pattern.test(foldWord(text));
}

const LETTER = String.raw`[\p{L}\p{N}\p{M}]`;
const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Patterns of the phrases of a query, made once per phrase (a query checks many articles). */
const patterns = new Map<string, RegExp>();
function phrasePattern(wanted: readonly string[]): RegExp {
  const key = wanted.join(' ');
  let pattern = patterns.get(key);
  if (!pattern) {
    const body = wanted.map(escape).join(String.raw`[^\p{L}\p{N}\p{M}]+`);
    pattern = new RegExp(`(?<!${LETTER})${body}(?!${LETTER})`, 'iu');
    if (patterns.size > 256) patterns.clear();
    patterns.set(key, pattern);
  }
  return pattern;
}
