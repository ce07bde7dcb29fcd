/**
 * Text processing for search, shared by the index (src/node/search) and anything that marks
 * matches: tokenizing, case and accent folding, and a light per-language stemmer. Pure functions,
 * no Node or DOM, so the same rules apply when indexing, querying and making snippets.
 */

/** A word of a text and where it stands (UTF-16 offsets, `end` exclusive). */
export interface Token {
  word: string;
  start: number;
  end: number;
}

/*
 * A word is a run of letters and digits, with marks (accents written as combining characters)
 * inside it. Apostrophes and hyphens split words: "l'économie" gives "l" and "économie", so the
 * French elision does not hide the noun; "state-owned" gives "state" and "owned".
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Every word of `text` with its offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Ligatures that NFD leaves whole but a reader types as two letters. */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/**
 * Lower case without accents: `Été` → `ete`, `Œuvre` → `oeuvre`. NFD splits each accented letter
 * into its base and combining marks, which are then dropped.
 */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[œæß]/g, (letter) => LIGATURES[letter] ?? letter);
}

/** Languages with their own stemming rules; any other language gets the shared rules only. */
export type StemLanguage = 'fr' | 'en' | 'other';

/** The stemming rules for an article's BCP 47 language. */
export function stemLanguageOf(language: string): StemLanguage {
  return language === 'fr' || language === 'en' ? language : 'other';
}

/*
 * Light stemming: plurals only (and a few regular English endings), applied to folded words.
 * Snowball-style stemmers cut deeper ("negotiation" → "negoti") and then need the same stemmer on
 * the query, in the article's language; light rules make `négociations` find `négociation` and
 * `markets` find `market` without merging unrelated words, and prefix search covers the rest
 * (`negoci` finds both). Words of 3 letters or fewer are left alone ("bus", "gas", "les").
 */
const KEEP_FINAL_S = /(ss|us|is|ys|as|os)$/;

/** The light stem of a folded word in `language`. */
export function stem(word: string, language: StemLanguage): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  if (language === 'fr') {
    // journaux → journal, but "travaux" → "traval" is wrong: -aux only after 5 letters or more.
    if (word.length > 5 && word.endsWith('aux')) return `${word.slice(0, -3)}al`;
    if (word.endsWith('eaux') || word.endsWith('eux')) return word.slice(0, -1);
    if (word.endsWith('s') && !KEEP_FINAL_S.test(word)) return word.slice(0, -1);
    return word;
  }
  if (language === 'en') {
    if (word.length > 4 && word.endsWith('ies') && !word.endsWith('eies')) return `${word.slice(0, -3)}y`;
    if (/(ss|x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
    if (word.endsWith("'s")) return word.slice(0, -2);
    if (word.endsWith('s') && !KEEP_FINAL_S.test(word)) return word.slice(0, -1);
    return word;
  }
  if (word.endsWith('s') && !KEEP_FINAL_S.test(word)) return word.slice(0, -1);
  return word;
}

/** The index term of a word of an article in `language`: folded, then stemmed. */
export function termOf(word: string, language: StemLanguage): string {
  return stem(foldWord(word), language);
}

/**
 * The terms a query word may stand for. The query's language is not known (a French reader may
 * search English articles), so the word is stemmed by each language's rules and every distinct
 * stem is searched.
 */
export function queryTermsOf(word: string): string[] {
  const folded = foldWord(word);
  if (isStopWord(folded)) return [];
  return [...new Set([stem(folded, 'en'), stem(folded, 'fr')])];
}

/*
 * Words too common to tell articles apart, in English and French (folded). They are left out of
 * the index and of queries: at 20,000 articles "the" alone is in every one, and scoring it would
 * cost more than every other word of the query together. Kept short: only function words.
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i in into is it its of on or ' +
    'our she that the their them there they this to was we were which who will with would you ' +
    'au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur lui mais ' +
    'ne nous on ou par pas pour qu que qui sa se ses son sont sur un une vous'
  ).split(' '),
);

/** True for a folded word left out of the index and of queries. */
export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}
